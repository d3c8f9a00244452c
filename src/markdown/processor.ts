import type { Root } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { VFile } from 'vfile';

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
