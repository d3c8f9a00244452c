import { directionOf } from '../i18n/language.js';
import { once } from '../i18n/once.js';
import type { BlueprintSource, CityProfile, Project } from '../project/load-project.js';
import type { TranslationMeta } from '../validate/schemas/translation.js';

/** A text a reader sees, and the language it is really in: a translation's, or the source's when there is none. */
export interface Passage {
  text: string;
  lang: string;
}

export type CityField = 'name' | 'government' | 'office' | 'office_short' | 'state';

/** Everything of one document that is not Markdown, in the document's language where a translation has it (#10). */
export interface LocalizedText {
  lang: string;
  dir: 'ltr' | 'rtl';
  sourceLang: string;
  projectTitle: Passage;
  projectSubtitle: Passage | undefined;
  title: Passage;
  subtitle: Passage | undefined;
  summary: Passage;
  /** #12: the cover's short text: the blurb, or the summary's first sentence. */
  blurb: Passage;
  /** The edition city's fields (the website as it is: addresses are not translated). */
  city: (field: CityField | 'website') => Passage | undefined;
  /** #12: the article the edition city's government or office takes in a sentence ("the"), or "". */
  article: (field: CityField | 'website') => string;
  /** Any city's name (the city a case study comes from). */
  cityName: (id: string) => Passage;
  /** Translations this document prints, whose review status marks the cover (#10). */
  translations: (TranslationMeta | undefined)[];
}

/** Pick each translatable value of a document from its translations, or the source with its language. */
export function localize(project: Project, blueprint: BlueprintSource, city: CityProfile, lang: string): LocalizedText {
  const sourceLang = project.config.languages[0] ?? 'en';
  const pick = (translated: string | undefined, source: string): Passage =>
    translated !== undefined && lang !== sourceLang ? { text: translated, lang } : { text: source, lang: sourceLang };
  const pickOptional = (translated: string | undefined, source: string | undefined) => (source === undefined ? undefined : pick(translated, source));
  const projectT = project.translations.get(lang)?.config;
  const blueprintT = blueprint.translations.get(lang);
  const cityOf = (profile: CityProfile | undefined, field: CityField): Passage | undefined => {
    const source = profile?.config[field];
    return source === undefined ? undefined : pick(profile?.translations.get(lang)?.config[field], source);
  };
  return {
    lang,
    dir: directionOf(lang),
    sourceLang,
    projectTitle: pick(projectT?.title, project.config.title),
    projectSubtitle: pickOptional(projectT?.subtitle, project.config.subtitle),
    title: pick(blueprintT?.config.title, blueprint.config.title),
    subtitle: pickOptional(blueprintT?.config.subtitle, blueprint.config.subtitle),
    summary: pick(blueprintT?.config.summary, blueprint.config.summary.trim()),
    blurb: blueprint.config.blurb
      ? pick(blueprintT?.config.blurb, blueprint.config.blurb.trim())
      : firstSentence(pick(blueprintT?.config.summary, blueprint.config.summary.trim())),
    city: (field) => (field === 'website' ? { text: city.config.website, lang } : cityOf(city, field)),
    article: (field) => {
      if (field !== 'government' && field !== 'office') return '';
      const passage = cityOf(city, field);
      if (!passage) return '';
      const set = passage.lang === sourceLang ? city.config.articles : city.translations.get(lang)?.config.articles;
      return set?.[field] ?? defaultArticle(passage);
    },
    cityName: (id) => cityOf(project.cities.get(id), 'name') ?? { text: id, lang: sourceLang },
    translations: lang === sourceLang ? [] : [blueprintT?.meta],
  };
}

/** Whether a document prints a translation no professional translator has reviewed. */
export const isDraft = (translations: (TranslationMeta | undefined)[]) => translations.some((meta) => (meta?.review ?? 'draft') !== 'reviewed');

/**
 * #12: English names of institutions take "the" in a sentence ("written for the City of New York", "the
 * Mayor's Office…"), names of places do not ("Miami-Dade County"). Other languages: the profile says.
 */
export function defaultArticle(passage: Passage): string {
  if (passage.lang.split('-')[0] !== 'en') return '';
  return /\s(?:of|for)\s|^Mayor['’]s\s/.test(passage.text) && !/^the\s/i.test(passage.text) ? 'the' : '';
}

/** The first sentence of a passage, as its language divides sentences (Intl.Segmenter). */
export function firstSentence(passage: Passage): Passage {
  const segments = sentenceSegmenter(passage.lang).segment(passage.text.replace(/\s+/g, ' '));
  // Only the first: the rest of the passage is not divided.
  const first = segments[Symbol.iterator]().next().value?.segment.trim();
  return { text: first || passage.text, lang: passage.lang };
}

/** One segmenter per language (#13: `check` made one for every edition's blurb). */
const sentenceSegmenter = once((lang: string) => new Intl.Segmenter(lang, { granularity: 'sentence' }));
