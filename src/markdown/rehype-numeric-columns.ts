import type { Element, Root } from 'hast';
import { toString as hastToString } from 'hast-util-to-string';
import { copyTree } from './copy-tree.js';
import { visit } from './visit-tree.js';

/** An amount, a count, a year or a share: "$36,500", "1", "2019", "c. 2015", "60%", "$1.48 million". */
const NUMBER = /^(?:c\.\s*)?[-+−]?[$€£¥]?\s?\d[\d,.\s]*(?:%|\s?(?:million|billion|k|m|bn))?$/i;

const cells = (row: Element) => row.children.filter((c): c is Element => c.type === 'element' && (c.tagName === 'td' || c.tagName === 'th'));

/** A cell's own text, without its note numbers. */
function cellText(cell: Element): string {
  const copy = copyTree(cell);
  visit(copy, 'element', (node: Element, index, parent) => {
    if (node.tagName === 'sup' && parent && index !== undefined) {
      parent.children.splice(index, 1);
      return index;
    }
  });
  return hastToString(copy).trim();
}

/**
 * #12: a table column whose body cells are all numbers (blank ones aside) is numeric: its cells, heading
 * included, are marked `.numeric` and set flush right with figures of one width.
 */
export function rehypeNumericColumns() {
  return (tree: Root) => {
    visit(tree, 'element', (table: Element) => {
      if (table.tagName !== 'table') return;
      const rows: Element[] = [];
      visit(table, 'element', (node: Element) => {
        if (node.tagName === 'tr') rows.push(node);
      });
      const body = rows.filter((row) => cells(row).every((c) => c.tagName === 'td'));
      const width = Math.max(0, ...rows.map((row) => cells(row).length));
      for (let col = 0; col < width; col++) {
        const texts = body.map((row) => cellText(cells(row)[col] ?? { type: 'element', tagName: 'td', properties: {}, children: [] })).filter(Boolean);
        if (!texts.length || !texts.every((t) => NUMBER.test(t.replaceAll('**', '')))) continue;
        for (const row of rows) {
          const cell = cells(row)[col];
          if (!cell) continue;
          const className = Array.isArray(cell.properties.className) ? cell.properties.className : [];
          cell.properties.className = [...className, 'numeric'];
        }
      }
    });
  };
}
