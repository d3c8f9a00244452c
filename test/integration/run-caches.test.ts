import { existsSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectMessages } from '../../src/diagnostics/report.js';
import { build } from '../../src/pipeline/build.js';
import { check } from '../../src/pipeline/check.js';
import { copyFixture, edit, filesBelow, run } from '../helpers.js';

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
    // Each run below first changes a source's time, so the check runs rather than answer from its record.
    const touch = () => utimesSync(path.join(root, 'blueprints/welcome-desk/sections/01-why.md'), new Date(), new Date(Date.now() + Math.random() * 1e6));
    writeFileSync(file, '{"version": 1, "markdown": [1, 2');
    touch();
    expect(await report(root)).toEqual(fresh);
    expect(() => JSON.parse(readFileSync(file, 'utf8'))).not.toThrow();
    // A cache whose entries do not have the shape it writes (a fork's planted file) is not used.
    writeFileSync(file, JSON.stringify({ version: 1, root, markdown: { x: { hash: 1 } }, prose: {}, glyphs: {} }));
    touch();
    expect(await report(root)).toEqual(fresh);
    writeFileSync(file, 'left alone');
    touch();
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

// #13, #14: a command run again on unchanged sources answers from the record of its last run.
describe('a run of unchanged sources', () => {
  it('check answers from its record, and runs again when a source changes', async () => {
    const root = copyFixture('plain-language');
    const first = await report(root);
    const [name] = cacheFiles(root);
    const sources = path.join(cacheDir(root), name as string);
    // Not read nor written when nothing changed: the record answers.
    writeFileSync(sources, 'untouched');
    expect(await report(root)).toEqual(first);
    expect(readFileSync(sources, 'utf8')).toBe('untouched');
    expect((await run(['check', '--strict'], root)).code).toBe(1);
    // Any change to a file of the project runs the check again (and rewrites the cache).
    edit(root, 'blueprints/welcome-desk/sections/02-steps.md', /\n/, '\n\nAsk at the desk, then at the window.[^nosuch]\n');
    const changed = await report(root);
    expect(changed.json).toContain('Footnote [^nosuch] has no definition');
    expect(readFileSync(sources, 'utf8')).not.toBe('untouched');
  });

  it('a build publishes nothing and reports the same, until a source, a setting or a published file changes', async () => {
    const root = copyFixture('plain-language');
    const out = path.join(root, 'out');
    const options = { root, formats: ['html' as const], outDir: out };
    const first = await build(options);
    expect(first.code).toBe(0);
    expect(first.reused).toBeUndefined();
    const stamps = () => Object.fromEntries(filesBelow(out).map((file) => [file, statSync(file).mtimeMs]));
    const before = stamps();
    const again = await build(options);
    expect(again.reused).toBe(true);
    expect(again.manifest).toEqual(first.manifest);
    expect(collectMessages(again.files).map(String)).toEqual(collectMessages(first.files).map(String));
    expect(stamps()).toEqual(before);

    // Another setting is another build.
    expect((await build({ ...options, languages: ['en'] })).reused).toBeUndefined();
    expect((await build({ ...options, languages: ['en'] })).reused).toBe(true);
    // A published file changed by hand is made again.
    const page = path.join(out, first.manifest?.documents.find((d) => d.blueprint === 'welcome-desk')?.outputs.html?.path as string);
    const published = readFileSync(page, 'utf8');
    writeFileSync(page, 'edited by hand');
    const repaired = await build({ ...options, languages: ['en'] });
    expect(repaired.reused).toBeUndefined();
    expect(readFileSync(page, 'utf8')).toBe(published);
    // A changed source is built again; --no-cache always builds.
    edit(root, 'blueprints/welcome-desk/sections/02-steps.md', /\n/, '\n\nAsk at the desk.\n');
    const rebuilt = await build(options);
    expect(rebuilt.reused).toBeUndefined();
    expect(readFileSync(page, 'utf8')).toContain('Ask at the desk.');
    expect((await build({ ...options, reuseOutput: false })).reused).toBeUndefined();
  });
});

// #13: after a save, check renders again only the guides the changed files can change.
describe('check after a save', () => {
  it('reports what a check from nothing reports, whichever file changed', async () => {
    const root = copyFixture('plain-language');
    await report(root);
    const edits: [string, RegExp | string, string][] = [
      // A section of one guide: a link to no heading, which only rendering finds.
      ['blueprints/welcome-desk/sections/02-steps.md', /\n/, '\n\nSee [the desk](#no-such-heading).\n'],
      // A case study of the other guide's slot.
      ['blueprints/cities/riverton/case-studies/language-line-model.md', /\n\n/, '\n\nCall the line first.[^none]\n\n'],
      // A YAML file: every guide again.
      ['blueprints/project.yaml', /\n/, '\n# edited\n'],
      // The section again, fixed.
      ['blueprints/welcome-desk/sections/02-steps.md', 'See [the desk](#no-such-heading).', 'See the desk.'],
    ];
    const seen = new Set<string>();
    for (const [file, from, to] of edits) {
      edit(root, file, from, to);
      const cached = await report(root);
      expect(cached, file).toEqual(await report(root, '--no-cache'));
      seen.add(cached.json);
    }
    // The section and case-study edits changed what check said (so the comparisons compared something);
    // the YAML comment changes no message, but makes every guide render again.
    expect(seen.size).toBe(edits.length - 1);
    expect([...seen][0]).toContain('no-such-heading');
  });
});
