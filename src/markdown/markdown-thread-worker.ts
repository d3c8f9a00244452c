import { parentPort } from 'node:worker_threads';
import { VFile } from 'vfile';
import { saveMessage } from '../project/source-cache.js';
import type { ThreadReply, ThreadRequest } from './markdown-thread.js';
import { judgeProse } from './plain-language/check-plain-language.js';
import { createMarkdownParser } from './processor.js';

/**
 * The second thread of `check` (#13, see startMarkdownThread): parses the texts it is sent with the
 * toolkit's Markdown dialect, and judges the prose of the trees it is sent; answers each request in turn.
 */
const parser = createMarkdownParser();
const counted = new Map<string, number>();
parentPort?.on('message', async (request: ThreadRequest) => {
  let reply: ThreadReply;
  try {
    if (request.kind === 'parse')
      reply = { id: request.id, trees: request.items.map((item) => parser.parse(new VFile({ path: item.path, value: item.text }))) };
    else {
      const results = [];
      for (const item of request.items) {
        const result = await judgeProse(item.tree, new VFile({ path: item.path, value: item.text }), request.options, counted);
        results.push({ grade: result.grade, messages: result.messages.map(saveMessage) });
      }
      reply = { id: request.id, results };
    }
  } catch (cause) {
    reply = { id: request.id, error: cause instanceof Error ? (cause.stack ?? cause.message) : String(cause) };
  }
  parentPort?.postMessage(reply);
});
