import path from 'node:path';
import { listMarkdownFiles, parseSources, type SourceText } from '../markdown/parse-sources.js';
import { maxTextBytes, readInside } from './read-inside.js';
import type { SourceCache } from './source-cache.js';

/**
 * Parse the project's Markdown on every core before the load reads it (#13): each file below blueprints/ is
 * read through readInside and parsed and checked in parallel, into the load's cache. The load then reads
 * every file again as usual and takes a tree from the cache only for the same path, kind and exact text, so
 * what it sees is what is on disk; a file the prefetch guessed wrong about is simply parsed again.
 */
export async function prefetchMarkdown(root: string, cache: SourceCache): Promise<void> {
  const sources: SourceText[] = [];
  for (const target of listMarkdownFiles(path.join(root, 'blueprints'))) {
    const read = readInside(root, target, maxTextBytes);
    if (!('file' in read)) continue;
    const text = String(read.file.value);
    const kind = target.split(path.sep).includes('case-studies') ? 'case-study' : 'section';
    if (!cache.has(target, text, kind)) sources.push({ path: target, text, kind });
  }
  for (const parsed of await parseSources(sources)) cache.set(parsed.path, parsed.text, parsed.kind, parsed.tree, parsed.messages);
}
