import { readdirSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type LoadResult, loadProject } from '../project/load-project.js';
import { SourceCache, type SourceCacheSnapshot } from '../project/source-cache.js';
import { sha256 } from './manifest.js';
import { cacheFolder } from './pdf-cache.js';
import { readBounded } from './run-record.js';
import { defaultOutDir, mayCache } from './settings.js';
import { toolkitFingerprint } from './toolkit-fingerprint.js';

const formatVersion = 1;
/** Far above what the shipped project needs (about 5 MB); a larger file is not read. */
const maxBytes = 256 * 1024 * 1024;

/**
 * `check` and `build` keep what they parsed and judged between runs (#13, #14): the parsed Markdown with
 * its checks' messages, the plain-language results and the fonts' character sets, by each file's text, in
 * `out/.blueprint-cache/sources-<key>.json`. The key is the toolkit's fingerprint, which includes this
 * installation's folder identity: another toolkit version, or a file a fork committed, is never read.
 * A missing, damaged or foreign file only means parsing again. Nothing here is a build output: it is
 * never published, and `--no-cache` neither reads nor writes it.
 */
export function openSourceCache(outDir: string, root: string): SourceCache {
  try {
    const text = readBounded(cacheFile(outDir), maxBytes);
    if (text === undefined) return new SourceCache(root);
    const data = JSON.parse(text) as { version?: unknown; root?: unknown } & Partial<SourceCacheSnapshot>;
    if (data.version !== formatVersion || data.root !== root || !isSnapshot(data)) return new SourceCache(root);
    return SourceCache.restore(data, root);
  } catch {
    return new SourceCache(root);
  }
}

/** Save what this run parsed of the files it read (`keep`); older files of this kind in the folder go. */
export async function saveSourceCache(cache: SourceCache, outDir: string, root: string, keep: Set<string>): Promise<void> {
  const file = cacheFile(outDir);
  const dir = path.dirname(file);
  await mkdir(dir, { recursive: true });
  const temporary = `${file}.${process.pid}`;
  await writeFile(temporary, JSON.stringify({ version: formatVersion, root, ...cache.snapshot(keep) }));
  await rename(temporary, file);
  for (const name of readdirSync(dir))
    if (/^sources-[0-9a-f]{16}\.json$/.test(name) && name !== path.basename(file)) await rm(path.join(dir, name), { force: true });
}

/** The source files a run read (the files of its messages that have a path): what its cache keeps. */
export const filesRead = (run: { files: { path?: string }[] }) => new Set(run.files.map((file) => file.path).filter((file): file is string => Boolean(file)));

const cacheFile = (outDir: string) => path.join(outDir, cacheFolder, `sources-${sha256(`${toolkitFingerprint()}\nsources`).slice(0, 16)}.json`);

function isSnapshot(data: Partial<SourceCacheSnapshot>): data is SourceCacheSnapshot {
  const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
  if (!isRecord(data.markdown) || !isRecord(data.prose) || !isRecord(data.glyphs)) return false;
  for (const entry of Object.values(data.markdown)) {
    if (!isRecord(entry) || typeof entry.hash !== 'string' || !isRecord(entry.tree) || entry.tree.type !== 'root' || !Array.isArray(entry.messages))
      return false;
  }
  for (const entry of Object.values(data.prose)) if (!isRecord(entry) || typeof entry.hash !== 'string' || !Array.isArray(entry.messages)) return false;
  for (const set of Object.values(data.glyphs)) if (!Array.isArray(set)) return false;
  return true;
}

/**
 * Load a project with the cache its default output folder keeps (when that folder may hold one), for the
 * commands that read the whole project without building it (#13: i18n extract and import load it every
 * time a translator runs them); `save` keeps what this run parsed.
 */
export async function loadProjectCached(root: string): Promise<{ loaded: LoadResult; save: (files: { path?: string }[]) => Promise<void> }> {
  const resolved = path.resolve(root);
  const outDir = defaultOutDir(resolved);
  const cache = mayCache(outDir, resolved) ? openSourceCache(outDir, resolved) : undefined;
  const loaded = await loadProject(resolved, cache ? { cache } : {});
  return {
    loaded,
    save: async (files) => {
      if (cache) await saveSourceCache(cache, outDir, resolved, filesRead({ files })).catch(() => undefined);
    },
  };
}
