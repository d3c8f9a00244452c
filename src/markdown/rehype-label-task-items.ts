import type { Element, Root } from 'hast';
import { toString as hastToString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';

/** GFM checklists print `<input type=checkbox>` without a label; name each by its item's text (axe: label). */
export function rehypeLabelTaskItems() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      const className = node.properties.className;
      if (node.tagName !== 'li' || !Array.isArray(className) || !className.includes('task-list-item')) return;
      const input =
        node.children.find((c): c is Element => c.type === 'element' && c.tagName === 'input') ??
        node.children
          .filter((c): c is Element => c.type === 'element' && c.tagName === 'p')
          .flatMap((p) => p.children)
          .find((c): c is Element => c.type === 'element' && c.tagName === 'input');
      if (input) input.properties.ariaLabel = hastToString(node).trim().slice(0, 200);
    });
  };
}
