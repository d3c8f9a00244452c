import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { report } from '../../diagnostics/messages.js';
import type { MarkdownCheck } from './markdown-check.js';
import { matchSource } from './source-text.js';

/** kramdown's inline attribute lists: `{:.class}`, `{: #id}`, `{:toc}`, `{::options …}`. */
const attributeList = /\{:[^}\n]{0,200}\}/g;

/** `attribute-list` (#13): Jekyll's kramdown reads `{:.class}`; GitHub-flavoured Markdown prints it. */
export const checkAttributeLists: MarkdownCheck = (tree: Root, file: VFile) => {
  for (const match of matchSource(file, tree, attributeList)) {
    report(file, 'attribute-list', { text: match.text }, { place: { start: match.start, end: match.end } });
  }
};
