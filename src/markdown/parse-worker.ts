import { parentPort } from 'node:worker_threads';
import { messageFields, parseSource, type SourceText } from './parse-sources.js';
import { createMarkdownParser } from './processor.js';

/** A thread of parseSources (#13): parses the chunks it is sent and sends back trees and messages. */
const parser = createMarkdownParser();
parentPort?.on('message', (chunk: SourceText[]) => {
  const parsed = chunk.flatMap((source) => {
    const result = parseSource(parser, source);
    return result ? [{ ...result, messages: result.messages.map(messageFields) }] : [];
  });
  parentPort?.postMessage({ parsed });
});
parentPort?.postMessage({ parsed: [] });
