import { constants } from 'node:fs';
import { access, mkdtemp, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { DoctorCheck } from './doctor-check.js';

/**
 * The build can write `out/`: it stages every file in a folder inside `out/` before moving it into place,
 * so `out/` itself (or, if it does not exist yet, the folder it will be made in) must take new folders.
 */
export async function checkOutput(outDir: string): Promise<DoctorCheck> {
  const fail = (detail: string): DoctorCheck => ({
    id: 'output',
    ok: false,
    required: true,
    detail,
    fix: `chmod u+w ${outDir} (or run as its owner), or build with --out <a writable folder>`,
  });
  const info = await stat(outDir).catch(() => undefined);
  if (info && !info.isDirectory()) return { ...fail(`${outDir} is a file, not a folder`), fix: `remove or rename ${outDir}, or build with --out <folder>` };
  if (info) {
    // Really make a folder, as the build will: permission bits alone do not show ACLs or a read-only mount.
    try {
      await rm(await mkdtemp(path.join(outDir, '.doctor-')), { recursive: true, force: true });
      return { id: 'output', ok: true, required: true, detail: `${outDir} is writable` };
    } catch (cause) {
      return fail(`cannot write in ${outDir}: ${(cause as NodeJS.ErrnoException).code ?? String(cause)}`);
    }
  }
  // Not there yet: the build creates it, and the doctor leaves the tree as it found it.
  let parent = path.dirname(outDir);
  while (!(await stat(parent).catch(() => undefined)) && path.dirname(parent) !== parent) parent = path.dirname(parent);
  try {
    await access(parent, constants.W_OK);
    return { id: 'output', ok: true, required: true, detail: `${outDir} does not exist yet; ${parent} is writable, so the build can make it` };
  } catch (cause) {
    return fail(`${outDir} does not exist and ${parent} is not writable: ${(cause as NodeJS.ErrnoException).code ?? String(cause)}`);
  }
}
