import { z } from 'zod';
import { interfaceWordKeys, placeholdersIn, type WordKey } from '../../i18n/interface-words.js';

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** One interface word: text with exactly the placeholders its key uses (#10: `{city}` left out printed "edition"). */
function word(key: WordKey) {
  const { use, placeholders } = interfaceWordKeys[key];
  const names = placeholders.map((p) => `{${p}}`).join(' and ');
  return z
    .string()
    .min(1)
    .refine((text) => sameSet([...new Set(placeholdersIn(text))], placeholders), {
      message: placeholders.length ? `Write ${names} in the text, and no other {placeholder}` : 'This text takes no {placeholder}',
    })
    .optional()
    .describe(`${use}${placeholders.length ? ` Placeholders: ${names}.` : ''}`);
}

/**
 * Overrides of the interface words for one language (#10): a strict object, so a misspelt key is an error
 * with a did-you-mean, never silently ignored. Keys left out use the built-in words.
 */
export const interfaceWordsSchema = z
  .strictObject(Object.fromEntries((Object.keys(interfaceWordKeys) as WordKey[]).map((key) => [key, word(key)])) as Record<WordKey, ReturnType<typeof word>>)
  .describe('Interface words for one language; see docs/translating.md for every key.');

export type InterfaceWordsConfig = z.infer<typeof interfaceWordsSchema>;
