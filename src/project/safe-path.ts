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
