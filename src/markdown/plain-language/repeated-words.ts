import type { VFile } from 'vfile';
import { report } from '../../diagnostics/messages.js';
import type { PlainLanguageRule } from './plain-language-rule.js';

/** `repeated-word` (#13), found by retext-repeated-words: "the the". Always a slip, so never capped. */
export const repeatedWords: PlainLanguageRule = (file: VFile, { found }) => {
  for (const hit of found) {
    if (hit.source !== 'retext-repeated-words' || !hit.place) continue;
    report(file, 'repeated-word', { word: String(hit.expected?.[0] ?? hit.actual ?? '').split(' ')[0] ?? '' }, { place: hit.place });
  }
};
