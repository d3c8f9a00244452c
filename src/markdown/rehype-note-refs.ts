import type { Element, ElementContent, Root, Text } from 'hast';
import { toString as hastToString } from 'hast-util-to-string';
import { h } from 'hastscript';
import { visit } from './visit-tree.js';

const isNoteRef = (node: ElementContent | undefined): node is Element =>
  node?.type === 'element' &&
  node.tagName === 'sup' &&
  node.children.some((c) => c.type === 'element' && c.tagName === 'a' && c.properties.dataFootnoteRef !== undefined);

/**
 * #12: a note number never starts a line on its own. Each run of note references is joined to the word
 * before it in a `span.note-join` the stylesheets keep on one line (`white-space: nowrap`): the last word of
 * the text before, or the element before when it is short (a link, an emphasis).
 */
export function rehypeNoteRefs() {
  return (tree: Root) => {
    visit(tree, 'element', (parent: Element) => {
      if (parent.tagName === 'span' && Array.isArray(parent.properties.className) && parent.properties.className.includes('note-join')) return;
      // #14: most elements hold no note number: they are left without copying their children.
      if (!parent.children.some(isNoteRef)) return;
      const out: ElementContent[] = [];
      const children = parent.children;
      let changed = false;
      for (let i = 0; i < children.length; i++) {
        const node = children[i] as ElementContent;
        if (!isNoteRef(node)) {
          out.push(node);
          continue;
        }
        const refs: ElementContent[] = [node];
        while (isNoteRef(children[i + 1])) refs.push(children[++i] as ElementContent);
        const before = out.at(-1);
        let head: ElementContent | undefined;
        if (before?.type === 'text') {
          // The last word; of a long run without spaces (Chinese is written so), the last two characters.
          let last = /(\S+)$/.exec(before.value)?.[1] ?? '';
          if ([...last].length > 16 || /\p{Script=Han}/u.test(last)) last = [...last].slice(-2).join('');
          if (last) {
            before.value = before.value.slice(0, before.value.length - last.length);
            if (!before.value) out.pop();
            head = { type: 'text', value: last } satisfies Text;
          }
        } else if (before?.type === 'element' && hastToString(before).length <= 30) {
          head = out.pop();
        }
        out.push(h('span.note-join', [...(head ? [head] : []), ...refs]));
        changed = true;
      }
      if (changed) parent.children = out;
    });
  };
}

/**
 * #12: a lead-in, right before a list or a table, is marked `p.lead-in`, so print keeps it on the page of
 * what it introduces: a paragraph ending with a colon ("A strong local law should:"), or a run-in heading
 * (a paragraph that is only bold text: "**Who did what.**"), which a case study puts before its table.
 */
/** A paragraph that is only bold text (and white space around it). */
function isRunInHeading(node: Element): boolean {
  const kids = node.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''));
  return kids.length === 1 && kids[0]?.type === 'element' && (kids[0].tagName === 'strong' || kids[0].tagName === 'b');
}

export function rehypeLeadIns() {
  return (tree: Root) => {
    const mark = (parent: Root | Element) => {
      const blocks = (parent.children as (Element | { type: string })[]).filter((c): c is Element => c.type === 'element');
      for (const [i, node] of blocks.entries()) {
        const next = blocks[i + 1];
        if (node.tagName !== 'p' || !next || !['ul', 'ol', 'table'].includes(next.tagName)) continue;
        if (!/[:：]\s*$/.test(hastToString(node)) && !isRunInHeading(node)) continue;
        const className = Array.isArray(node.properties.className) ? node.properties.className : [];
        node.properties.className = [...className, 'lead-in'];
      }
    };
    mark(tree);
    visit(tree, 'element', mark);
  };
}
