import { closest, distance } from 'fastest-levenshtein';
import type { VFile } from 'vfile';
import { VFileMessage } from 'vfile-message';

/** Every rule id the toolkit reports. Ids are permanent: CI scripts may match on them. */
export type RuleId =
  | 'yaml-syntax'
  | 'unknown-key'
  | 'missing-key'
  | 'wrong-type'
  | 'missing-file'
  | 'unknown-blueprint'
  | 'unknown-city'
  | 'unknown-slot'
  | 'unknown-theme'
  | 'unknown-variable'
  | 'slot-not-in-blueprint'
  | 'city-mismatch'
  | 'duplicate-id'
  | 'missing-part'
  | 'missing-image'
  | 'remote-resource'
  | 'broken-link'
  | 'unsafe-path'
  | 'unplaced-slot'
  | 'empty-slot'
  | 'slot-fallback'
  | 'untranslated'
  | 'heading-structure'
  | 'blocked-request'
  | 'unused-blueprint';

export interface Place {
  line: number;
  column: number;
}

export interface Position {
  start: Place;
  end?: Place;
}

export interface MessageOptions {
  place?: Position | Place | undefined;
  /** How to fix it, in one sentence a policy officer can act on. */
  hint?: string;
  /** Did-you-mean candidates. */
  expected?: string[];
  fatal?: boolean;
}

const docsUrl = 'https://github.com/blueprints-toolkit/blueprints#errors';

/** Attach a diagnostic to the source file it is about. Errors are `fatal: true`; warnings are not. */
export function report(file: VFile, ruleId: RuleId, reason: string, options: MessageOptions = {}): VFileMessage {
  const place = normalizePlace(options.place);
  const message = new VFileMessage(reason, { ...(place ? { place } : {}), ruleId, source: 'blueprint' });
  message.file = file.path;
  message.fatal = options.fatal ?? true;
  message.url = `${docsUrl}-${ruleId}`;
  if (options.hint) message.note = options.hint;
  if (options.expected && options.expected.length > 0) message.expected = options.expected;
  file.messages.push(message);
  return message;
}

export const error = (file: VFile, ruleId: RuleId, reason: string, options: MessageOptions = {}) => report(file, ruleId, reason, { ...options, fatal: true });

export const warn = (file: VFile, ruleId: RuleId, reason: string, options: MessageOptions = {}) => report(file, ruleId, reason, { ...options, fatal: false });

function normalizePlace(place: MessageOptions['place']): Required<Position> | Place | undefined {
  if (!place) return undefined;
  if ('start' in place) return place.end ? { start: place.start, end: place.end } : place.start;
  return place;
}

/** The closest known name to a misspelled one, when it is close enough to be a likely typo. */
export function didYouMean(value: string, known: Iterable<string>): string | undefined {
  const candidates = [...known];
  if (candidates.length === 0) return undefined;
  const best = closest(value, candidates);
  const limit = Math.max(2, Math.floor(best.length / 3));
  return distance(value, best) <= limit ? best : undefined;
}

/** A hint sentence with a did-you-mean suggestion and the list of valid names. */
export function suggestion(value: string, known: Iterable<string>, what: string): { hint: string; expected: string[] } {
  const list = [...known].sort();
  const guess = didYouMean(value, list);
  const shown = list.length > 12 ? `${list.slice(0, 12).join(', ')}, …` : list.join(', ');
  const hint = guess ? `Did you mean "${guess}"? Known ${what}: ${shown}.` : `Known ${what}: ${shown || '(none)'}.`;
  return { hint, expected: guess ? [guess] : list };
}

export const hasErrors = (files: VFile[]) => files.some((file) => file.messages.some((m) => m.fatal === true));
