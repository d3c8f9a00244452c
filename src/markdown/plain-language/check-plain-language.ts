import type { Root } from 'mdast';
import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import type { MarkdownSource, Project } from '../../project/load-project.js';
import type { SourceCache } from '../../project/source-cache.js';
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
  if (!isPlainLanguageSource(project.config.languages)) return [];
  const sources: MarkdownSource[] = [...project.blueprints.flatMap((b) => b.sections), ...project.caseStudies].filter(
    (source) => !only || only(source.file.path ?? ''),
  );
  const grades: SectionGrade[] = [];
  const counted = new Map<string, number>();
  const settings = JSON.stringify(options);
  for (const source of sources) {
    const path = source.file.path ?? '';
    const text = String(source.file.value);
    // #13: a source judged before with the same text and settings is not judged again.
    let result = cache?.getProse(path, text, settings);
    if (!result) {
      result = await judgeProse(source.tree, source.file, options, counted);
      cache?.setProse(path, text, settings, result);
    }
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
