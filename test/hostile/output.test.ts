import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { blueprint, errorsOf, expectSafePage, filesBelow, hostileCopy, only, timeout } from './hostile.js';

/**
 * #9: the build writes only below its output folder, never into the project's sources or the system, never
 * over a file it did not make, and never while another build writes the same folder.
 */

const html = ['build', '--format', 'html'] as const;

/** A folder outside the project, removed after the test. */
function elsewhere(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bp-elsewhere-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A live process other than this one, stopped after the test. */
function liveProcess(): ChildProcess {
  const child = spawn('sleep', ['60'], { stdio: 'ignore' });
  onTestFinished(() => {
    child.kill();
  });
  return child;
}

describe('where the build may write', { timeout }, () => {
  it('refuses an output pattern that climbs out of the output folder, and writes nothing', async () => {
    const root = hostileCopy((r) =>
      writeFileSync(
        path.join(r, 'blueprints/project.yaml'),
        `${readFileSync(path.join(r, 'blueprints/project.yaml'), 'utf8')}output: "../{city}/{blueprint}"\n`,
      ),
    );
    const o = await blueprint(root, ...html);
    expect(o.code).toBe(1);
    expect(errorsOf(o)).toEqual(['blueprints/project.yaml:10:9 unsafe-output-pattern']);
    expect(only(o, 'unsafe-output-pattern').message).toBe('Output pattern "../{city}/{blueprint}" has an empty, "." or ".." folder in it');
    expect(filesBelow(path.join(root, 'out'))).toEqual([]);
    expect(filesBelow(path.join(root, 'springfield'))).toEqual([]);
  });

  it.each([
    ['.', (root: string) => root, 'it is the project folder itself'],
    ['blueprints', (root: string) => path.join(root, 'blueprints'), "it is inside the project's blueprints/ folder"],
    ['/', () => '/', 'it holds the project'],
    ['/proc/x', () => '/proc/x', 'it is a system folder'],
  ])('refuses --out %s with a usage error, and writes nothing', async (out, dir, problem) => {
    const root = hostileCopy();
    const before = filesBelow(root);
    const o = await blueprint(root, ...html, '--out', out);
    expect(o.code).toBe(2);
    expect(errorsOf(o)).toEqual(['-:null:null unsafe-output-folder']);
    expect(only(o, 'unsafe-output-folder').message).toBe(`Refusing to write into ${dir(root)}: ${problem}`);
    expect(filesBelow(root)).toEqual(before);
  });

  it('refuses an output folder that is a link, to the sources or outside the project (regression)', async () => {
    const target = elsewhere();
    for (const link of ['blueprints', target]) {
      const root = hostileCopy((r) => symlinkSync(link, path.join(r, 'out')));
      const sources = filesBelow(path.join(root, 'blueprints'));
      const o = await blueprint(root, ...html);
      expect(o.code).toBe(2);
      expect(only(o, 'unsafe-output-folder').message).toBe(
        `Refusing to write into ${path.join(root, 'out')}: out in the project is a symbolic link, which could lead anywhere`,
      );
      expect(filesBelow(path.join(root, 'blueprints'))).toEqual(sources);
      expect(filesBelow(target)).toEqual([]);
    }
  });

  it('does not write through a link inside the output folder (regression)', async () => {
    const target = elsewhere();
    const root = hostileCopy((r) => {
      mkdirSync(path.join(r, 'out'));
      symlinkSync(target, path.join(r, 'out', 'springfield'));
    });
    const o = await blueprint(root, ...html);
    expect(o.code).toBe(2);
    expect(errorsOf(o)).toEqual(['-:null:null output-conflict']);
    expect(only(o, 'output-conflict').message).toBe('springfield is in the way: the toolkit did not make it, so it will not replace it');
    expect(filesBelow(target)).toEqual([]);
    // Only the link itself: no lock, no staging folder left.
    expect(filesBelow(path.join(root, 'out'))).toEqual(['springfield']);
  });

  it('does not replace a file of the user where a document would go', async () => {
    const mine = '<p>my own notes</p>\n';
    const root = hostileCopy((r) => {
      mkdirSync(path.join(r, 'out', 'springfield', 'en'), { recursive: true });
      writeFileSync(path.join(r, 'out', 'springfield', 'en', 'welcome-desk.html'), mine);
    });
    const o = await blueprint(root, ...html);
    expect(o.code).toBe(2);
    expect(errorsOf(o)).toEqual(['-:null:null output-conflict']);
    expect(only(o, 'output-conflict').message).toBe('springfield/en/welcome-desk.html is in the way: the toolkit did not make it, so it will not replace it');
    expect(filesBelow(path.join(root, 'out'))).toEqual(['springfield/en/welcome-desk.html']);
    expect(readFileSync(path.join(root, 'out', 'springfield', 'en', 'welcome-desk.html'), 'utf8')).toBe(mine);
  });

  it('stops while another build holds the output folder', async () => {
    const other = liveProcess();
    const root = hostileCopy((r) => {
      mkdirSync(path.join(r, 'out'));
      writeFileSync(path.join(r, 'out', '.blueprint-lock'), String(other.pid));
    });
    const o = await blueprint(root, ...html);
    expect(o.code).toBe(3);
    expect(errorsOf(o)).toEqual(['-:null:null output-locked']);
    expect(only(o, 'output-locked').message).toBe(`Another build (process ${other.pid}) is writing to ${path.join(root, 'out')}`);
    expect(filesBelow(path.join(root, 'out'))).toEqual(['.blueprint-lock']);
    expect(readFileSync(path.join(root, 'out', '.blueprint-lock'), 'utf8')).toBe(String(other.pid));
  });

  it('takes over the lock and staging folder of a build that was killed', async () => {
    // The pid of a process that has ended.
    const gone = spawnSync('true').pid;
    const root = hostileCopy((r) => {
      mkdirSync(path.join(r, 'out', `.blueprint-staging-${gone}`), { recursive: true });
      writeFileSync(path.join(r, 'out', `.blueprint-staging-${gone}`, 'half-written.html'), '<p>half');
      writeFileSync(path.join(r, 'out', '.blueprint-lock'), String(gone));
    });
    const o = await blueprint(root, ...html);
    expect(o.code).toBe(0);
    const files = filesBelow(path.join(root, 'out'));
    expect(files).toContain('springfield/en/welcome-desk.html');
    // No lock or staging folder is left: only the cache folder of the build's records (#14).
    expect(files.filter((f) => f.startsWith('.blueprint') && !f.startsWith('.blueprint-cache/'))).toEqual([]);
  });

  it('ignores paths in a left-over manifest that the toolkit could not have written (regression)', async () => {
    const root = hostileCopy((r) => {
      mkdirSync(path.join(r, 'out'));
      writeFileSync(path.join(r, 'out', 'javascript:alert(1)'), 'x');
      const evil = { path: 'javascript:alert(1)', sha256: 'x', bytes: 1 };
      const doc = { blueprint: 'evil', city: 'zz', lang: 'en', title: 'Evil', slots: {}, outputs: { html: evil } };
      const manifest = {
        generator: 'blueprints-toolkit',
        project: 'x',
        version: null,
        documents: [doc],
        files: ['javascript:alert(1)', '../blueprints/project.yaml'],
      };
      writeFileSync(path.join(r, 'out', 'manifest.json'), JSON.stringify(manifest));
    });
    const o = await blueprint(root, ...html);
    expect(o.code).toBe(0);
    expectSafePage(path.join(root, 'out', 'index.html'));
    const written = JSON.parse(readFileSync(path.join(root, 'out', 'manifest.json'), 'utf8')) as { files: string[]; documents: { title: string }[] };
    expect(written.documents.map((d) => d.title)).toEqual(['Language Line — Springfield edition', 'Welcome Desk — Springfield edition']);
    expect(written.files.filter((f) => f.includes(':') || f.includes('..'))).toEqual([]);
  });
});
