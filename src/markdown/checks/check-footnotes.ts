import type { FootnoteDefinition, Root, Text } from 'mdast';
import type { VFile } from 'vfile';
import { report, suggestion } from '../../diagnostics/messages.js';
import { visit } from '../visit-tree.js';
import type { MarkdownCheck } from './markdown-check.js';
import { placeInNode } from './source-text.js';

const literalReference = /\[\^([^\]\s]+)\]/g;

/**
 * `undefined-footnote` and `unused-footnote` (#13). Notes are scoped to their file, so both ends must be
 * in the same file. GFM prints a reference without a definition as the text "[^label]" and drops a
 * definition nothing cites: both silently, until now.
 */
export const checkFootnotes: MarkdownCheck = (tree: Root, file: VFile) => {
  const defined = new Map<string, FootnoteDefinition>();
  const cited = new Set<string>();
  visit(tree, (node) => {
    if (node.type === 'footnoteDefinition') defined.set(node.identifier.toLowerCase(), node);
    if (node.type === 'footnoteReference') cited.add(node.identifier.toLowerCase());
  });
  visit(tree, 'text', (node: Text) => {
    const seen = new Map<string, number>();
    for (const match of node.value.matchAll(literalReference)) {
      const n = (seen.get(match[0]) ?? 0) + 1;
      seen.set(match[0], n);
      const label = match[1] as string;
      if (defined.has(label.toLowerCase())) continue;
      const { known, expected } = suggestion(
        label,
        [...defined.values()].map((d) => d.label ?? d.identifier),
        'notes in this file',
      );
      report(file, 'undefined-footnote', { label, known }, { place: placeInNode(file, node, match[0], n) ?? node.position, expected });
    }
  });
  for (const [id, node] of defined) {
    if (!cited.has(id)) report(file, 'unused-footnote', { label: node.label ?? node.identifier }, { place: node.position?.start });
  }
};
