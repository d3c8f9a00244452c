import type { VFile } from 'vfile';
import { report } from '../../diagnostics/messages.js';
import { fleschKincaid, roundGrade } from './measure-sentences.js';
import type { PlainLanguageRule } from './plain-language-rule.js';

/** Below this a grade says little: a short section is judged by its sentences alone. */
export const minimumWords = 60;

/** A sentence longer than this is named as the longest of a section above the limit (plain-language guidance: 15–20 words on average). */
export const longSentence = 20;

/**
 * `reading-grade` and `hard-sentence` (#13): the Flesch–Kincaid grade of each section file, against the
 * project's limit. A section is within a limit of 9 up to grade 9.9 (the ninth school year). Above it,
 * the hardest and the longest sentences are reported at their places, so the author knows
 * where to start.
 */
export const readingGrade: PlainLanguageRule = (file: VFile, { sentences }, { limit }) => {
  const words = sentences.reduce((n, s) => n + s.words, 0);
  if (words < minimumWords) return;
  // Judged as printed (one decimal), so "12.0" is never within a limit of 11.
  const grade = roundGrade(
    fleschKincaid(
      words,
      sentences.length,
      sentences.reduce((n, s) => n + s.syllables, 0),
    ),
  );
  if (Math.floor(grade) <= limit) return;
  // A short line of long words ("Twenty recommendations (September 2014).") has a high grade of its
  // own but is not where a reader struggles: the hardest sentence is chosen among those of 10 words or more.
  const hardest = sentences.filter((s) => s.words >= 10).sort((a, b) => b.grade - a.grade)[0];
  const longest = [...sentences].sort((a, b) => b.words - a.words)[0];
  // #13: the longest sentence is named at its own place too, unless it is the hardest or already short.
  const showLongest = longest !== undefined && longest !== hardest && longest.words > longSentence;
  const first = sentences[0]?.position.start ?? { line: 1, column: 1 };
  report(file, 'reading-grade', { grade: grade.toFixed(1), limit, words, sentences: sentences.length, longest: showLongest }, { place: first });
  if (hardest && Math.floor(roundGrade(hardest.grade)) > limit)
    report(file, 'hard-sentence', { words: hardest.words, grade: hardest.grade.toFixed(1), start: opening(hardest.text) }, { place: hardest.position });
  if (showLongest) report(file, 'long-sentence', { words: longest.words, start: opening(longest.text) }, { place: longest.position });
};

/** The first words of a sentence, to recognise it by. */
function opening(text: string): string {
  const words = text.split(' ');
  return words.length > 8 ? `${words.slice(0, 8).join(' ')} …` : text;
}
