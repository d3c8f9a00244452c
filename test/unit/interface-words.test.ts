import { describe, expect, it } from 'vitest';
import { missingWords, stringsFor } from '../../src/html/strings.js';
import { builtInWords, interfaceWordKeys, placeholdersIn } from '../../src/i18n/interface-words.js';
import { directionOf, formatDate, languageName } from '../../src/i18n/language.js';

const cityLanguages = ['en', 'es', 'zh', 'ru', 'bn', 'ht', 'ko', 'ar', 'fr', 'ur', 'pl', 'vi'];

describe('built-in interface words (#10)', () => {
  it('has every key in each language of New York City, Houston and Saint Paul, with the placeholders its key takes', () => {
    expect(Object.keys(builtInWords).sort()).toEqual([...cityLanguages].sort());
    for (const lang of cityLanguages) {
      const words = builtInWords[lang]?.words as Record<string, string>;
      expect(Object.keys(words).sort(), lang).toEqual(Object.keys(interfaceWordKeys).sort());
      for (const [key, { placeholders }] of Object.entries(interfaceWordKeys)) {
        expect([...new Set(placeholdersIn(words[key] as string))].sort(), `${lang}.${key}`).toEqual([...placeholders].sort());
      }
      // Every language but English has its own words, not copies of the English ones.
      if (lang !== 'en') expect(words.contents, lang).not.toBe('Contents');
      expect(missingWords(lang), lang).toEqual([]);
    }
  });

  it('uses Simplified Chinese words for zh and zh-Hans, never for zh-Hant', () => {
    expect(stringsFor('zh-Hans').contents).toBe('目录');
    expect(stringsFor('zh').langOf).toEqual({});
    expect(stringsFor('zh-Hant').contents).toBe('Contents');
    expect(stringsFor('zh-Hant').langOf.contents).toBe('en');
  });

  it('takes overrides first and marks what falls back to English', () => {
    const german = stringsFor('de', { de: { contents: 'Inhalt' } });
    expect(german.contents).toBe('Inhalt');
    expect(german.langOf.contents).toBeUndefined();
    expect(german.sources).toBe('Sources');
    expect(german.langOf.sources).toBe('en');
    expect(missingWords('de', { de: { contents: 'Inhalt' } })).not.toContain('contents');
  });

  it('knows the direction, dates and language names of each language, with Intl', () => {
    expect(cityLanguages.filter((lang) => directionOf(lang) === 'rtl')).toEqual(['ar', 'ur']);
    expect(formatDate('2026-11-01', 'es')).toBe('1 de noviembre de 2026');
    expect(formatDate('2026-11-01', 'zh-Hans')).toBe('2026年11月1日');
    expect(formatDate('2026-11-01', 'bn')).toBe('১ নভেম্বর, ২০২৬');
    // ICU has no Haitian Creole: the built-in month names stand in.
    expect(formatDate('2026-11-01', 'ht')).toBe('1 novanm 2026');
    expect(languageName('en', 'ar')).toBe('الإنجليزية');
    expect(languageName('en', 'ht')).toBe('angle');
  });
});
