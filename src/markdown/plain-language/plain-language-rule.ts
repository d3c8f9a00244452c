import type { VFile } from 'vfile';
import type { MeasuredSentence } from './measure-sentences.js';
import type { Prose } from './prose-tree.js';

export interface PlainLanguageOptions {
  /** The highest reading grade a section may have (project.yaml `reading_grade`). */
  limit: number;
  /** Report every finding instead of the first few per file (`check --verbose`). */
  all: boolean;
}

/** One plain-language rule (#13): reads a source's prose and reports on its file, at source positions. */
export type PlainLanguageRule = (file: VFile, prose: Prose & { sentences: MeasuredSentence[] }, options: PlainLanguageOptions) => void;

/** Findings shown per file and rule unless `all`: enough to learn from, few enough to read. */
export const shownPerFile = 3;
