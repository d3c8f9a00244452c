import { readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Root } from 'mdast';
import { VFile } from 'vfile';
import { VFileMessage } from 'vfile-message';
import { checkMarkdownLimits, checkTreeDepth } from './check-markdown-limits.js';
import { checkMarkdown, type SourceKind } from './checks/index.js';
import { judgeProse, type PlainLanguageOptions, type PlainLanguageResult } from './plain-language/check-plain-language.js';
import { createMarkdownParser, type MarkdownParser, parseMarkdown } from './processor.js';

/** One Markdown source to parse and check: its path, its text as read (through readInside) and its kind. */
export interface SourceText {
  path: string;
  text: string;
  kind: SourceKind;
  /** Also judge its prose, with these options (#13): a source in the project's first language, for `check`. */
  judge?: PlainLanguageOptions;
}

/** A parsed and checked source, as the load would have made it. Absent for a source past the limits. */
export interface ParsedSource extends SourceText {
  tree: Root;
  messages: VFileMessage[];
  plain?: PlainLanguageResult;
}

/** A message as it crosses between threads: its own fields, without the tree nodes it may point at. */
type MessageFields = Record<string, unknown>;

/**
 * Parse and check one source exactly as the load does (limits, parse, depth, the checks that teach).
 * A source past the limits gives nothing: the load reads it again and reports it with its front matter.
 */
export async function parseSource(parser: MarkdownParser, source: SourceText, counted?: Map<string, number>): Promise<ParsedSource | undefined> {
  const file = new VFile({ path: source.path, value: source.text });
  if (!checkMarkdownLimits(file)) return undefined;
  const tree = parseMarkdown(parser, file);
  if (!checkTreeDepth(tree, file)) return undefined;
  checkMarkdown(tree, file, source.kind);
  const plain = source.judge ? await judgeProse(tree, file, source.judge, counted) : undefined;
  return { ...source, tree, messages: file.messages, ...(plain ? { plain } : {}) };
}

/** A parsed source as it crosses between threads. */
export type ParsedFields = Omit<ParsedSource, 'messages' | 'plain'> & {
  messages: MessageFields[];
  plain?: { grade: PlainLanguageResult['grade']; messages: MessageFields[] };
};

export function toFields(parsed: ParsedSource): ParsedFields {
  const { plain, ...rest } = parsed;
  return {
    ...rest,
    messages: parsed.messages.map(messageFields),
    ...(plain ? { plain: { grade: plain.grade, messages: plain.messages.map(messageFields) } } : {}),
  };
}

function fromFields(fields: ParsedFields): ParsedSource {
  const { plain, ...rest } = fields;
  return {
    ...rest,
    messages: fields.messages.map(toMessage),
    ...(plain ? { plain: { grade: plain.grade, messages: plain.messages.map(toMessage) } } : {}),
  };
}

/** Below this much text, starting a thread costs more than it saves. */
const minParallelBytes = 256 * 1024;
/** Sources handed to a thread at a time: small enough to share the work evenly, large enough to be cheap. */
const chunkSize = 8;

/**
 * Parse many sources at once (#13: `check` of the whole project in under 3 s on two cores): this thread and
 * worker threads take sources from one queue, so both cores parse. Micromark is most of a load's time and
 * every source parses on its own. Where no worker can start (the toolkit run from its TypeScript sources,
 * as in its tests) or the sources are few, everything is parsed here, with the same results.
 */
export async function parseSources(sources: SourceText[], threads = os.availableParallelism()): Promise<ParsedSource[]> {
  const parser = createMarkdownParser();
  const counted = new Map<string, number>();
  const results: ParsedSource[] = [];
  const bytes = sources.reduce((n, s) => n + s.text.length, 0);
  const workerUrl = new URL(`./parse-worker${path.extname(new URL(import.meta.url).pathname)}`, import.meta.url);
  const workers = workerUrl.pathname.endsWith('.js') && bytes >= minParallelBytes ? Math.max(0, Math.min(threads - 1, 3)) : 0;
  const queue = [...sources];
  const running = Array.from({ length: workers }, () => runWorker(workerUrl, queue, results));
  while (queue.length > 0) {
    for (const source of queue.splice(0, chunkSize)) {
      const parsed = await parseSource(parser, source, counted);
      if (parsed) results.push(parsed);
    }
    // Let the workers' messages in: each asks for its next chunk as it finishes one.
    await new Promise((resolve) => setImmediate(resolve));
  }
  await Promise.all(running);
  return results;
}

/** One worker: it asks for a chunk, parses it, sends the results back and asks again until the queue is empty. */
function runWorker(url: URL, queue: SourceText[], results: ParsedSource[]): Promise<void> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(url);
    } catch {
      resolve();
      return;
    }
    // A worker that fails leaves its chunk unparsed: the load parses those sources itself, so nothing is lost.
    const finish = () => {
      void worker.terminate();
      resolve();
    };
    worker.on('error', finish);
    worker.on('exit', () => resolve());
    worker.on('message', (message: { parsed?: ParsedFields[] }) => {
      for (const parsed of message.parsed ?? []) results.push(fromFields(parsed));
      const chunk = queue.splice(0, chunkSize);
      if (chunk.length === 0) finish();
      else worker.postMessage(chunk);
    });
  });
}

/** The fields of a message that may cross a thread (the nodes it points at stay behind). */
export function messageFields(message: VFileMessage): MessageFields {
  const { ancestors: _ancestors, cause: _cause, ...fields } = message as unknown as MessageFields;
  return fields;
}

function toMessage(fields: MessageFields): VFileMessage {
  return Object.assign(Object.create(VFileMessage.prototype) as VFileMessage, fields);
}

/**
 * Every Markdown file below `dir` (hidden folders and linked folders skipped), a few levels deep: the
 * sections and case studies a load is about to read. Which are really sources is for the load to say.
 */
export function listMarkdownFiles(dir: string, depth = 4): string[] {
  if (depth < 0) return [];
  let entries: import('node:fs').Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const found: string[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...listMarkdownFiles(full, depth - 1));
    else if (entry.isFile() && entry.name.endsWith('.md')) found.push(full);
  }
  return found;
}
