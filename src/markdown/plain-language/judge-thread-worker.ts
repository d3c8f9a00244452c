import { parentPort } from 'node:worker_threads';
import type { Root } from 'mdast';
import { VFile } from 'vfile';
import { saveMessage } from '../../diagnostics/saved-message.js';
import { judgeProse } from './check-plain-language.js';
import type { JudgeReply, JudgeRequest } from './judge-thread.js';

/**
 * The thread that judges prose for `check` (#13) while the main thread renders: it is sent parsed trees
 * and their text (it reads no file), and sends back each source's grade and messages as plain data.
 */
const counted = new Map<string, number>();
parentPort?.on('message', async (request: JudgeRequest) => {
  const reply: JudgeReply = { id: request.id, results: [] };
  try {
    for (const item of request.items) {
      const result = await judgeProse(item.tree as Root, new VFile({ path: item.path, value: item.text }), request.options, counted);
      reply.results.push({ grade: result.grade, messages: result.messages.map(saveMessage) });
    }
  } catch (cause) {
    reply.error = cause instanceof Error ? (cause.stack ?? cause.message) : String(cause);
  }
  parentPort?.postMessage(reply);
});
