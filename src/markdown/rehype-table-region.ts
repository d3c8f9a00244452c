import type { Element, Root } from 'hast';
import { h } from 'hastscript';
import { SKIP, visit } from './visit-tree.js';

/**
 * #12: a wide table scrolls sideways inside its own box on a phone, never the page (WCAG 1.4.10). The box
 * is a region named by the heading above the table, and focusable, so a keyboard can scroll it too
 * (axe: scrollable-region-focusable). A table with no heading before it gets the box without the name.
 */
export function rehypeTableRegion() {
  return (tree: Root) => {
    let heading: string | undefined;
    visit(tree, 'element', (node: Element, index, parent) => {
      if (/^h[1-6]$/.test(node.tagName) && typeof node.properties.id === 'string') heading = node.properties.id;
      if (node.tagName !== 'table' || !parent || index === undefined) return;
      if (parent.type === 'element' && parent.properties.className?.toString().includes('table-scroll')) return;
      const props = heading ? { role: 'region', ariaLabelledBy: heading, tabIndex: 0 } : { tabIndex: 0 };
      parent.children[index] = h('div.table-scroll', props, [node]);
      return [SKIP, index + 1];
    });
  };
}
