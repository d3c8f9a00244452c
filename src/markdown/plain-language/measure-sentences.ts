import type { Root as NlcstRoot, Sentence } from 'nlcst';
import { toString as nlcstToString } from 'nlcst-to-string';
import { syllable } from 'syllable';
import type { Position } from '../../diagnostics/messages.js';
import { visit } from '../visit-tree.js';

export interface MeasuredSentence {
  words: number;
  syllables: number;
  /** Flesch–Kincaid grade of the sentence alone. */
  grade: number;
  text: string;
  position: Position;
}

/** Flesch–Kincaid grade level: 0.39 × words per sentence + 11.8 × syllables per word − 15.59. */
export const fleschKincaid = (words: number, sentences: number, syllables: number) =>
  words === 0 || sentences === 0 ? 0 : 0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59;

/** A grade as it is printed and judged: one decimal, never below 0. */
export const roundGrade = (grade: number) => Math.max(0, Math.round(grade * 10) / 10);

/**
 * Every sentence of some prose with its words, syllables and grade; numbers and symbols are not words.
 * `syllables` remembers each word's count for one check (counting is the costly part, and words repeat).
 */
export function measureSentences(tree: NlcstRoot, syllables: Map<string, number> = new Map()): MeasuredSentence[] {
  const sentences: MeasuredSentence[] = [];
  visit(tree, 'SentenceNode', (sentence: Sentence) => {
    let words = 0;
    let count = 0;
    for (const word of sentence.children) {
      if (word.type !== 'WordNode') continue;
      const text = nlcstToString(word).toLowerCase();
      if (!/\p{L}/u.test(text)) continue;
      words++;
      let n = syllables.get(text);
      if (n === undefined) {
        n = Math.max(1, syllable(text));
        syllables.set(text, n);
      }
      count += n;
    }
    const start = sentence.position?.start;
    const end = sentence.position?.end;
    if (words === 0 || !start || !end) return;
    sentences.push({
      words,
      syllables: count,
      grade: fleschKincaid(words, 1, count),
      text: nlcstToString(sentence).replace(/\s+/g, ' ').trim(),
      position: { start: { line: start.line, column: start.column }, end: { line: end.line, column: end.column } },
    });
  });
  return sentences;
}
