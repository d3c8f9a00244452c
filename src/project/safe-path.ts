import { realpathSync } from 'node:fs';
import path from 'node:path';

/**
 * Resolve `relative` against `fromDir` and refuse the result when it leaves `root`.
 * Sources may come from a fork, so a Markdown image like `../../../etc/passwd` must never be read.
 */
export function resolveInside(root: string, fromDir: string, relative: string): string | undefined {
  if (path.isAbsolute(relative)) return undefined;
  const resolved = path.resolve(fromDir, relative);
  return isInside(root, resolved) ? resolved : undefined;
}

export function isInside(root: string, candidate: string): boolean {
  const rel = path.relative(root, candidate);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * Whether an existing file really lies inside `root`, following symbolic links: a fork could commit
 * `images/logo.png` as a link to `/etc/passwd`, which a check on the path alone would let through.
 */
export function isReallyInside(root: string, file: string): boolean {
  try {
    return isInside(realpathSync(root), realpathSync(file));
  } catch {
    return false;
  }
}
