import type { Element, Root } from 'hast';
import { toString as hastToString } from 'hast-util-to-string';
import { directionOf } from '../i18n/language.js';

/** A letter of a right-to-left script. */
const rtlLetter = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;

/**
 * In a right-to-left document, a note with no right-to-left letter at all is a citation left in the source
 * language (a translation cites its sources by their published titles): mark it with that language and
 * `dir="ltr"`, so its punctuation stays at its end and a screen reader reads it as English (#10). The
 * translator writes the note as in the source; no markup is needed, so the XLIFF round trip stays exact.
 */
export function rehypeSourceLanguageNotes(options: { lang: string; sourceLang: string }) {
  return (tree: Root) => {
    if (directionOf(options.lang) !== 'rtl' || directionOf(options.sourceLang) === 'rtl') return;
    const visit = (node: Root | Element) => {
      for (const child of node.children) {
        if (child.type !== 'element') continue;
        if (child.tagName === 'section' && (child.properties.dataFootnotes !== undefined || String(child.properties.className ?? '').includes('footnotes'))) {
          for (const list of child.children)
            if (list.type === 'element' && list.tagName === 'ol')
              for (const item of list.children)
                if (item.type === 'element' && item.tagName === 'li' && item.properties.lang === undefined && !rtlLetter.test(hastToString(item)))
                  item.properties = { ...item.properties, lang: options.sourceLang, dir: 'ltr' };
        } else visit(child);
      }
    };
    visit(tree);
  };
}
