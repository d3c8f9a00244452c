import type { Element, ElementContent, Root } from 'hast';
import rehypeRaw from 'rehype-raw';
import type { VFile } from 'vfile';
import { EXIT, visit } from './visit-tree.js';

/**
 * Parse raw HTML one source at a time (#9): each section, each case study, each footnote. Parsed as one
 * stream, a tag that one file left open took in everything after it: an unclosed `<table>` in a section put
 * the next section inside its cell, and such tags in many files nested without bound, past what the
 * recursive stages after this one can take.
 */
export function rehypeRawPerSource() {
  const parseRaw = rehypeRaw();
  return (tree: Root, file: VFile): Root => {
    const parseInside = (node: Element) => {
      node.children = parseRaw({ type: 'root', children: node.children }, file).children as ElementContent[];
    };
    // Inner sources first: a case study sits inside a section, and each footnote holds one file's text.
    visit(tree, 'element', (node: Element) => {
      if (hasClass(node, 'case-study') || (node.tagName === 'li' && String(node.properties.id ?? '').startsWith('fn-'))) parseInside(node);
    });
    visit(tree, 'element', (node: Element) => {
      if (hasClass(node, 'part')) parseInside(node);
    });
    let rest = false;
    visit(tree, 'raw', () => {
      rest = true;
      return EXIT;
    });
    return rest ? parseRaw(tree, file) : tree;
  };
}

const hasClass = (node: Element, name: string) => Array.isArray(node.properties.className) && node.properties.className.includes(name);
