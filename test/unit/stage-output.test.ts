import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type OpenProblem, StagedOutput } from '../../src/pipeline/stage-output.js';

const pid = 4242;
const otherPid = 5151;
const alive = () => true;
const dead = () => false;

const tempDir = () => mkdtempSync(path.join(os.tmpdir(), 'bp-staged-'));

/** Every file and folder below `dir` with a hash of its bytes: what a reader of the output folder sees. */
function snapshot(dir: string): Record<string, string> {
  const entries: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const full = path.join(entry.parentPath, entry.name);
    const rel = path.relative(dir, full);
    entries[rel] = entry.isDirectory() ? 'dir' : createHash('sha256').update(readFileSync(full)).digest('hex');
  }
  return entries;
}

/** An output folder holding an earlier build's files. */
function earlierOutput(): string {
  const out = tempDir();
  mkdirSync(path.join(out, 'springfield/en'), { recursive: true });
  writeFileSync(path.join(out, 'springfield/en/guide.html'), 'old guide');
  writeFileSync(path.join(out, 'index.html'), 'old index');
  return out;
}

async function open(out: string, isAlive = alive, me = pid): Promise<StagedOutput> {
  const staged = await StagedOutput.open(out, me, isAlive);
  if (!(staged instanceof StagedOutput)) throw new Error(`expected to open ${out}, got ${JSON.stringify(staged)}`);
  return staged;
}

describe('StagedOutput (#8, #9)', () => {
  it('creates the output folder, takes the lock with its pid and stages into a folder of its own', async () => {
    const out = path.join(tempDir(), 'new/out');
    const staged = await open(out);
    expect(readFileSync(path.join(out, '.blueprint-lock'), 'utf8')).toBe(String(pid));
    expect(staged.dir).toBe(path.join(out, `.blueprint-staging-${pid}`));
    expect(statSync(staged.dir).isDirectory()).toBe(true);
    await staged.write('a/b/c.html', 'deep');
    expect(readFileSync(staged.pathOf('a/b/c.html'), 'utf8')).toBe('deep');
    expect(existsSync(path.join(out, 'a'))).toBe(false);
    expect(staged.files()).toEqual(['a/b/c.html']);
  });

  it('refuses a folder locked by a build that is still running, and leaves its lock and staging alone', async () => {
    const out = tempDir();
    const first = await open(out, alive, otherPid);
    await first.write('x.html', 'theirs');
    const before = snapshot(out);
    const seen: number[] = [];
    const second: StagedOutput | OpenProblem = await StagedOutput.open(out, pid, (p) => {
      seen.push(p);
      return true;
    });
    expect(second).toEqual({ problem: 'locked', pid: String(otherPid) });
    expect(seen).toEqual([otherPid]);
    expect(snapshot(out)).toEqual(before);
  });

  it('takes over the lock of a build that is gone, and removes the staging folders killed builds left', async () => {
    const out = tempDir();
    writeFileSync(path.join(out, '.blueprint-lock'), String(otherPid));
    mkdirSync(path.join(out, `.blueprint-staging-${otherPid}/springfield`), { recursive: true });
    writeFileSync(path.join(out, `.blueprint-staging-${otherPid}/springfield/half.pdf`), 'half written');
    mkdirSync(path.join(out, '.staging-123'));
    writeFileSync(path.join(out, 'kept.txt'), 'not ours, not staging');
    const staged = await open(out, dead);
    expect(readFileSync(path.join(out, '.blueprint-lock'), 'utf8')).toBe(String(pid));
    expect(readdirSync(out).sort()).toEqual(['.blueprint-lock', `.blueprint-staging-${pid}`, 'kept.txt']);
    expect(readdirSync(staged.dir)).toEqual([]);
  });

  it('takes over a lock that holds no pid, or its own pid', async () => {
    for (const holder of ['', 'garbage', String(pid)]) {
      const out = tempDir();
      writeFileSync(path.join(out, '.blueprint-lock'), holder);
      await open(out, alive);
      expect(readFileSync(path.join(out, '.blueprint-lock'), 'utf8'), holder).toBe(String(pid));
    }
  });

  it('says why when the output folder cannot be made', async () => {
    const file = path.join(tempDir(), 'a-file');
    writeFileSync(file, '');
    const result = await StagedOutput.open(path.join(file, 'out'), pid, alive);
    expect(result).toEqual({ problem: 'unwritable', reason: expect.stringContaining('ENOTDIR') });
  });

  it('finds conflicts only with different files the toolkit did not write', async () => {
    const out = earlierOutput();
    writeFileSync(path.join(out, 'notes.txt'), 'a person’s notes');
    writeFileSync(path.join(out, 'same.txt'), 'identical');
    const staged = await open(out);
    await staged.write('notes.txt', 'would replace the notes');
    await staged.write('same.txt', 'identical');
    await staged.write('springfield/en/guide.html', 'new guide');
    await staged.write('index.html', 'new index');
    await staged.write('springfield/en/new.html', 'nothing there yet');
    // Files an earlier build wrote (its manifest's list) may be replaced.
    expect(staged.conflicts(new Set(['springfield/en/guide.html']))).toEqual(['index.html', 'notes.txt']);
    expect(staged.conflicts(new Set(['springfield/en/guide.html', 'index.html']))).toEqual(['notes.txt']);
    expect(staged.conflicts(new Set(['springfield/en/guide.html', 'index.html', 'notes.txt']))).toEqual([]);
  });

  it('commits by moving every staged file into place, replacing older versions, then drops lock and staging', async () => {
    const out = earlierOutput();
    const staged = await open(out);
    await staged.write('springfield/en/guide.html', 'new guide');
    await staged.write('riverton/en/guide.html', 'riverton guide');
    const font = path.join(tempDir(), 'font.woff2');
    writeFileSync(font, 'font bytes');
    await staged.copy(font, 'assets/fonts/font.woff2');
    await staged.write('dropped.html', 'removed before commit');
    await staged.remove('dropped.html');
    expect(staged.files()).toEqual(['assets/fonts/font.woff2', 'riverton/en/guide.html', 'springfield/en/guide.html']);
    await staged.commit();
    expect(readFileSync(path.join(out, 'springfield/en/guide.html'), 'utf8')).toBe('new guide');
    expect(readFileSync(path.join(out, 'riverton/en/guide.html'), 'utf8')).toBe('riverton guide');
    expect(readFileSync(path.join(out, 'assets/fonts/font.woff2'), 'utf8')).toBe('font bytes');
    expect(readFileSync(font, 'utf8')).toBe('font bytes');
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('old index');
    expect(existsSync(path.join(out, 'dropped.html'))).toBe(false);
    expect(readdirSync(out).sort()).toEqual(['assets', 'index.html', 'riverton', 'springfield']);
    // The next build may open the folder at once.
    await open(out, alive, otherPid);
  });

  it('discards by leaving the output folder exactly as it was', async () => {
    const out = earlierOutput();
    const before = snapshot(out);
    const staged = await open(out);
    await staged.write('springfield/en/guide.html', 'half-built guide');
    await staged.write('index.html', 'half-built index');
    await staged.discard();
    expect(snapshot(out)).toEqual(before);
  });
});
