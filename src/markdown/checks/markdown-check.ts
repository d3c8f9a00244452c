import type { Root } from 'mdast';
import type { VFile } from 'vfile';

/** What a Markdown source is: checks differ a little (case studies keep front matter and have no # title). */
export type SourceKind = 'section' | 'case-study';

/**
 * A check of one Markdown source (#13): like a remark-lint rule, it reads the parsed tree and reports on
 * the file. It runs once per source file when the project loads, never once per edition.
 */
export type MarkdownCheck = (tree: Root, file: VFile, context: { kind: SourceKind }) => void;
