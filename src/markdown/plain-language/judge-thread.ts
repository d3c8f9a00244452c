import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Root } from 'mdast';
import { restoreMessage, type SavedMessage } from '../../diagnostics/saved-message.js';
import type { PlainLanguageResult } from './check-plain-language.js';
import type { PlainLanguageOptions } from './plain-language-rule.js';

export interface JudgeRequest {
  id: number;
  options: PlainLanguageOptions;
  items: { path: string; text: string; tree: Root }[];
}

export interface JudgeReply {
  id: number;
  results: { grade: PlainLanguageResult['grade']; messages: SavedMessage[] }[];
  error?: string;
}

/** Judges prose: the sources in order, one result each. */
export type Judge = (items: JudgeRequest['items'], options: PlainLanguageOptions) => Promise<PlainLanguageResult[]>;

export interface JudgeThread {
  judge: Judge;
  close(): Promise<void>;
}

/**
 * A second thread for the plain-language checks (#13): `check` starts it before it loads the project (its
 * modules load meanwhile), hands it the parsed sources, and renders while it judges, so the two halves of
 * a check share the machine's cores. Undefined where the compiled worker is not beside this module (the
 * toolkit run from its TypeScript sources, as its tests do): the caller judges in its own thread.
 */
export function startJudgeThread(): JudgeThread | undefined {
  const script = new URL('./judge-thread-worker.js', import.meta.url);
  if (script.protocol !== 'file:' || !existsSync(fileURLToPath(script))) return undefined;
  const worker = new Worker(script);
  let next = 0;
  let failed: Error | undefined;
  const waiting = new Map<number, { resolve: (results: PlainLanguageResult[]) => void; reject: (error: Error) => void }>();
  // The thread keeps the process alive only while it is judging: a check that stops early exits all the same.
  const keepAlive = () => (waiting.size ? worker.ref() : worker.unref());
  keepAlive();
  const failAll = (error: Error) => {
    failed = error;
    for (const { reject } of waiting.values()) reject(error);
    waiting.clear();
    keepAlive();
  };
  worker.on('message', (reply: JudgeReply) => {
    const pending = waiting.get(reply.id);
    if (!pending) return;
    waiting.delete(reply.id);
    keepAlive();
    if (reply.error) pending.reject(new Error(`The plain-language thread failed: ${reply.error}`));
    else pending.resolve(reply.results.map((r) => ({ grade: r.grade, messages: r.messages.map(restoreMessage) })));
  });
  worker.on('error', (error) => failAll(error));
  worker.on('exit', (code) => failAll(new Error(`The plain-language thread stopped (exit code ${code}).`)));
  return {
    judge: (items, options) =>
      new Promise((resolve, reject) => {
        if (failed) return reject(failed);
        const id = next++;
        waiting.set(id, { resolve, reject });
        keepAlive();
        worker.postMessage({ id, options, items } satisfies JudgeRequest);
      }),
    close: async () => {
      worker.removeAllListeners('exit');
      await worker.terminate();
    },
  };
}
