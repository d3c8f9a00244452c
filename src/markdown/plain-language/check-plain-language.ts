import type { Root } from 'mdast';
import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import type { MarkdownSource, Project } from '../../project/load-project.js';
import type { SourceCache } from '../../project/source-cache.js';
import type { Judge } from './judge-thread.js';
import { fleschKincaid, measureSentences, roundGrade } from './measure-sentences.js';
import { passiveVoice } from './passive-voice.js';
import type { PlainLanguageOptions, PlainLanguageRule } from './plain-language-rule.js';
import { proseOf } from './prose-tree.js';
import { minimumWords, readingGrade } from './reading-grade.js';
import { repeatedWords } from './repeated-words.js';
import { wordyPhrase } from './wordy-phrases.js';

export type { PlainLanguageOptions } from './plain-language-rule.js';

/** Every plain-language rule, in this order (#13). */
export const plainLanguageRules: PlainLanguageRule[] = [readingGrade, wordyPhrase, passiveVoice, repeatedWords];

export interface SectionGrade {
  file: string;
  grade: number;
  words: number;
  sentences: number;
  /** Long enough to be graded (shorter sections are judged by their sentences alone). */
  graded: boolean;
}

/** What the plain-language checks found in one source: its grade (when it has prose) and the messages. */
export interface PlainLanguageResult {
  grade: Omit<SectionGrade, 'file'> | undefined;
  messages: VFileMessage[];
}

/**
 * Plain-language checks of every section and case study in the source language, once per file (#13).
 * English only: the grade formula and the word lists are English. Returns each file's grade, for
 * `check --verbose` and --json. `only` limits it to some files (the preview: those a save changed).
 */
export async function checkPlainLanguage(
  project: Project,
  options: PlainLanguageOptions,
  only?: (file: string) => boolean,
  cache?: SourceCache,
): Promise<SectionGrade[]> {
  return applyJudgements(await judgeSources(project, options, { ...(only ? { only } : {}), ...(cache ? { cache } : {}) }));
}

export interface Judgement {
  source: MarkdownSource;
  result: PlainLanguageResult;
}

/**
 * Judge the sources without touching their files (#13: `check` judges while it renders, whose messages it
 * records per document, so these are added after, by applyJudgements). A source judged before with the
 * same text and settings is taken from the cache; the others are judged by `judge` (the second thread), or
 * here when there is none or it fails: a check never loses its plain-language findings.
 */
export async function judgeSources(
  project: Project,
  options: PlainLanguageOptions,
  how: { only?: (file: string) => boolean; cache?: SourceCache; judge?: Judge } = {},
): Promise<Judgement[]> {
  if (!isPlainLanguageSource(project.config.languages)) return [];
  const sources: MarkdownSource[] = [...project.blueprints.flatMap((b) => b.sections), ...project.caseStudies].filter(
    (source) => !how.only || how.only(source.file.path ?? ''),
  );
  const settings = JSON.stringify(options);
  const cached: (PlainLanguageResult | undefined)[] = sources.map((source) => how.cache?.getProse(source.file.path ?? '', String(source.file.value), settings));
  const fresh = sources.filter((_, i) => !cached[i]);
  const judgeHere = async () => {
    const counted = new Map<string, number>();
    const results: PlainLanguageResult[] = [];
    for (const source of fresh) results.push(await judgeProse(source.tree, source.file, options, counted));
    return results;
  };
  const items = () => fresh.map((source) => ({ path: source.file.path ?? '', text: String(source.file.value), tree: source.tree }));
  const results = how.judge ? await how.judge(items(), options).catch(judgeHere) : await judgeHere();
  let at = 0;
  return sources.map((source, i) => {
    let result = cached[i];
    if (!result) {
      result = results[at++] as PlainLanguageResult;
      how.cache?.setProse(source.file.path ?? '', String(source.file.value), settings, result);
    }
    return { source, result };
  });
}

/** Add the judgements' messages to their sources' files; each judged file's grade. */
export function applyJudgements(judgements: Judgement[]): SectionGrade[] {
  const grades: SectionGrade[] = [];
  for (const { source, result } of judgements) {
    source.file.messages.push(...result.messages);
    if (result.grade) grades.push({ file: source.file.path, ...result.grade });
  }
  return grades;
}

/** Whether a project's sources are in a language the checks know (English). */
export const isPlainLanguageSource = (languages: string[]) => /^en\b/.test(languages[0] ?? '');

/**
 * Judge one source's prose: run every rule on a scratch file with the same path and text, so the messages
 * can be kept apart from the parse's (or sent from another thread) and added to the source's file after.
 * `counted` remembers syllable counts across the sources of one check.
 */
export async function judgeProse(tree: Root, file: VFile, options: PlainLanguageOptions, counted = new Map<string, number>()): Promise<PlainLanguageResult> {
  const scratch = new VFile({ path: file.path, value: file.value });
  const prose = await proseOf(tree, scratch);
  const sentences = measureSentences(prose.tree, counted);
  for (const rule of plainLanguageRules) rule(scratch, { ...prose, sentences }, options);
  const words = sentences.reduce((n, s) => n + s.words, 0);
  const syllables = sentences.reduce((n, s) => n + s.syllables, 0);
  const grade =
    words > 0
      ? { grade: roundGrade(fleschKincaid(words, sentences.length, syllables)), words, sentences: sentences.length, graded: words >= minimumWords }
      : undefined;
  return { grade, messages: scratch.messages };
}
