import { interfaceWordKeys, type WordKey, type Words } from '../i18n/interface-words.js';
import { builtInFor, sameLanguage } from '../i18n/language.js';

/**
 * The interface words of one document (#10): the project's overrides (`strings:` in project.yaml) for
 * its language, else the built-in words of that language, else English. `langOf` names the language of
 * every word that is not in the document's language, so it is marked (lang, dir) where it is printed.
 */
export interface Strings extends Words {
  readonly lang: string;
  readonly langOf: Partial<Record<WordKey, string>>;
}

export type WordOverrides = Record<string, Partial<Words>>;

export function stringsFor(lang: string, overrides?: WordOverrides): Strings {
  const own = builtInFor(lang)?.words;
  const english = builtInFor('en')?.words as Words;
  const given = Object.entries(overrides ?? {}).find(([code]) => code === lang)?.[1] ?? {};
  const words = {} as Words;
  const langOf: Partial<Record<WordKey, string>> = {};
  for (const key of Object.keys(interfaceWordKeys) as WordKey[]) {
    const text = given[key] ?? own?.[key];
    if (text !== undefined) words[key] = text;
    else {
      words[key] = english[key];
      if (!sameLanguage(lang, 'en')) langOf[key] = 'en';
    }
  }
  return { ...words, lang, langOf };
}

/** The keys a language would print in English: no built-in words and no override for them. */
export function missingWords(lang: string, overrides?: WordOverrides): WordKey[] {
  return (Object.keys(stringsFor(lang, overrides).langOf) as WordKey[]).sort();
}

export const fill = (template: string, values: Record<string, string>) => template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
