import type { Element, ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import { visit } from './visit-tree.js';

/**
 * GFM checklists print a disabled `<input type=checkbox>`. In a PDF Chromium tags it as a form field
 * (Form, with a PrintField attribute), which a PDF/UA checker then expects to be a working widget (#12);
 * in a web page it is a control no one can use. A checklist in a guide is text to read: print the box as
 * a character, ☐ or ☑ (screen readers say "ballot box" or "ballot box with check"), in the symbols font.
 */
export function rehypeLabelTaskItems() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      const className = node.properties.className;
      if (node.tagName !== 'li' || !Array.isArray(className) || !className.includes('task-list-item')) return;
      const replace = (children: ElementContent[]) => {
        const at = children.findIndex((c) => c.type === 'element' && c.tagName === 'input' && c.properties.type === 'checkbox');
        if (at === -1) return false;
        const checked = Boolean((children[at] as Element).properties.checked);
        children[at] = h('span', { className: ['task-box', checked ? 'task-done' : 'task-open'] }, checked ? '\u2611' : '\u2610');
        return true;
      };
      if (replace(node.children)) return;
      for (const p of node.children) if (p.type === 'element' && p.tagName === 'p' && replace(p.children)) return;
    });
  };
}
