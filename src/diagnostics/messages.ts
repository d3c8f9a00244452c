import { closest, distance } from 'fastest-levenshtein';
import { VFile } from 'vfile';
import { VFileMessage } from 'vfile-message';
import { catalogue, docsUrl, type RuleId, type RuleParams, ruleAnchor } from './catalogue.js';

export type { RuleId } from './catalogue.js';

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
  /** Did-you-mean candidates. */
  expected?: string[];
  /** The other place a message is about (the first declaration of a duplicate). */
  cause?: VFileMessage;
}

/**
 * Attach a diagnostic from the catalogue to the file it is about. Errors are `fatal: true`, warnings
 * `fatal: false`; the text, hint and docs link come from the catalogue (#8).
 */
export function report<K extends RuleId>(file: VFile, ruleId: K, params: RuleParams<K>, options: MessageOptions = {}): VFileMessage {
  const rule = catalogue[ruleId] as unknown as { severity: string; message(p: unknown): string; hint(p: unknown): string };
  const place = normalizePlace(options.place);
  const message = new VFileMessage(rule.message(params), {
    ...(place ? { place } : {}),
    ruleId,
    source: 'blueprint',
    ...(options.cause ? { cause: options.cause } : {}),
  });
  if (file.path) message.file = file.path;
  message.fatal = rule.severity === 'error';
  message.url = `${docsUrl}#${ruleAnchor(ruleId)}`;
  const hint = rule.hint(params);
  if (hint) message.note = hint;
  if (options.expected && options.expected.length > 0) message.expected = options.expected;
  file.messages.push(message);
  return message;
}

/** A file for problems that belong to no source: the command line, the machine (#8: one channel). */
export const commandFile = () => new VFile();

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
export function suggestion(value: string, known: Iterable<string>, what: string): { known: string; expected: string[] } {
  const list = [...known].sort();
  const guess = didYouMean(value, list);
  const shown = list.length > 12 ? `${list.slice(0, 12).join(', ')}, …` : list.join(', ');
  const text = guess ? `Did you mean "${guess}"? Known ${what}: ${shown}.` : `Known ${what}: ${shown || '(none)'}.`;
  return { known: text, expected: guess ? [guess] : list };
}

export const hasErrors = (files: VFile[]) => files.some((file) => file.messages.some((m) => m.fatal === true));

/** Drop messages reported more than once (the same section renders in several editions). */
export function dedupeMessages(files: VFile[]): void {
  for (const file of files) {
    const seen = new Set<string>();
    file.messages = file.messages.filter((m) => {
      const key = `${m.line}:${m.column}:${m.ruleId}:${m.reason}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }
}
