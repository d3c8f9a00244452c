import type { Root } from 'mdast';
import { visit } from './visit-tree.js';

/**
 * Section files are joined into one document, and each may use `[^1]`: prefix every footnote label
 * with the file's scope so notes from two files never collide.
 */
export function remarkScopeFootnotes(options: { scope: string }) {
  return (tree: Root) => {
    visit(tree, (node) => {
      if (node.type === 'footnoteReference' || node.type === 'footnoteDefinition') {
        node.identifier = `${options.scope}-${node.identifier}`;
        node.label = `${options.scope}-${node.label ?? node.identifier}`;
      }
    });
  };
}

/** Shift heading levels down (`#` in a section file prints as `<h2>` under the guide's title). */
export function remarkShiftHeadings(options: { by: number }) {
  return (tree: Root) => {
    visit(tree, 'heading', (node) => {
      node.depth = Math.min(6, node.depth + options.by) as 1 | 2 | 3 | 4 | 5 | 6;
    });
  };
}
