import type { Root } from 'mdast';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { type Processor, unified } from 'unified';
import { VFile } from 'vfile';

/**
 * The one Markdown dialect of the toolkit (#8): GitHub-flavoured Markdown, YAML front matter and
 * directives (`:city[name]`, `::case-study{slot="…"}`). Sections and case studies are parsed with it once,
 * when the project loads; each document renders from a copy of the tree.
 *
 * #13: GFM's autolinks of bare addresses (`www.example.org`, `https://…`, `name@example.org`) cost a third
 * of a parse, checked at every character; a text with none of their starts (`www.`, `://`, `@`) cannot have
 * one, and is parsed without them: the same tree, sooner. Front matter is never linked, so only the text
 * after it counts: most case studies name their sources' addresses there and nowhere else.
 */
export function createMarkdownParser() {
  const full = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter).use(remarkDirective).freeze();
  const withoutAutolinks = unified().use(remarkParse).use(remarkGfmWithoutAutolinks).use(remarkFrontmatter).use(remarkDirective).freeze();
  return {
    parse: (file: VFile): Root => (mayAutolink(afterFrontMatter(String(file.value))) ? full : withoutAutolinks).parse(file),
  };
}

/** Whether a text may hold a GFM autolink literal: every one starts `www.`, has `://` or is an e-mail address. */
export const mayAutolink = (text: string) => /www\.|:\/\/|@/i.test(text);

/**
 * The text after a source's front matter, or all of it when it has none. Front matter is what
 * micromark-extension-frontmatter takes: a `---` line (spaces and tabs may follow) that starts the text, up
 * to the next such line. A text with a carriage return is given whole (the pattern reads lines ending in
 * `\n`; micromark also ends them at a lone `\r`).
 */
export function afterFrontMatter(text: string): string {
  if (text.includes('\r')) return text;
  const front = frontMatterPattern.exec(text);
  return front ? text.slice(front[0].length) : text;
}

/** A source's front matter, from its opening `---` line to the next `---` line (see afterFrontMatter). */
const frontMatterPattern = /^---[ \t]*\r?\n(?:[^\n]*\n)*?---[ \t]*(?:\r?\n|$)/;

/**
 * Whether a parsed source opens front matter that is never closed: its text starts with a `---` line, and
 * micromark made no front matter of it (it needs a closing `---` line), so the keys print as text (#13).
 */
export const unclosedFrontMatter = (tree: Root, text: string) => /^---[ \t]*(?:\r\n|\r|\n)/.test(text) && tree.children[0]?.type !== 'yaml';

/** remark-gfm without its autolink literals: GFM's footnotes, strikethrough, tables and task lists. */
function remarkGfmWithoutAutolinks(this: Processor) {
  const data = this.data();
  data.micromarkExtensions ??= [];
  data.fromMarkdownExtensions ??= [];
  data.micromarkExtensions.push(gfmFootnote(), gfmStrikethrough(), gfmTable(), gfmTaskListItem());
  data.fromMarkdownExtensions.push([gfmFootnoteFromMarkdown(), gfmStrikethroughFromMarkdown(), gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown()]);
}

export type MarkdownParser = ReturnType<typeof createMarkdownParser>;

export function parseMarkdown(parser: MarkdownParser, file: VFile): Root {
  return parser.parse(file);
}

/**
 * Parse only a source's front matter (the `---` block it starts with), for a file whose Markdown is past the
 * limits (#9): a case study keeps its city and slot, so one error is reported, not a cascade of others.
 */
export function parseFrontMatter(parser: MarkdownParser, file: VFile): Root {
  const front = frontMatterPattern.exec(String(file.value));
  // Positioned like a parsed tree, so what reads positions (the plain-language checks) finds them.
  const start = { line: 1, column: 1, offset: 0 };
  return front ? parser.parse(new VFile({ path: file.path, value: front[0] })) : { type: 'root', children: [], position: { start, end: start } };
}
