import { search } from 'nlcst-search';
import type { VFile } from 'vfile';
import { report } from '../../diagnostics/messages.js';
import { type PlainLanguageRule, shownPerFile } from './plain-language-rule.js';
import { wordyPhrases } from './wordy-phrase-list.js';

const patterns = Object.keys(wordyPhrases);
/** Most files hold none of the phrases: a look at the text saves walking its sentences. */
const anyPhrase = new RegExp(`\\b(?:${patterns.map((p) => p.replaceAll(' ', '\\s+')).join('|')})\\b`, 'i');

/** `wordy-phrase` (#13): a curated list rather than retext-simplify's thousand, which flagged 215 ordinary words here. */
export const wordyPhrase: PlainLanguageRule = (file: VFile, { tree }, { all }) => {
  if (!anyPhrase.test(String(file.value))) return;
  const hits: { phrase: string; simpler: string[]; place: { start: { line: number; column: number }; end: { line: number; column: number } } }[] = [];
  search(tree, patterns, (nodes, _index, _parent, pattern) => {
    const start = nodes[0]?.position?.start;
    const end = nodes.at(-1)?.position?.end;
    if (!start || !end) return;
    const phrase = String(file.value).slice(start.offset ?? 0, end.offset ?? 0);
    hits.push({
      phrase,
      simpler: wordyPhrases[pattern] ?? [],
      place: { start: { line: start.line, column: start.column }, end: { line: end.line, column: end.column } },
    });
  });
  hits.sort((a, b) => a.place.start.line - b.place.start.line || a.place.start.column - b.place.start.column);
  const shown = all ? hits : hits.slice(0, shownPerFile);
  for (const [i, hit] of shown.entries()) {
    const simpler = hit.simpler.length ? hit.simpler.map((s) => `"${s}"`).join(' or ') : 'nothing: leave it out';
    report(file, 'wordy-phrase', { phrase: hit.phrase, simpler, more: i === shown.length - 1 ? hits.length - shown.length : 0 }, { place: hit.place });
  }
};
