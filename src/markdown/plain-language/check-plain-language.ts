import type { MarkdownSource, Project } from '../../project/load-project.js';
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

/**
 * Plain-language checks of every section and case study in the source language, once per file (#13).
 * English only: the grade formula and the word lists are English. Returns each file's grade, for
 * `check --verbose` and --json. `only` limits it to some files (the preview: those a save changed).
 */
export async function checkPlainLanguage(project: Project, options: PlainLanguageOptions, only?: (file: string) => boolean): Promise<SectionGrade[]> {
  if (!/^en\b/.test(project.config.languages[0] ?? '')) return [];
  const sources: MarkdownSource[] = [...project.blueprints.flatMap((b) => b.sections), ...project.caseStudies].filter(
    (source) => !only || only(source.file.path ?? ''),
  );
  const grades: SectionGrade[] = [];
  const counted = new Map<string, number>();
  for (const source of sources) {
    const prose = await proseOf(source.tree, source.file);
    const sentences = measureSentences(prose.tree, counted);
    for (const rule of plainLanguageRules) rule(source.file, { ...prose, sentences }, options);
    const words = sentences.reduce((n, s) => n + s.words, 0);
    const syllables = sentences.reduce((n, s) => n + s.syllables, 0);
    if (words > 0)
      grades.push({
        file: source.file.path,
        grade: roundGrade(fleschKincaid(words, sentences.length, syllables)),
        words,
        sentences: sentences.length,
        graded: words >= minimumWords,
      });
  }
  return grades;
}
