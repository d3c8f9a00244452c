import { type Dirent, lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { VFile } from 'vfile';

/**
 * The one way the toolkit reads a source (#8, #9): every reader of project files comes through here, so a
 * path that climbs out of the project, a symbolic link whose target lies elsewhere (a fork can commit
 * `logo.svg` as a link to `/etc/passwd`), a huge file or a binary file is refused in one place, the same
 * way for sections, case studies, profiles, themes, images and links.
 */

/** Text sources larger than this are refused: a guide's section is a few dozen kilobytes. */
export const maxTextBytes = 2 * 1024 * 1024;
/** Images and other copied files. */
export const maxAssetBytes = 25 * 1024 * 1024;

export type Refusal =
  | { problem: 'outside' }
  | { problem: 'missing' }
  | { problem: 'not-a-file' }
  | { problem: 'too-large'; size: number; limit: number }
  | { problem: 'encoding'; detail: string; offset: number };

/** Whether `candidate` is `root` or lies below it, by path alone. */
export function isInside(root: string, candidate: string): boolean {
  const rel = path.relative(root, candidate);
  return rel === '' || (!rel.startsWith(`..${path.sep}`) && rel !== '..' && !path.isAbsolute(rel));
}

/**
 * Resolve `relative` (a path written in a source) against `fromDir` and check that it, and the file a link
 * leads to, stay inside `root`. Never reads the file.
 */
export function locateInside(root: string, fromDir: string, relative: string, realRoot?: string): { path: string } | Refusal {
  if (relative.includes('\0') || path.isAbsolute(relative) || /^[a-zA-Z]:[\\/]/.test(relative)) return { problem: 'outside' };
  return checkInside(root, path.resolve(fromDir, relative), realRoot);
}

/**
 * The names of the visible files beside a path that does not exist, for a did-you-mean: only when its
 * folder is inside `root` (by where links lead too) and not hidden; none otherwise.
 */
export function namesBeside(root: string, target: string): string[] {
  return (entriesInside(root, path.dirname(target)) ?? []).filter((entry) => entry.isFile() && !entry.name.startsWith('.')).map((entry) => entry.name);
}

/**
 * The entries of a folder, links included, when it is inside `root` by its path and by where it leads, and
 * not hidden; undefined otherwise, or when it cannot be read. `realRoot`: where `root` leads, if known.
 */
export function entriesInside(root: string, dir: string, realRoot?: string): Dirent[] | undefined {
  if (!isInside(root, dir) || hidden(root, dir)) return undefined;
  try {
    const rootLeadsTo = realRoot ?? realpathSync.native(root);
    const real = realpathSync.native(dir);
    if (!isInside(rootLeadsTo, real) || hidden(rootLeadsTo, real)) return undefined;
    return readdirSync(real, { withFileTypes: true });
  } catch {
    return undefined;
  }
}

/** Whether a path below `root` passes through a hidden file or folder (a name starting with a dot). */
export const hidden = (root: string, target: string) =>
  path
    .relative(root, target)
    .split(path.sep)
    .some((part) => part.startsWith('.') && part !== '.');

/** Whether the deepest folder of `dir` that exists is, by where its links lead, outside `root`. */
function leadsOutside(root: string, dir: string, knownRealRoot: string | undefined): boolean {
  try {
    const realRoot = knownRealRoot ?? realpathSync.native(root);
    for (let at = dir; isInside(root, at); at = path.dirname(at)) {
      try {
        return !isInside(realRoot, realpathSync.native(at));
      } catch {
        if (at === root) return false;
      }
    }
  } catch {}
  return false;
}

/**
 * Check an absolute path: inside `root` by path, and by where its links lead; a regular file. `realRoot`:
 * where `root` leads, when the caller knows it (#13: a load reads hundreds of files below one root, and
 * asked the system for the root's real path again for each).
 */
export function checkInside(root: string, target: string, realRoot?: string): { path: string; size?: number } | Refusal {
  if (!isInside(root, target)) return { problem: 'outside' };
  // Hidden files and folders (.git, .env, .ssh) are never sources, whatever links point at them (#9).
  if (hidden(root, target)) return { problem: 'outside' };
  // #13: the system's realpath (one call) rather than Node's, which lstats every folder of the path in
  // JavaScript; a load reads every source through here, and the preview loads on every save.
  let real: string;
  try {
    real = realpathSync.native(target);
  } catch {
    // A dangling link is as dangerous as a live one: say "outside", not "missing".
    try {
      if (lstatSync(target).isSymbolicLink()) return { problem: 'outside' };
    } catch {}
    // So is a missing file below a folder that is a link out of the project (evil/hostnam, evil → /etc).
    return leadsOutside(root, path.dirname(target), realRoot) ? { problem: 'outside' } : { problem: 'missing' };
  }
  let rootLeadsTo = realRoot;
  if (rootLeadsTo === undefined) {
    try {
      rootLeadsTo = realpathSync.native(root);
    } catch {
      return { problem: 'missing' };
    }
  }
  if (!isInside(rootLeadsTo, real)) return { problem: 'outside' };
  const stat = statSync(real);
  if (!stat.isFile()) return { problem: 'not-a-file' };
  return { path: target, size: stat.size };
}

/** Read a file's bytes, confined to `root` and size-limited. */
export function readBytesInside(root: string, target: string, limit = maxAssetBytes, realRoot?: string): { bytes: Buffer; path: string } | Refusal {
  const found = checkInside(root, target, realRoot);
  if (!('path' in found)) return found;
  const size = found.size ?? statSync(found.path).size;
  if (size > limit) return { problem: 'too-large', size, limit };
  return { bytes: readFileSync(found.path), path: found.path };
}

/** Read a UTF-8 text source into a VFile (path absolute; messages print it relative). */
export function readInside(root: string, target: string, limit = maxTextBytes, realRoot?: string): { file: VFile } | Refusal {
  const read = readBytesInside(root, target, limit, realRoot);
  if (!('bytes' in read)) return read;
  const text = decodeUtf8(read.bytes);
  if (typeof text !== 'string') return text;
  return { file: new VFile({ path: read.path, value: text }) };
}

/** Decode UTF-8 strictly: an invalid byte or a NUL (a binary file) is refused with its offset. */
export function decodeUtf8(bytes: Uint8Array): string | Extract<Refusal, { problem: 'encoding' }> {
  const nul = bytes.indexOf(0);
  if (nul >= 0) return { problem: 'encoding', detail: 'it contains a NUL byte (is it a binary file?)', offset: nul };
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    const offset = firstInvalidUtf8(bytes);
    return { problem: 'encoding', detail: `byte 0x${(bytes[offset] ?? 0).toString(16).padStart(2, '0')} is not valid UTF-8`, offset };
  }
}

/** Line and column (1-based) of a byte offset, for messages about undecodable files. */
export function placeOfOffset(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  const prefix = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, offset));
  return { line, column: [...prefix].length + 1 };
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += need + 1;
  }
  return Math.max(0, bytes.length - 1);
}
