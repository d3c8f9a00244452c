import type { PhrasingContent, Root } from 'mdast';
import type { TextDirective } from 'mdast-util-directive';
import { toString as mdastToString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import { report, suggestion } from '../diagnostics/messages.js';
import type { CityField, Passage } from '../edition/localize.js';
import { directionOf } from '../i18n/language.js';
import { cityVariables } from '../validate/schemas/city.js';
import { SKIP, visit } from './visit-tree.js';

/**
 * `:city[office]` prints the edition city's office, in the document's language when the city has a
 * translation (#10), else marked as the source language; any other `:name` is left as the text it was.
 */
export function remarkCityVariables(options: {
  value: (field: CityField | 'website') => Passage | undefined;
  lang: string;
  /** #12: the article a field's value takes in a sentence ("the City of New York"); none by default. */
  article?: (field: CityField | 'website') => string;
}) {
  return (tree: Root, file: VFile) => {
    visit(tree, 'textDirective', (node: TextDirective, index, parent) => {
      if (!parent || index === undefined) return;
      let replacement: PhrasingContent;
      let article = '';
      let valueLang = options.lang;
      if (node.name === 'city') {
        const field = mdastToString(node).trim();
        const passage = (cityVariables as readonly string[]).includes(field) ? options.value(field as CityField | 'website') : undefined;
        if (!passage) {
          const known = (cityVariables as readonly string[]).includes(field);
          if (known) report(file, 'city-field-missing', { name: field, cities: options.value('name')?.text ?? '' }, { place: node.position });
          else {
            const { known: hint, expected } = suggestion(field, cityVariables, 'variables');
            report(file, 'unknown-variable', { name: field, known: hint }, { place: node.position, expected });
          }
        }
        const shown = passage ?? options.value('name');
        // #12: the article only where the name is in the sentence's own language ("the" not in Spanish).
        if (passage && passage.lang === options.lang) {
          article = options.article?.(field as CityField) ?? '';
          valueLang = passage.lang;
        }
        replacement = !shown
          ? { type: 'text', value: field }
          : shown.lang === options.lang
            ? { type: 'text', value: shown.text }
            : ({
                type: 'cityValue',
                data: { hName: 'span', hProperties: { lang: shown.lang, dir: directionOf(shown.lang) } },
                children: [{ type: 'text', value: shown.text }],
              } as unknown as PhrasingContent);
      } else {
        // remark-directive reads "word:other" as a directive; give such text back unchanged.
        replacement = { type: 'text', value: `:${node.name}${node.children.length ? `[${mdastToString(node)}]` : ''}` };
      }
      const before = index > 0 ? parent.children[index - 1] : undefined;
      const lead = before?.type === 'text' ? before.value : index === 0 ? '' : undefined;
      if (article && lead !== undefined && !determined(lead, valueLang)) {
        // At the start of a sentence (or of a paragraph, a cell, an item) the article is capitalized.
        const start = /(?:^|[.!?]\s+)$/.test(lead);
        const word = start ? article.charAt(0).toLocaleUpperCase(valueLang) + article.slice(1) : article;
        parent.children.splice(index, 1, { type: 'text', value: `${word} ` }, replacement);
        return [SKIP, index + 2];
      }
      parent.children.splice(index, 1, replacement);
      return [SKIP, index];
    });
  };
}

/** Words after which a name takes no article of its own ("its Mayor's Office", "su Oficina"). */
const determiners: Record<string, RegExp> = {
  en: /\b(?:the|a|an|its|their|your|our|his|her|my|this|that|these|those|whose|each|every)\s+$/i,
  es: /(?:^|\s)(?:el|la|los|las|un|una|su|sus|tu|nuestro|nuestra|este|esta|ese|esa|cada|del|al)\s+$/i,
};

function determined(lead: string, lang: string): boolean {
  const words = determiners[lang.split('-')[0] ?? ''];
  return words ? words.test(lead) : true;
}
