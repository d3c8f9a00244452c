import type { VFile } from 'vfile';
import { report } from '../../diagnostics/messages.js';
import { type PlainLanguageRule, shownPerFile } from './plain-language-rule.js';

/** Participles whose passive has no active form worth suggesting ("were born"). */
const idioms = new Set(['born']);
/** A passive sentence now and then reads fine; this many in one file is a habit worth a warning. */
const habit = 3;

/**
 * `passive-voice` (#13), found by retext-passive: "was written", "are given". Reported where a file has
 * the habit (three or more), the first few of them; `check --verbose` shows every one.
 */
export const passiveVoice: PlainLanguageRule = (file: VFile, { found }, { all }) => {
  const hits = found.filter((m) => m.source === 'retext-passive' && m.place && !idioms.has(String(m.actual).toLowerCase()));
  if (!all && hits.length < habit) return;
  const shown = all ? hits : hits.slice(0, shownPerFile);
  const source = String(file.value);
  for (const [i, hit] of shown.entries()) {
    const place = hit.place as { start: { offset?: number }; end: { offset?: number } };
    const start = place.start.offset ?? 0;
    // retext-passive points at the participle; the phrase an author recognises starts at the verb before it.
    const before = /(\p{L}+)\s+$/u.exec(source.slice(Math.max(0, start - 30), start))?.[1];
    const phrase = `${before ? `${before} ` : ''}${source.slice(start, place.end.offset ?? start)}`;
    const more = i === shown.length - 1 ? hits.length - shown.length : 0;
    report(file, 'passive-voice', { phrase, more }, { place: hit.place });
  }
};
