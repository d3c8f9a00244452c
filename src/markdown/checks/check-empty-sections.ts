import type { Root, RootContent } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import { report } from '../../diagnostics/messages.js';
import type { MarkdownCheck } from './markdown-check.js';

/** Nodes that print nothing where they stand. */
const invisible = new Set(['yaml', 'definition', 'footnoteDefinition']);
const isComment = (node: RootContent) => node.type === 'html' && /^\s*<!--[\s\S]*-->\s*$/.test(node.value);

/** `empty-section` (#13): a heading followed by nothing, or by a heading of its own level or above. */
export const checkEmptySections: MarkdownCheck = (tree: Root, file: VFile) => {
  const nodes = tree.children.filter((node) => !invisible.has(node.type) && !isComment(node));
  for (const [i, node] of nodes.entries()) {
    if (node.type !== 'heading') continue;
    const next = nodes[i + 1];
    if (next && (next.type !== 'heading' || next.depth > node.depth)) continue;
    report(file, 'empty-section', { heading: mdastToString(node) }, { place: node.position });
  }
};
