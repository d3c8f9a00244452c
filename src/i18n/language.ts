import { type BuiltInLanguage, builtInWords } from './interface-words.js';
import { once } from './once.js';

/** Scripts written right to left. */
const rtlScripts = new Set(['Arab', 'Hebr', 'Thaa', 'Syrc', 'Nkoo', 'Adlm', 'Rohg', 'Mand', 'Samr']);

/** A tag's likely language, script and region, once per tag (#14: ICU's answer took about 1 ms a document). */
const maximize = once((lang: string): Intl.Locale | undefined => {
  try {
    return new Intl.Locale(lang).maximize();
  } catch {
    return undefined;
  }
});

/** `rtl` for a language written right to left (Arabic, Urdu, Persian, Hebrew…), from its likely script (#10). */
export function directionOf(lang: string): 'ltr' | 'rtl' {
  return rtlScripts.has(maximize(lang)?.script ?? '') ? 'rtl' : 'ltr';
}

/**
 * A language's likely script, as ISO 15924 names it (`Latn`, `Arab`, `Hans`, `Cyrl`, `Beng`…): set on each
 * page's root as `data-script`, so a theme can style what suits one script only (an initial letter breaks
 * Arabic's joined letters and means nothing in Chinese).
 */
export function scriptOf(lang: string): string | undefined {
  return maximize(lang)?.script;
}

/** Whether two language tags name the same language in the same script (`zh` and `zh-Hans` do; `zh-Hant` does not). */
export function sameLanguage(a: string, b: string): boolean {
  const x = maximize(a);
  const y = maximize(b);
  return x !== undefined && y !== undefined && x.language === y.language && x.script === y.script;
}

/** The built-in interface words for a language, when its language and script match an entry. */
export function builtInFor(lang: string): BuiltInLanguage | undefined {
  const wanted = maximize(lang);
  if (!wanted) return undefined;
  for (const [code, entry] of Object.entries(builtInWords)) {
    if (code === wanted.language && entry.script === wanted.script) return entry;
  }
  return undefined;
}

/** Whether the machine's Intl has data for the language (Node's ICU has none for Haitian Creole). */
const intlKnows = once((lang: string) => Intl.DateTimeFormat.supportedLocalesOf([lang]).length > 0);

/** The name of language `code` in language `inLang`: `en` in Arabic is الإنجليزية. */
export const languageName = once((code: string, inLang: string): string => {
  const own = builtInFor(inLang)?.dates?.languages[code];
  if (own) return own;
  if (!intlKnows(inLang)) return code;
  try {
    return new Intl.DisplayNames([inLang], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
});

/** A YYYY-MM-DD date written the language's way (1 de noviembre de 2026, 2026年11月1日). */
export const formatDate = once((iso: string, lang: string): string => {
  const date = new Date(`${iso}T00:00:00Z`);
  const dates = builtInFor(lang)?.dates;
  if (dates && !intlKnows(lang)) {
    return dates.pattern
      .replace('{day}', String(date.getUTCDate()))
      .replace('{month}', dates.months[date.getUTCMonth()] ?? '')
      .replace('{year}', String(date.getUTCFullYear()));
  }
  try {
    return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
  } catch {
    return iso;
  }
});

/** The CSS counter style that writes numbers in the language's digits (Intl's numbering system). */
export const counterStyleOf = once((lang: string): string => {
  let system = 'latn';
  try {
    system = new Intl.NumberFormat(lang).resolvedOptions().numberingSystem;
  } catch {}
  const styles: Record<string, string> = { arab: 'arabic-indic', arabext: 'persian', beng: 'bengali', deva: 'devanagari', mymr: 'myanmar', thai: 'thai' };
  return styles[system] ?? 'decimal';
});

/** The comma between items of a label in a language's script: "،" in Arabic script, "，" in Chinese (#10). */
export function commaOf(lang: string): string {
  const base = lang.toLowerCase().split('-')[0] ?? '';
  if (['ar', 'fa', 'ur', 'ps', 'ckb', 'sd', 'ug'].includes(base)) return '، ';
  if (['zh', 'ja'].includes(base)) return '，';
  return ', ';
}
