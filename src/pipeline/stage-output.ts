import { existsSync, lstatSync, readFileSync, rmdirSync, rmSync } from 'node:fs';
import { copyFile, mkdir, open, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { VFile } from 'vfile';
import { report } from '../diagnostics/messages.js';
import { onForcedExit } from './forced-exit.js';

const lockName = '.blueprint-lock';
const stagingPrefix = '.blueprint-staging-';

/** Open the output folder for one build, reporting a lock held by another build or an unwritable folder. */
export async function openOutput(outDir: string, requestFile: VFile): Promise<StagedOutput | undefined> {
  const staged = await StagedOutput.open(outDir, process.pid, isAlive);
  if (staged instanceof StagedOutput) return staged;
  if (staged.problem === 'locked') report(requestFile, 'output-locked', { dir: outDir, pid: staged.pid });
  else report(requestFile, 'output-not-writable', { dir: outDir, reason: staged.reason });
  return undefined;
}

/** Whether the process that holds a lock still runs (EPERM: it runs, as another user). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (cause) {
    return (cause as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export type OpenProblem = { problem: 'locked'; pid: string } | { problem: 'unwritable'; reason: string };

/**
 * Everything a build writes goes to a staging folder inside the output folder first; only when every
 * document succeeded are the files moved into place, so a failed or stopped build leaves the output as it
 * was. A lock file keeps two builds from writing one folder at once (#9), and a file the toolkit did not
 * write there is never replaced.
 */
export class StagedOutput {
  private readonly staged = new Set<string>();
  /** Folders made in the staging folder so far: each is made once, not once per file (#14). */
  private readonly made = new Set<string>();
  /** A second Ctrl-C exits at once: the staging folder and the lock go there and then (the output stays as it was). */
  private readonly forced = onForcedExit(() => {
    rmSync(this.dir, { recursive: true, force: true });
    rmSync(this.lock, { force: true });
    this.removeCreatedFolders();
  });
  /** Content-named files an earlier build of this process published (#13: the preview's); see SourceCache. */
  reusable: ReadonlySet<string> = new Set();

  private constructor(
    readonly outDir: string,
    readonly dir: string,
    private readonly lock: string,
    /** The first folder of the output path this build created (none when it was there): removed again, if left empty, when nothing is published. */
    private readonly created?: string,
  ) {}

  static async open(outDir: string, pid: number, isAlive: (pid: number) => boolean): Promise<StagedOutput | OpenProblem> {
    try {
      const created = await mkdir(outDir, { recursive: true });
      const lock = path.join(outDir, lockName);
      for (let attempt = 0; ; attempt++) {
        try {
          const handle = await open(lock, 'wx');
          await handle.writeFile(String(pid));
          await handle.close();
          break;
        } catch (cause) {
          if ((cause as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw cause;
          const holder = (await readFile(lock, 'utf8').catch(() => '')).trim();
          if (/^\d+$/.test(holder) && Number(holder) !== pid && isAlive(Number(holder))) return { problem: 'locked', pid: holder };
          // The build that held it is gone (killed): its lock and staging folder are leftovers.
          await rm(lock, { force: true });
        }
      }
      // We hold the lock, so any staging folder here was left by a build that was killed.
      for (const entry of await readdir(outDir)) {
        if (entry.startsWith(stagingPrefix) || entry.startsWith('.staging-')) await rm(path.join(outDir, entry), { recursive: true, force: true });
      }
      const dir = path.join(outDir, `${stagingPrefix}${pid}`);
      await mkdir(dir);
      return new StagedOutput(outDir, dir, lock, created);
    } catch (cause) {
      return { problem: 'unwritable', reason: (cause as Error).message };
    }
  }

  pathOf(relative: string): string {
    return path.join(this.dir, relative);
  }

  /** Every file staged so far, sorted. */
  files(): string[] {
    return [...this.staged].sort();
  }

  async write(relative: string, data: string | Uint8Array): Promise<void> {
    const target = this.pathOf(relative);
    await this.folderOf(target);
    await writeFile(target, data);
    this.staged.add(relative);
  }

  private async folderOf(target: string): Promise<void> {
    const dir = path.dirname(target);
    if (this.made.has(dir)) return;
    await mkdir(dir, { recursive: true });
    this.made.add(dir);
  }

  /** Whether `relative` is a content-named file already published by this process, still in place. */
  isPublished(relative: string): boolean {
    return this.reusable.has(relative) && existsSync(path.join(this.outDir, relative));
  }

  /** Copy a file of the toolkit's own (a font from an npm package) into the staging folder. */
  async copy(source: string, relative: string): Promise<void> {
    if (this.isPublished(relative)) return;
    const target = this.pathOf(relative);
    await this.folderOf(target);
    await copyFile(source, target);
    this.staged.add(relative);
  }

  async remove(relative: string): Promise<void> {
    await rm(this.pathOf(relative), { force: true });
    this.staged.delete(relative);
  }

  /**
   * Files in the output folder that staged files would replace although the toolkit did not write them
   * (`owned` lists what earlier builds wrote). Identical files are no conflict.
   */
  conflicts(owned: Set<string>): string[] {
    const found = new Set<string>();
    for (const relative of this.files()) {
      const blocked = this.blockedFolder(relative);
      if (blocked) {
        found.add(blocked);
        continue;
      }
      const target = path.join(this.outDir, relative);
      if (owned.has(relative) || !existsSync(target)) continue;
      try {
        if (readFileSync(target).equals(readFileSync(this.pathOf(relative)))) continue;
      } catch {}
      found.add(relative);
    }
    return [...found];
  }

  /**
   * A folder on the way to `relative` that is not a real folder (#9): a link there (a fork can commit
   * `out/springfield` → anywhere) would take the file outside the output folder, so it is in the way.
   */
  private blockedFolder(relative: string): string | undefined {
    const parts = relative.split('/').slice(0, -1);
    for (let i = 1; i <= parts.length; i++) {
      try {
        if (!lstatSync(path.join(this.outDir, ...parts.slice(0, i))).isDirectory()) return parts.slice(0, i).join('/');
      } catch {
        return undefined;
      }
    }
    return undefined;
  }

  /** Move every staged file into the output folder, replacing older versions, then clean up. */
  async commit(): Promise<void> {
    for (const relative of this.files()) {
      const target = path.join(this.outDir, relative);
      await mkdir(path.dirname(target), { recursive: true });
      await rename(this.pathOf(relative), target);
    }
    await this.discard();
  }

  /** Drop the staging folder and the lock; the output folder stays as it was. */
  async discard(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
    await rm(this.lock, { force: true });
    // Only now: a second Ctrl-C during the removals above must still find them to remove.
    this.forced();
    this.removeCreatedFolders();
  }

  /** An output folder this build made, and nothing else put anything in, goes too: the build leaves no trace. */
  private removeCreatedFolders(): void {
    if (!this.created) return;
    for (let dir = this.outDir; ; dir = path.dirname(dir)) {
      try {
        rmdirSync(dir);
      } catch {
        break;
      }
      if (dir === this.created || path.dirname(dir) === dir) break;
    }
  }
}
