import { readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/index.js';
import type { BuildOptions, ProgressEvent } from '../../src/pipeline/settings.js';
import { copyFixture } from '../helpers.js';

type PdfEvent = Extract<ProgressEvent, { type: 'pdf' }>;

/** Every file of a folder (hidden ones too) with its bytes. */
function snapshot(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (sub: string) => {
    for (const entry of readdirSync(path.join(dir, sub), { withFileTypes: true })) {
      const relative = path.join(sub, entry.name);
      if (entry.isDirectory()) walk(relative);
      else files.set(relative, readFileSync(path.join(dir, relative)));
    }
  };
  walk('');
  return files;
}

/**
 * #14: a PDF made from the same inputs as one already published is not printed again; out/ stays the
 * same bytes; a change prints again only the documents it touches; a damaged cache or --no-cache prints.
 */
describe('reusing PDFs made from the same inputs (#14)', () => {
  let root: string;
  let out: string;

  const buildOnce = async (options: Partial<BuildOptions> = {}) => {
    const events: PdfEvent[] = [];
    const result = await build({
      root,
      outDir: out,
      env: { ...process.env, SOURCE_DATE_EPOCH: '1700000000' },
      onProgress: (event) => {
        if (event.type === 'pdf') events.push(event);
      },
      ...options,
    });
    expect(result.code).toBe(0);
    return { result, reprints: Object.fromEntries(events.map((e) => [e.document, e.reprint])) };
  };

  /** Save a source without changing it: the build runs again (its record no longer answers), as after an editor's save. */
  const touchSource = () => {
    const file = path.join(root, 'blueprints/welcome-desk/blueprint.yaml');
    const time = new Date(statSync(file).mtimeMs + 1000);
    utimesSync(file, time, time);
  };

  beforeAll(async () => {
    root = copyFixture('basic');
    out = path.join(root, 'out');
    const first = await buildOnce();
    expect(Object.values(first.reprints)).not.toContain('cached');
  });

  it('prints nothing and starts no browser when nothing changed, and out/ keeps its bytes', async () => {
    const before = snapshot(out);
    // Nothing at all changed: the build's record answers (see run-caches.test.ts); nothing is printed.
    const same = await buildOnce();
    expect(same.result.reused).toBe(true);
    expect(same.reprints).toEqual({});
    // A source saved unchanged: the build runs, and every PDF comes from the cache.
    touchSource();
    const again = await buildOnce();
    expect(again.result.reused).toBeUndefined();
    expect(Object.values(again.reprints)).toEqual(['cached', 'cached']);
    expect(again.result.timings.browserMs).toBe(0);
    const after = snapshot(out);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    // The cache folder's records name the run; every file the build published keeps its bytes.
    for (const [file, bytes] of before) if (!file.startsWith('.blueprint-cache')) expect(after.get(file)?.equals(bytes), file).toBe(true);
    // The cache is no file of the build's: the manifest does not list it.
    expect(readFileSync(path.join(out, 'manifest.json'), 'utf8')).not.toContain('.blueprint-cache');
  });

  it('prints again only the document whose source changed', async () => {
    const section = path.join(root, 'blueprints/welcome-desk/sections/01-why.md');
    writeFileSync(section, `${readFileSync(section, 'utf8')}\nOne more sentence about the desk.\n`);
    const changed = await buildOnce();
    expect(changed.reprints).toEqual({ 'springfield/en/language-line.pdf': 'cached', 'springfield/en/welcome-desk.pdf': 'none' });
  });

  it('prints again when the published PDF or the index was damaged, or with --no-cache', async () => {
    const pdf = path.join(out, 'springfield/en/language-line.pdf');
    const bytes = readFileSync(pdf);
    writeFileSync(pdf, Buffer.concat([bytes.subarray(0, 100), Buffer.from('x'), bytes.subarray(101)]));
    expect((await buildOnce()).reprints['springfield/en/language-line.pdf']).toBe('none');
    expect(readFileSync(pdf).equals(bytes)).toBe(true);
    writeFileSync(path.join(out, '.blueprint-cache/pdf.json'), '{"version": 1, "documents": {"x": ');
    touchSource();
    expect(Object.values((await buildOnce()).reprints)).toEqual(['none', 'none']);
    touchSource();
    expect(Object.values((await buildOnce()).reprints)).toEqual(['cached', 'cached']);
    expect(Object.values((await buildOnce({ reuseOutput: false })).reprints)).toEqual(['none', 'none']);
    expect(readFileSync(pdf).equals(bytes)).toBe(true);
    expect(statSync(path.join(out, '.blueprint-cache/pdf.json')).isFile()).toBe(true);
  });
});
