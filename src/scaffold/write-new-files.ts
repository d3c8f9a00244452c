import { existsSync, lstatSync, mkdirSync, realpathSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { VFile } from 'vfile';
import { report } from '../diagnostics/messages.js';
import { isInside } from '../project/read-inside.js';

export interface NewFile {
  /** Path relative to the project root, with "/" separators. */
  path: string;
  content: string;
}

/** The only folders `blueprint new` writes in (#11). */
const writable = ['blueprints/', 'themes/'];

/**
 * Write the files of a scaffold, all or none (#11): a file that already exists (or a link where one would
 * go) is reported and nothing is written; so is a path outside blueprints/ and themes/, or one whose folder
 * is a link that leads out of the project. Returns the paths written, or undefined.
 */
export function writeNewFiles(root: string, files: NewFile[], requestFile: VFile): string[] | undefined {
  let refused = false;
  for (const file of files) {
    const target = path.join(root, file.path);
    if (!safeTarget(root, file.path)) {
      report(requestFile, 'scaffold-refused', { what: file.path, problem: 'it is not inside blueprints/ or themes/ of the project' });
      refused = true;
    } else if (exists(target)) {
      report(requestFile, 'scaffold-exists', { path: file.path });
      refused = true;
    }
  }
  if (refused) return undefined;
  for (const file of files) {
    const target = path.join(root, file.path);
    mkdirSync(path.dirname(target), { recursive: true });
    // "wx": never replace a file, even one that appeared since the check above.
    writeFileSync(target, file.content, { flag: 'wx' });
  }
  return files.map((f) => f.path);
}

/** Replace one existing file of the project (blueprints/fork.yaml) in one step: write beside it, then rename. */
export function replaceFile(root: string, file: NewFile): void {
  const target = path.join(root, file.path);
  const staged = `${target}.new-${process.pid}`;
  writeFileSync(staged, file.content, { flag: 'wx' });
  renameSync(staged, target);
}

function safeTarget(root: string, relative: string): boolean {
  if (path.isAbsolute(relative) || relative.split('/').some((part) => part === '..' || part === '' || part.startsWith('.'))) return false;
  if (!writable.some((dir) => relative.startsWith(dir))) return false;
  // The nearest folder that exists must really be inside the project (blueprints/ may be a link elsewhere).
  let dir = path.dirname(path.join(root, relative));
  while (!existsSync(dir) && dir !== root) dir = path.dirname(dir);
  try {
    return isInside(realpathSync(root), realpathSync(dir));
  } catch {
    return false;
  }
}

function exists(target: string): boolean {
  try {
    lstatSync(target);
    return true;
  } catch {
    return false;
  }
}
