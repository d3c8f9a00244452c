import { parentPort } from 'node:worker_threads';
import { type ParsedFields, parseSource, type SourceText, toFields } from './parse-sources.js';
import { createMarkdownParser } from './processor.js';

/** A thread of parseSources (#13): parses the chunks it is sent and sends back trees and messages. */
const parser = createMarkdownParser();
const counted = new Map<string, number>();
parentPort?.on('message', async (chunk: SourceText[]) => {
  const parsed: ParsedFields[] = [];
  for (const source of chunk) {
    const result = await parseSource(parser, source, counted);
    if (result) parsed.push(toFields(result));
  }
  parentPort?.postMessage({ parsed });
});
parentPort?.postMessage({ parsed: [] });
