import path from 'node:path';
import { listMarkdownFiles, parseSources, type SourceText } from '../markdown/parse-sources.js';
import type { PlainLanguageOptions } from '../markdown/plain-language/check-plain-language.js';
import { maxTextBytes, readInside } from './read-inside.js';
import type { SourceCache } from './source-cache.js';

/**
 * Parse the project's Markdown on every core before the load reads it (#13): each file below blueprints/ is
 * read through readInside and parsed and checked in parallel, into the load's cache. The load then reads
 * every file again as usual and takes a tree from the cache only for the same path, kind and exact text, so
 * what it sees is what is on disk; a file the prefetch guessed wrong about is simply parsed again. With
 * `judge` (check), the prose of every source not named as a translation is judged too.
 */
export async function prefetchMarkdown(root: string, cache: SourceCache, judge?: { options: PlainLanguageOptions; languages: string[] }): Promise<void> {
  const translations = new Set(judge?.languages.slice(1));
  const isTranslation = (target: string) => translations.has(/\.([^.]+)\.md$/.exec(path.basename(target))?.[1] ?? '');
  const sources: SourceText[] = [];
  for (const target of listMarkdownFiles(path.join(root, 'blueprints'))) {
    const read = readInside(root, target, maxTextBytes);
    if (!('file' in read)) continue;
    const text = String(read.file.value);
    const kind = target.split(path.sep).includes('case-studies') ? 'case-study' : 'section';
    // The prose of the project's first language is judged too, for check (#13: plain language).
    const options = judge && !isTranslation(target) ? judge.options : undefined;
    const judged = !options || read.file.path === undefined || cache.plainResult(read.file, options) !== undefined;
    if (!cache.has(target, text, kind) || !judged) sources.push({ path: target, text, kind, ...(options && !judged ? { judge: options } : {}) });
  }
  for (const parsed of await parseSources(sources)) {
    cache.set(parsed.path, parsed.text, parsed.kind, parsed.tree, parsed.messages);
    if (parsed.plain && parsed.judge) cache.setPlain(parsed.path, parsed.text, parsed.judge, parsed.plain);
  }
}
