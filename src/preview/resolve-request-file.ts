import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { isInside } from '../project/read-inside.js';

export interface Refusal {
  status: 400 | 403 | 404;
  /** One line for the person who typed the address. */
  reason: string;
}

export type RequestedFile = { file: string } | Refusal;

/**
 * The file in the output folder that a request's URL names, or why there is none. #9: the URL comes
 * from any program on this machine, so a broken percent-encoding is an answer (400), not a crash, and
 * neither `..`, a NUL byte nor a symbolic link may lead out of the output folder.
 */
export async function resolveRequestFile(outDir: string, requestUrl: string): Promise<RequestedFile> {
  let pathname: string;
  try {
    // The base only anchors a path-only URL; `..` and `%2e%2e` segments are resolved by the URL parser.
    pathname = decodeURIComponent(new URL(requestUrl, 'http://preview.invalid').pathname);
  } catch {
    return { status: 400, reason: 'Bad request: the address is not a valid URL (a "%" must start a UTF-8 byte such as %20 or %C3%A9)' };
  }
  if (pathname.includes('\0')) return { status: 403, reason: 'Refused: the address contains a NUL byte' };
  const segments = pathname.split(/[/\\]/);
  // Decoded "%2f" and "%5c" can make new segments after the URL parser has resolved the old ones.
  if (segments.includes('..')) return { status: 403, reason: 'Refused: the address leads out of the output folder' };
  // Dot names are not pages: the build's .staging-* folder holds half-written output.
  if (segments.some((s) => s.startsWith('.'))) return { status: 404, reason: `Not found: ${pathname}` };

  let root: string;
  try {
    root = await realpath(outDir);
  } catch {
    return { status: 404, reason: `Not found: ${pathname} (nothing has been built yet)` };
  }
  const requested = path.join(root, pathname);
  if (!isInside(root, requested)) return { status: 403, reason: 'Refused: the address leads out of the output folder' };
  const notFound = { status: 404, reason: `Not found: ${pathname}` } as const;
  let file = await realInside(root, requested);
  if (typeof file === 'string' && (await stat(file).catch(() => undefined))?.isDirectory()) file = await realInside(root, path.join(file, 'index.html'));
  if (typeof file !== 'string') return file ?? notFound;
  if (!(await stat(file).catch(() => undefined))?.isFile()) return notFound;
  return { file };
}

/** The real path of `file` when it exists and, links followed, stays inside `root` (itself a real path). */
async function realInside(root: string, file: string): Promise<string | Refusal | undefined> {
  let real: string;
  try {
    real = await realpath(file);
  } catch {
    return undefined;
  }
  // A link in the output folder could point at ~/.ssh; a check on the requested path alone would follow it.
  return isInside(root, real) ? real : { status: 403, reason: 'Refused: this file is a link leading out of the output folder' };
}
