import { closeSync, type Dirent, fstatSync, lstatSync, openSync, readdirSync, readSync, type Stats, statSync } from 'node:fs';
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import { restoreMessage, type SavedMessage, saveMessage } from '../diagnostics/saved-message.js';
import { sha256 } from './manifest.js';
import { cacheFolder } from './pdf-cache.js';
import { toolkitFingerprint } from './toolkit-fingerprint.js';

const formatVersion = 1;
const maxBytes = 64 * 1024 * 1024;
/** Records kept of each kind: one per set of settings and toolkit version, the most recently written. */
export const keptRecords = 12;
/** Folders of a project that are never its sources: dependencies, history, outputs, caches. */
const skipped = new Set(['node_modules', '.git', '.blueprint-cache']);

/**
 * The last run of a command with the same settings into the same output folder, kept so that the same
 * run on unchanged sources is answered from it (#13: check; #14: a no-change rebuild): its messages, its
 * result and, for a build, the files it published by size and time.
 */
export interface RunRecord<T> {
  /** What the run read: see `inputStamp`. */
  stamp: string;
  /** Messages by file path ('' for the request's own file). */
  messages: { path: string; messages: SavedMessage[] }[];
  result: T;
  /** Files the run wrote in the output folder, each with `size:mtime:inode`; none for check. */
  outputs: Record<string, string>;
}

/**
 * Everything a run's result can depend on, cheaply: the toolkit (its code and installation, see
 * toolkitFingerprint), the settings, and the name, size and time of every file of the project but its
 * dependencies, history and output folders, plus the dependency lock files (a font package upgraded by
 * `npm install`). Any change, even a file saved unchanged, only means running again.
 */
export function inputStamp(root: string, outDir: string, settings: unknown): string {
  return inputStamps(root, outDir, settings).stamp;
}

/** The stamp (see inputStamp), and each project file's own: `files` maps its path to `size:mtime:inode`. */
export function inputStamps(root: string, outDir: string, settings: unknown): { stamp: string; files: Record<string, string> } {
  const lines: string[] = [toolkitFingerprint(), JSON.stringify(settings)];
  const files: Record<string, string> = {};
  const walk = (dir: string, depth: number) => {
    if (depth > 32) return;
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const full = path.join(dir, entry.name);
      if (skipped.has(entry.name) || full === outDir || entry.name.startsWith('.blueprint-staging-')) continue;
      if (entry.isDirectory()) walk(full, depth + 1);
      else {
        const stamp = fileStamp(full);
        files[path.relative(root, full)] = stamp;
        lines.push(`${path.relative(root, full)}\t${stamp}`);
      }
    }
  };
  walk(root, 0);
  const toolkitRoot = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
  for (const lock of [path.join(root, 'node_modules', '.package-lock.json'), path.join(toolkitRoot, 'node_modules', '.package-lock.json')])
    lines.push(`${lock}\t${fileStamp(lock)}`);
  return { stamp: sha256(lines.join('\n')), files };
}

/** The project files (absolute paths) added, removed or changed between two runs' `inputStamps`. */
export function changedFiles(root: string, before: Record<string, string>, after: Record<string, string>): string[] {
  const changed = new Set<string>();
  for (const [file, stamp] of Object.entries(after)) if (before[file] !== stamp) changed.add(file);
  for (const file of Object.keys(before)) if (!(file in after)) changed.add(file);
  return [...changed].sort().map((file) => path.join(root, file));
}

/** A file's size, modification time and inode (a file replaced by another has a new inode); a link's and its target's. */
export function fileStamp(file: string): string {
  const describe = (stat: Stats) => `${stat.size}:${stat.mtimeMs}:${stat.ino}`;
  try {
    const own = lstatSync(file);
    return own.isSymbolicLink() ? `link ${describe(own)} → ${describe(statSync(file))}` : describe(own);
  } catch {
    return 'missing';
  }
}

const recordFile = (outDir: string, kind: string, settings: unknown) =>
  path.join(outDir, cacheFolder, `${kind}-${sha256(`${toolkitFingerprint()}\n${kind}\n${JSON.stringify(settings)}`).slice(0, 16)}.json`);

/**
 * The record of the last run with these settings, when it read exactly what is there now (`stamp`) and its
 * outputs are intact; with 'any', whatever it read (check compares the files itself, see changedFiles).
 */
export function readRecord<T>(outDir: string, kind: string, settings: unknown, stamp: string | 'any'): RunRecord<T> | undefined {
  try {
    const text = readBounded(recordFile(outDir, kind, settings), maxBytes);
    if (text === undefined) return undefined;
    const data = JSON.parse(text) as { version?: unknown } & Partial<RunRecord<T>>;
    if (
      data.version !== formatVersion ||
      (stamp !== 'any' && data.stamp !== stamp) ||
      !Array.isArray(data.messages) ||
      typeof data.outputs !== 'object' ||
      !data.outputs
    )
      return undefined;
    for (const [file, expected] of Object.entries(data.outputs)) {
      const target = path.resolve(outDir, file);
      if (!target.startsWith(`${outDir}${path.sep}`) || fileStamp(target) !== expected) return undefined;
    }
    return data as RunRecord<T>;
  } catch {
    return undefined;
  }
}

/**
 * A file of the toolkit's cache folder as text, unless it is larger than `limit` (then undefined): its
 * size is read from the open file, so a file that grows while it is read cannot make it read more.
 */
export function readBounded(file: string, limit: number): string | undefined {
  const handle = openSync(file, 'r');
  try {
    const size = fstatSync(handle).size;
    if (size > limit) return undefined;
    const buffer = Buffer.alloc(size);
    let read = 0;
    while (read < size) {
      const n = readSync(handle, buffer, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    return buffer.toString('utf8', 0, read);
  } finally {
    closeSync(handle);
  }
}

export async function saveRecord<T>(
  outDir: string,
  kind: string,
  settings: unknown,
  record: { stamp: string; files: VFile[]; result: T; outputs: string[] },
): Promise<void> {
  const file = recordFile(outDir, kind, settings);
  await mkdir(path.dirname(file), { recursive: true });
  const outputs: Record<string, string> = {};
  for (const output of [...record.outputs].sort()) outputs[output] = fileStamp(path.join(outDir, output));
  const messages = record.files.filter((f) => f.messages.length > 0).map((f) => ({ path: f.path ?? '', messages: f.messages.map(saveMessage) }));
  const temporary = `${file}.${process.pid}`;
  await writeFile(temporary, JSON.stringify({ version: formatVersion, stamp: record.stamp, messages, result: record.result, outputs }));
  await rename(temporary, file);
  await pruneRecords(path.dirname(file), kind).catch(() => undefined);
}

/**
 * A record is written for every set of settings and every toolkit version, and none would ever be read
 * again after an upgrade: keep the most recent few of a kind, so the cache folder does not grow without end.
 * Only the toolkit's own record files (`<kind>-<16 hex digits>.json`) are ever removed.
 */
async function pruneRecords(dir: string, kind: string): Promise<void> {
  const pattern = new RegExp(`^${kind}-[0-9a-f]{16}\\.json$`);
  const records = await Promise.all(
    (await readdir(dir)).filter((name) => pattern.test(name)).map(async (name) => ({ name, time: (await stat(path.join(dir, name))).mtimeMs })),
  );
  records.sort((a, b) => b.time - a.time || (a.name < b.name ? -1 : 1));
  for (const { name } of records.slice(keptRecords)) await rm(path.join(dir, name), { force: true });
}

/** The files of a recorded run, with its messages (a file without a path is the request's). */
export function replayFiles(record: RunRecord<unknown>): VFile[] {
  return record.messages.map(({ path: file, messages }) => {
    const vfile = file ? new VFile({ path: file }) : new VFile();
    vfile.messages = messages.map(restoreMessage);
    return vfile;
  });
}
