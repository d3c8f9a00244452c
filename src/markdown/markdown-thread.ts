import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Root } from 'mdast';
import { restoreMessage, type SavedMessage } from '../project/source-cache.js';
import type { PlainLanguageResult } from './plain-language/check-plain-language.js';
import type { PlainLanguageOptions } from './plain-language/plain-language-rule.js';

/** A source sent to the thread: its path and text (the thread reads no file). */
export interface SentText {
  path: string;
  text: string;
}

export type ThreadRequest =
  | { id: number; kind: 'parse'; items: SentText[] }
  | { id: number; kind: 'judge'; options: PlainLanguageOptions; items: (SentText & { tree: Root })[] };

export type ThreadReply =
  | { id: number; trees: Root[] }
  | { id: number; results: { grade: PlainLanguageResult['grade']; messages: SavedMessage[] }[] }
  | { id: number; error: string };

/** Judges prose: the sources in order, one result each. */
export type Judge = (items: (SentText & { tree: Root })[], options: PlainLanguageOptions) => Promise<PlainLanguageResult[]>;

export interface MarkdownThread {
  /** Parse Markdown texts with the toolkit's dialect (see createMarkdownParser), one tree each. */
  parse(items: SentText[]): Promise<Root[]>;
  judge: Judge;
  close(): Promise<void>;
}

/**
 * A second thread for the Markdown work of `check` (#13), so a check uses two cores: it parses part of the
 * sources while the main thread parses the rest, then judges their prose while the main thread renders.
 * It is sent texts and trees and sends back trees and plain data; it reads no file. Undefined where the
 * compiled worker is not beside this module (the toolkit run from its TypeScript sources, as its tests
 * do): the caller does the work in its own thread.
 */
export function startMarkdownThread(): MarkdownThread | undefined {
  const script = new URL('./markdown-thread-worker.js', import.meta.url);
  if (script.protocol !== 'file:' || !existsSync(fileURLToPath(script))) return undefined;
  const worker = new Worker(script);
  let next = 0;
  let failed: Error | undefined;
  const waiting = new Map<number, { resolve: (reply: ThreadReply) => void; reject: (error: Error) => void }>();
  // The thread keeps the process alive only while it works: a check that stops early exits all the same.
  const keepAlive = () => (waiting.size ? worker.ref() : worker.unref());
  keepAlive();
  const failAll = (error: Error) => {
    failed = error;
    for (const { reject } of waiting.values()) reject(error);
    waiting.clear();
    keepAlive();
  };
  worker.on('message', (reply: ThreadReply) => {
    const pending = waiting.get(reply.id);
    if (!pending) return;
    waiting.delete(reply.id);
    keepAlive();
    if ('error' in reply) pending.reject(new Error(`The Markdown thread failed: ${reply.error}`));
    else pending.resolve(reply);
  });
  worker.on('error', (error) => failAll(error));
  worker.on('exit', (code) => failAll(new Error(`The Markdown thread stopped (exit code ${code}).`)));
  const ask = (request: Omit<Extract<ThreadRequest, { kind: 'parse' }>, 'id'> | Omit<Extract<ThreadRequest, { kind: 'judge' }>, 'id'>) =>
    new Promise<ThreadReply>((resolve, reject) => {
      if (failed) return reject(failed);
      const id = next++;
      waiting.set(id, { resolve, reject });
      keepAlive();
      worker.postMessage({ id, ...request });
    });
  return {
    parse: async (items) => {
      const reply = await ask({ kind: 'parse', items });
      return 'trees' in reply ? reply.trees : [];
    },
    judge: async (items, options) => {
      const reply = await ask({ kind: 'judge', items, options });
      return 'results' in reply ? reply.results.map((r) => ({ grade: r.grade, messages: r.messages.map(restoreMessage) })) : [];
    },
    close: async () => {
      worker.removeAllListeners('exit');
      await worker.terminate();
    },
  };
}
