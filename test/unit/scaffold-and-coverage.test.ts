import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DiagnosticJson } from '../../src/diagnostics/report.js';
import type { Coverage } from '../../src/pipeline/coverage.js';
import { newBlueprint, newCity } from '../../src/scaffold/new-scaffold.js';
import { copyFixture, run } from '../helpers.js';

const files = (root: string, dir: string) => readdirSync(path.join(root, dir), { recursive: true }).map(String).sort();
const json = <T>(stdout: string) => JSON.parse(stdout) as T & { diagnostics: DiagnosticJson[] };

describe('#11 blueprint new city', () => {
  it('writes a profile, a placeholder logo, a theme that extends the default and one stub per slot', async () => {
    const root = copyFixture('basic');
    const result = await newCity({ root, id: 'saint-paul', name: 'Saint Paul' });
    expect(result.code).toBe(0);
    expect(result.written).toEqual([
      'blueprints/cities/saint-paul/city.yaml',
      'blueprints/cities/saint-paul/logo.svg',
      'themes/saint-paul/theme.yaml',
      'blueprints/cities/saint-paul/case-studies/welcome-desk-model.md',
      'blueprints/cities/saint-paul/case-studies/language-line-model.md',
    ]);
    expect(readFileSync(path.join(root, 'themes/saint-paul/theme.yaml'), 'utf8')).toMatch(/^extends: default$/m);

    // check: the new city is valid, and says what it still lacks, each at its line.
    const checked = await run(['check', '--json'], root);
    expect(checked.code, checked.stderr).toBe(0);
    const warnings = json<object>(checked.stdout).diagnostics.map((d) => `${path.basename(d.file ?? '')}:${d.line} ${d.ruleId}`);
    expect(warnings.filter((w) => !w.startsWith('01-why.md'))).toEqual([
      'language-line-model.md:8 case-study-stub',
      'welcome-desk-model.md:8 case-study-stub',
      'city.yaml:6 profile-placeholder',
      'city.yaml:7 profile-placeholder',
      'city.yaml:8 profile-placeholder',
    ]);

    // build: the stubs' slots fall back, said once for the edition rather than once per slot.
    const built = await run(['build', '--city', 'saint-paul', '--format', 'html', '--json'], root);
    expect(built.code, built.stderr).toBe(0);
    const { manifest, diagnostics } = json<{ manifest: { documents: { slots: Record<string, { city: string; source: string }> }[] } }>(built.stdout);
    expect(manifest.documents.map((d) => d.slots)).toEqual([
      { 'language-line-model': { city: 'riverton', source: 'fallback' } },
      { 'welcome-desk-model': { city: 'springfield', source: 'fallback' } },
    ]);
    expect(diagnostics.filter((d) => d.ruleId === 'slot-fallback')).toEqual([]);
    expect(diagnostics.filter((d) => d.ruleId === 'edition-stubs').map((d) => d.message)).toEqual([
      "The saint-paul edition prints other cities' case studies in 2 slot(s) its own are still stubs for: language-line-model, welcome-desk-model",
    ]);
  });

  it('never replaces a file: a city or theme that exists stops it before anything is written', async () => {
    const root = copyFixture('basic');
    const before = files(root, 'blueprints');
    const again = await run(['new', 'city', 'riverton', '--name', 'Riverton', '--json'], root);
    expect(again.code).toBe(2);
    expect(json<object>(again.stdout).diagnostics.map((d) => `${d.ruleId}: ${d.message}`)).toEqual([
      'scaffold-exists: blueprints/cities/riverton already exists; "blueprint new" never replaces a file, so nothing was written',
    ]);
    const shadow = await newCity({ root, id: 'civic', name: 'Civic' });
    expect(shadow.files.flatMap((f) => f.messages).map((m) => m.reason)).toEqual([
      'themes/civic (a theme of the toolkit) already exists; "blueprint new" never replaces a file, so nothing was written',
    ]);
    expect(files(root, 'blueprints')).toEqual(before);
    expect(existsSync(path.join(root, 'themes'))).toBe(false);
  });

  it('refuses a bad id and a blueprints/ folder that leads out of the project', async () => {
    const root = copyFixture('basic');
    const bad = await newCity({ root, id: '../x', name: 'X' });
    expect(bad.code).toBe(2);
    expect(bad.files[0]?.messages[0]?.ruleId).toBe('scaffold-refused');
    // Found by a fork's walkthrough: a website without https:// was written, and check then failed on it.
    const site = await newCity({ root, id: 'fairhaven', name: 'Fairhaven', website: 'www.fairhaven.gov' });
    expect(site.code).toBe(2);
    expect(site.files[0]?.messages.map((m) => `${m.reason} | ${m.note}`)).toEqual([
      'Cannot create city "fairhaven": --website "www.fairhaven.gov" is not a web address | Write it whole, with https://, e.g. --website https://www.fairhaven.gov',
    ]);
    expect(existsSync(path.join(root, 'blueprints/cities/fairhaven'))).toBe(false);
    const outside = mkdtempSync(path.join(os.tmpdir(), 'bp-outside-'));
    rmSync(path.join(root, 'blueprints/cities/riverton'), { recursive: true });
    symlinkSync(outside, path.join(root, 'themes'));
    const linked = await newCity({ root, id: 'saint-paul', name: 'Saint Paul' });
    expect(linked.code).toBe(2);
    expect(linked.files.flatMap((f) => f.messages).map((m) => m.ruleId)).toEqual(['scaffold-refused']);
    expect(readdirSync(outside)).toEqual([]);
    expect(existsSync(path.join(root, 'blueprints/cities/saint-paul'))).toBe(false);
  });

  it('keeps a hostile name one YAML value', async () => {
    const root = copyFixture('basic');
    expect((await newCity({ root, id: 'odd', name: 'Odd"\ntheme: evil\n# x: "' })).code).toBe(0);
    const listed = await run(['list', '--json'], root);
    const cities = json<{ listing: { cities: { id: string; name: string }[] } }>(listed.stdout).listing.cities;
    expect(cities.find((c) => c.id === 'odd')?.name).toBe('Odd"\ntheme: evil\n# x: "');
  });
});

describe('#11 blueprint new blueprint', () => {
  it('writes a guide with a section per required part, and lists it in fork.yaml, keeping its comments', async () => {
    const root = copyFixture('basic');
    writeFileSync(path.join(root, 'blueprints/fork.yaml'), '# Saint Paul fork\ndefault_city: riverton\nadd_blueprints:\n  - welcome-desk-extra # ours\n');
    const result = await newBlueprint({ root, id: 'housing-help', title: 'Housing help' });
    expect(result.written).toEqual([
      'blueprints/housing-help/blueprint.yaml',
      'blueprints/housing-help/sections/01-why-it-matters.md',
      'blueprints/housing-help/sections/02-implementation.md',
    ]);
    expect(result.listedIn).toBe('blueprints/fork.yaml');
    expect(readFileSync(path.join(root, 'blueprints/fork.yaml'), 'utf8')).toBe(
      '# Saint Paul fork\ndefault_city: riverton\nadd_blueprints:\n  - welcome-desk-extra # ours\n  - housing-help\n',
    );
  });

  it('outside a fork, writes the guide and leaves listing it to project.yaml', async () => {
    const root = copyFixture('basic');
    const result = await newBlueprint({ root, id: 'housing-help' });
    expect(result.code).toBe(0);
    expect(result.listedIn).toBeUndefined();
    expect(existsSync(path.join(root, 'blueprints/fork.yaml'))).toBe(false);
    const checked = await run(['check', '--json'], root);
    expect(
      json<object>(checked.stdout)
        .diagnostics.filter((d) => d.ruleId === 'unused-blueprint')
        .map((d) => d.message),
    ).toEqual(['Blueprint folder "housing-help" is not listed in "blueprints"']);
  });
});

describe('#11 blueprint list --coverage', () => {
  it('gives the blueprint × city matrix: own, stub, fallback and to whom', async () => {
    const root = copyFixture('basic');
    await newCity({ root, id: 'saint-paul', name: 'Saint Paul' });
    const result = await run(['list', '--coverage', '--json'], root);
    expect(result.code).toBe(0);
    const { coverage } = json<{ coverage: Coverage }>(result.stdout);
    expect(coverage.cities).toEqual(['riverton', 'saint-paul', 'springfield']);
    const cell = (blueprint: string, slot: string, city: string) =>
      coverage.blueprints.find((b) => b.id === blueprint)?.slots.find((s) => s.id === slot)?.cities[city];
    expect(cell('welcome-desk', 'welcome-desk-model', 'springfield')).toEqual({ state: 'own', from: null });
    expect(cell('welcome-desk', 'welcome-desk-model', 'saint-paul')).toEqual({ state: 'stub', from: 'springfield' });
    expect(cell('language-line', 'language-line-model', 'springfield')).toEqual({ state: 'fallback', from: 'riverton' });
    expect(coverage.totals['saint-paul']).toEqual({ slots: 2, own: 0, stub: 2, fallback: 0, none: 0 });

    const text = await run(['list', '--coverage'], root);
    expect(text.stdout).toContain('   1  welcome-desk (1 slot)');
    expect(text.stdout.split('\n')).toEqual(
      expect.arrayContaining([
        'city         1  2    own  stubs  fallback',
        'saint-paul   □  □      0      2         0',
        'springfield  ■  ·      1      0         1   (default edition)',
      ]),
    );
    expect(text.stdout).toContain("  □ language-line / language-line-model: a stub, printing riverton's");
  });
});
