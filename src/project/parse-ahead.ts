import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Root } from 'mdast';
import { VFile } from 'vfile';
import { checkMarkdownLimits } from '../markdown/check-markdown-limits.js';
import type { MarkdownThread } from '../markdown/markdown-thread.js';
import type { MarkdownParser } from '../markdown/processor.js';
import { readInside } from './read-inside.js';
import type { SourceCache } from './source-cache.js';

/** How much is parsed ahead at most: far more than a project of twelve guides in twelve languages has. */
const aheadFiles = 5000;
const aheadBytes = 64 * 1024 * 1024;

/** Trees parsed before the project loads, by path, each with the text it was parsed from. */
export type ParsedAhead = Map<string, { text: string; tree: Root }>;

/**
 * Parse the project's Markdown before it loads, half of it on a second thread (#13: a check's two cores):
 * every `.md` file under `blueprints/`, read through the one reader that keeps reads inside the project,
 * except files past the Markdown limits (the load reports those) and files the cache already holds. The
 * load then takes a tree from here only when its file's text is the same (see withParsedAhead); anything
 * else it parses as before, so a file that changed since, or is not under `blueprints/`, is never wrong.
 */
export async function parseAhead(root: string, parser: MarkdownParser, thread: MarkdownThread, cache?: SourceCache): Promise<ParsedAhead> {
  const texts: { path: string; text: string }[] = [];
  let total = 0;
  for (const name of markdownFiles(path.join(root, 'blueprints'))) {
    // Only a help: a folder of many files the project never names is left to the load, which reads what it names.
    if (texts.length >= aheadFiles || total >= aheadBytes) break;
    const read = readInside(root, name);
    if (!('file' in read)) continue;
    // Keyed by the path the load's reader gives its file (the same reader), which the parser is handed.
    const at = read.file.path ?? name;
    const text = String(read.file.value);
    if (cache?.has(at, text) || !checkMarkdownLimits(new VFile({ path: at, value: text }))) continue;
    texts.push({ path: at, text });
    total += text.length;
  }
  // The larger files first, each to the side with less so far; the thread gets two fifths, as it starts
  // later (its own modules load first) and its trees must be copied back.
  const here: typeof texts = [];
  const there: typeof texts = [];
  let hereBytes = 0;
  let thereBytes = 0;
  for (const item of [...texts].sort((a, b) => b.text.length - a.text.length || (a.path < b.path ? -1 : 1))) {
    if (thereBytes * 1.5 < hereBytes) {
      there.push(item);
      thereBytes += item.text.length;
    } else {
      here.push(item);
      hereBytes += item.text.length;
    }
  }
  const parsed: ParsedAhead = new Map();
  const asked = there.length ? thread.parse(there) : Promise.resolve([]);
  // A failed thread only means parsing during the load, as without one.
  const answered = asked.catch(() => [] as Root[]);
  for (const item of here) parsed.set(item.path, { text: item.text, tree: parser.parse(new VFile({ path: item.path, value: item.text })) });
  for (const [i, tree] of (await answered).entries()) {
    const item = there[i];
    if (item) parsed.set(item.path, { text: item.text, tree });
  }
  return parsed;
}

/** The parser the load uses: a tree parsed ahead from the same path and text, once; otherwise a parse. */
export function withParsedAhead(parser: MarkdownParser, parsed: ParsedAhead | undefined): MarkdownParser {
  if (!parsed?.size) return parser;
  return {
    parse: (file: VFile) => {
      const ahead = parsed.get(file.path ?? '');
      if (ahead && ahead.text === String(file.value)) {
        parsed.delete(file.path ?? '');
        return ahead.tree;
      }
      return parser.parse(file);
    },
  };
}

/** Every `.md` file under a folder, by absolute path, sorted; folders and files starting with a dot left out. */
function markdownFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (folder: string, depth: number) => {
    if (depth > 8 || found.length > aheadFiles) return;
    let entries: import('node:fs').Dirent[];
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full, depth + 1);
      else if (entry.isFile() && entry.name.endsWith('.md')) found.push(full);
    }
  };
  walk(dir, 0);
  return found.sort();
}
