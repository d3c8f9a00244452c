import { closest, distance } from 'fastest-levenshtein';
import { VFile } from 'vfile';
import { VFileMessage } from 'vfile-message';
import { catalogue, docsUrl, type RuleId, type RuleParams, ruleAnchor } from './catalogue.js';
import { keepParams, messageParams } from './saved-message.js';

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
  const message = catalogueMessage(file, ruleId, params, options);
  file.messages.push(message);
  return message;
}

/** What the catalogue says for a rule and its values, about a file (see report). */
function catalogueMessage<K extends RuleId>(file: VFile, ruleId: K, params: RuleParams<K>, options: MessageOptions): VFileMessage {
  const rule = catalogue[ruleId] as unknown as UntypedRule;
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
  if (rule.merge) keepParams(message, params as Record<string, unknown>);
  return message;
}

type UntypedRule = { severity: string; message(p: unknown): string; hint(p: unknown): string; merge?(a: unknown, b: unknown): unknown };

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

/**
 * Drop messages reported more than once (the same section renders in several editions), once those the
 * catalogue merges are merged (see Rule.merge): a run's messages, tidied once at its end.
 */
export function dedupeMessages(files: VFile[]): void {
  for (const file of files) {
    mergeMessages(file);
    const seen = new Set<string>();
    file.messages = file.messages.filter((m) => {
      const key = `${m.line}:${m.column}:${m.ruleId}:${m.reason}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }
}

/**
 * One message where the catalogue merges a rule's messages about a file at one place (#10: "No ar, es or
 * zh-Hans translation of this case study", not one warning per language), where the first of them was.
 */
function mergeMessages(file: VFile): void {
  const kept: VFileMessage[] = [];
  for (const message of file.messages) {
    const ruleId = message.ruleId as RuleId | undefined;
    const rule = ruleId ? (catalogue[ruleId] as unknown as UntypedRule | undefined) : undefined;
    const params = messageParams(message);
    if (ruleId && rule?.merge && params) {
      let merged = false;
      for (const [at, first] of kept.entries()) {
        const firstParams = first.ruleId === ruleId && first.line === message.line && first.column === message.column ? messageParams(first) : undefined;
        const both = firstParams ? rule.merge(firstParams, params) : undefined;
        if (!both) continue;
        const remade = catalogueMessage(file, ruleId, both as never, first.place ? { place: first.place } : {});
        remade.fatal = first.fatal;
        kept[at] = remade;
        merged = true;
        break;
      }
      if (merged) continue;
    }
    kept.push(message);
  }
  file.messages = kept;
}
