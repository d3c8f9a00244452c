import { VFileMessage } from 'vfile-message';

/**
 * A diagnostic as plain data, for the files a run keeps (caches, records) and for the judging thread
 * (#13): what a VFileMessage says and where, without its prototype. In a module of its own, with no
 * dependency but vfile-message, so that replaying a run's record loads nothing else.
 */
/** A message as plain data: what `report` sets (diagnostics/messages.ts), and the place of its cause. */
export interface SavedMessage {
  reason: string;
  ruleId?: string;
  source?: string;
  file?: string;
  fatal?: boolean | null;
  place?: VFileMessage['place'];
  url?: string;
  note?: string;
  expected?: string[];
  cause?: SavedMessage;
  /** The values it was made from, kept for a rule that merges its messages (see Rule.merge). */
  params?: Record<string, unknown>;
}

/**
 * The values a catalogue message was made from, for the rules that merge the messages of a run (see
 * Rule.merge): kept beside the message, not on it, and carried through saving and copying.
 */
const paramsOf = new WeakMap<VFileMessage, Record<string, unknown>>();
export const messageParams = (message: VFileMessage) => paramsOf.get(message);
export const keepParams = (message: VFileMessage, params: Record<string, unknown>) => void paramsOf.set(message, params);

export function saveMessage(message: VFileMessage): SavedMessage {
  const saved: SavedMessage = { reason: message.reason };
  if (message.ruleId) saved.ruleId = message.ruleId;
  if (message.source) saved.source = message.source;
  if (message.file) saved.file = message.file;
  if (message.fatal !== undefined) saved.fatal = message.fatal;
  if (message.place) saved.place = message.place;
  if (message.url) saved.url = message.url;
  if (message.note) saved.note = message.note;
  if (message.expected) saved.expected = message.expected;
  if (message.cause instanceof VFileMessage) saved.cause = saveMessage(message.cause);
  const params = paramsOf.get(message);
  if (params) saved.params = params;
  return saved;
}

export function restoreMessage(saved: SavedMessage): VFileMessage {
  const message = new VFileMessage(saved.reason, {
    ...(saved.place ? { place: saved.place } : {}),
    ...(saved.ruleId ? { ruleId: saved.ruleId } : {}),
    ...(saved.source ? { source: saved.source } : {}),
    ...(saved.cause ? { cause: restoreMessage(saved.cause) } : {}),
  });
  if (saved.file) message.file = saved.file;
  if (saved.fatal !== undefined) message.fatal = saved.fatal;
  if (saved.url) message.url = saved.url;
  if (saved.note) message.note = saved.note;
  if (saved.expected) message.expected = saved.expected;
  if (saved.params) paramsOf.set(message, saved.params);
  return message;
}

/** A message of its own for each load: a caller may change one (check --strict makes warnings errors). */
export function copyMessage(message: VFileMessage): VFileMessage {
  const copy = Object.assign(Object.create(VFileMessage.prototype) as VFileMessage, message);
  const params = paramsOf.get(message);
  if (params) paramsOf.set(copy, params);
  return copy;
}
