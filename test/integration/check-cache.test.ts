import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/pipeline/build.js';
import { check } from '../../src/pipeline/check.js';
import { copyFixture, edit, run } from '../helpers.js';

const cacheDir = (root: string) => path.join(root, 'out', '.blueprint-cache');
const cacheFiles = (root: string) => (existsSync(cacheDir(root)) ? readdirSync(cacheDir(root)).filter((f) => f.startsWith('sources-')) : []);
/** What a person reads: every line of the JSON report but the time it took. */
const report = async (root: string, ...args: string[]) => {
  const result = await run(['check', '--json', ...args], root);
  return { code: result.code, json: result.stdout };
};

// #13: check keeps what it parsed and judged in out/.blueprint-cache/ and redoes only what changed.
describe('check with its cache', () => {
  it('reports exactly what a check without the cache reports, before and after a source changes', async () => {
    const root = copyFixture('plain-language');
    const fresh = await report(root, '--no-cache');
    expect(cacheFiles(root)).toEqual([]);
    const first = await report(root);
    expect(cacheFiles(root)).toHaveLength(1);
    const second = await report(root);
    expect(first).toEqual(fresh);
    expect(second).toEqual(fresh);
    expect(JSON.parse(fresh.json).diagnostics.length).toBeGreaterThan(3);

    // A changed section is parsed and judged again: its new problems appear, the old ones go.
    expect(fresh.json).not.toContain('[^nosuch]');
    edit(root, 'blueprints/welcome-desk/sections/01-why.md', /\n\n/, '\n\nAsk at the desk, then at the window.[^nosuch]\n\n');
    const changed = await report(root);
    expect(changed).toEqual(await report(root, '--no-cache'));
    expect(changed.json).toContain('Footnote [^nosuch] has no definition');
    expect(changed).not.toEqual(fresh);
  });

  it('parses again when the cache is damaged, and --no-cache neither reads nor writes it', async () => {
    const root = copyFixture('plain-language');
    const fresh = await report(root);
    const [name] = cacheFiles(root);
    const file = path.join(cacheDir(root), name as string);
    writeFileSync(file, '{"version": 1, "markdown": [1, 2');
    expect(await report(root)).toEqual(fresh);
    expect(() => JSON.parse(readFileSync(file, 'utf8'))).not.toThrow();
    // A cache whose entries do not have the shape it writes (a fork's planted file) is not used.
    writeFileSync(file, JSON.stringify({ version: 1, root, markdown: { x: { hash: 1 } }, prose: {}, glyphs: {} }));
    expect(await report(root)).toEqual(fresh);
    writeFileSync(file, 'left alone');
    expect(await report(root, '--no-cache')).toEqual(fresh);
    expect(readFileSync(file, 'utf8')).toBe('left alone');
  });

  it('keeps the cache beside a build, which publishes the same HTML with it as without', async () => {
    const root = copyFixture('plain-language');
    await check({ root });
    const cached = await build({ root, formats: ['html'], outDir: path.join(root, 'out') });
    const plain = await build({ root, formats: ['html'], outDir: path.join(root, 'out-plain'), reuseOutput: false });
    expect(cached.code).toBe(0);
    const pages = (result: typeof cached) => result.manifest?.documents.map((d) => [d.outputs.html?.path, d.outputs.html?.sha256]);
    expect(pages(cached)).toEqual(pages(plain));
    expect(cacheFiles(root)).toHaveLength(1);
    expect(existsSync(path.join(root, 'out-plain', '.blueprint-cache'))).toBe(false);
  });
});
