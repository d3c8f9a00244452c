import type { Element, ElementContent, Root } from 'hast';
import { toString as hastToString } from 'hast-util-to-string';
import { h } from 'hastscript';
import { visit } from './visit-tree.js';

/** `, Publisher, Year.` after a note's title; the publisher may hold commas, the year does not. */
const TAIL = /^,\s+(.+),\s+([^,]+?)\.?\s*$/;

/** Words a short title does not end on. */
const FUNCTION_WORDS = /^(?:a|an|the|of|for|to|in|on|at|by|and|or|with|from|can|is|are|how|what)$/i;

/**
 * A short title for a repeat citation (#12, as the Chicago Manual's short form): the title up to a colon or
 * a dash; a longer one cut to its first five words, never ending on a little word ("of", "the"). A
 * question stays whole: cut, it would read as something else.
 */
export function shortTitle(title: string): string {
  const main = title.split(/:\s|\s[—–]\s/)[0]?.trim() || title;
  const words = main.split(/\s+/);
  if (words.length <= 6 || /\?$/.test(main)) return main;
  const kept = words.slice(0, 5);
  while (kept.length > 2 && FUNCTION_WORDS.test(kept.at(-1)?.replace(/[^\p{L}]/gu, '') ?? '')) kept.pop();
  return kept.join(' ').replace(/[,;:.(–—-]+$/, '');
}

/**
 * #12: notes cite a source once in full and briefly after. A note that is a single citation
 * (`*Title*, Publisher, Year.`) and repeats an earlier note of the document word for word becomes
 * "Publisher, *Short title*." Notes of any other shape are left as written.
 */
export function rehypeShortCitations() {
  return (tree: Root) => {
    const seen = new Set<string>();
    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'li' || typeof node.properties.id !== 'string' || !node.properties.id.startsWith('fn-')) return;
      const p = node.children.find((c): c is Element => c.type === 'element' && c.tagName === 'p');
      if (!p) return;
      const backref = p.children.findIndex((c) => c.type === 'element' && c.properties.dataFootnoteBackref !== undefined);
      const own = backref === -1 ? p.children : p.children.slice(0, backref);
      const key = hastToString(h('p', own)).replace(/\s+/g, ' ').trim();
      const [title, tail, ...rest] = own.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
      const cited = title?.type === 'element' && title.tagName === 'em' && tail?.type === 'text' && rest.length === 0 ? TAIL.exec(tail.value) : null;
      if (!cited || !seen.has(key)) {
        seen.add(key);
        return;
      }
      const brief = shortTitle(hastToString(title as Element));
      const short: ElementContent[] = [{ type: 'text', value: `${cited[1]}, ` }, h('em', brief), { type: 'text', value: /[.?!]$/.test(brief) ? ' ' : '. ' }];
      p.children = [...short, ...(backref === -1 ? [] : p.children.slice(backref))];
    });
  };
}
