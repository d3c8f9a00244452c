import { copyFile, mkdir, mkdtemp, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Everything a build writes goes to a staging folder inside `out/` first; only when every document
 * succeeded are the files moved into place. A failed build leaves the previous `out/` untouched.
 */
export class StagedOutput {
  private constructor(
    readonly outDir: string,
    readonly dir: string,
  ) {}

  static async create(outDir: string): Promise<StagedOutput> {
    await mkdir(outDir, { recursive: true });
    const dir = await mkdtemp(path.join(outDir, '.staging-'));
    return new StagedOutput(outDir, dir);
  }

  pathOf(relative: string): string {
    return path.join(this.dir, relative);
  }

  async write(relative: string, data: string | Uint8Array): Promise<void> {
    const target = this.pathOf(relative);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, data);
  }

  async copy(source: string, relative: string): Promise<void> {
    const target = this.pathOf(relative);
    await mkdir(path.dirname(target), { recursive: true });
    await copyFile(source, target);
  }

  async remove(relative: string): Promise<void> {
    await rm(this.pathOf(relative), { force: true });
  }

  /** Move every staged file into `out/`, replacing older versions, then remove the staging folder. */
  async commit(): Promise<void> {
    for (const relative of await listTree(this.dir)) {
      const target = path.join(this.outDir, relative);
      await mkdir(path.dirname(target), { recursive: true });
      await rename(path.join(this.dir, relative), target);
    }
    await this.discard();
  }

  async discard(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }
}

async function listTree(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await listTree(path.join(dir, entry.name), rel)));
    else out.push(rel);
  }
  return out;
}
