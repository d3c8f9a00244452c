import type { Root } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';

/**
 * The one Markdown dialect of the toolkit (#8): GitHub-flavoured Markdown, YAML front matter and
 * directives (`:city[name]`, `::case-study{slot="…"}`). Sections and case studies are parsed with it once,
 * when the project loads; each document renders from a copy of the tree.
 */
export function createMarkdownParser() {
  return unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter).use(remarkDirective).freeze();
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
  const front = /^---[ \t]*\r?\n(?:[^\n]*\n)*?---[ \t]*(?:\r?\n|$)/.exec(String(file.value));
  return front ? parser.parse(new VFile({ path: file.path, value: front[0] })) : { type: 'root', children: [] };
}
