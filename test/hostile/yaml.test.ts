import { appendFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { edit } from '../helpers.js';
import { blueprint, errorsOf, hostileCopy, only, timeout } from './hostile.js';

/** #9: YAML that expands to gigabytes, repeats keys or nests without end is one positioned error, quickly. */

/** Billion laughs: nine levels of nine aliases each, 9^9 strings if expanded; the first alias is at column 12 of its line. */
const aliasBomb = [
  'lol0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]',
  ...Array.from({ length: 9 }, (_, i) => `lol${i + 1}: &a${i + 1} [${Array(9).fill(`*a${i}`).join(', ')}]`),
].join('\n');

const tooComplex = 'YAML file is too complex to read: Excessive alias count indicates a resource exhaustion attack';
const tooDeep = 'YAML file is too complex to read: it nests more than 64 levels deep';

describe('hostile YAML', { timeout }, () => {
  it('refuses an alias bomb in project.yaml at its first alias, and nothing else', async () => {
    const root = hostileCopy((r) => appendFileSync(path.join(r, 'blueprints/project.yaml'), `${aliasBomb}\n`));
    const o = await blueprint(root, 'check');
    expect(o.code).toBe(1);
    // Regression: the unreadable project file listed no blueprints, so every case study's slot was "unknown".
    expect(errorsOf(o)).toEqual(['blueprints/project.yaml:11:12 yaml-too-complex']);
    expect(o.json.diagnostics.filter((d) => d.file?.endsWith('project.yaml'))).toHaveLength(1);
    expect(only(o, 'yaml-too-complex').message).toBe(tooComplex);
  });

  it('refuses an alias bomb in a blueprint.yaml at its first alias', async () => {
    const root = hostileCopy((r) => appendFileSync(path.join(r, 'blueprints/welcome-desk/blueprint.yaml'), `${aliasBomb}\n`));
    const o = await blueprint(root, 'build', '--format', 'html');
    expect(o.code).toBe(1);
    expect(errorsOf(o)).toEqual(['blueprints/welcome-desk/blueprint.yaml:18:12 yaml-too-complex']);
  });

  it("refuses an alias bomb in a case study's front matter, at its line in the file", async () => {
    const study = 'blueprints/cities/springfield/case-studies/welcome-desk-model.md';
    const root = hostileCopy((r) => edit(r, study, 'year: 2019\n', `year: 2019\n${aliasBomb}\n`));
    const o = await blueprint(root, 'check');
    expect(o.code).toBe(1);
    expect(errorsOf(o)).toEqual([`${study}:7:12 yaml-too-complex`]);
  });

  it('refuses a duplicate key as a syntax error at the second one, and nothing else', async () => {
    const root = hostileCopy((r) => appendFileSync(path.join(r, 'blueprints/project.yaml'), 'title: Again\n'));
    const o = await blueprint(root, 'check');
    expect(o.code).toBe(1);
    expect(errorsOf(o)).toEqual(['blueprints/project.yaml:10:1 yaml-syntax']);
    expect(only(o, 'yaml-syntax').message).toBe('YAML syntax error: a key appears twice in the same mapping');
    expect(o.json.diagnostics.filter((d) => d.severity === 'warning' && d.file?.endsWith('project.yaml'))).toEqual([]);
  });

  it('says a second ": " on a line of half a megabyte at its place, quickly, without echoing the line', async () => {
    const root = hostileCopy((r) => edit(r, 'blueprints/cities/riverton/city.yaml', 'state: Oregon', `state: Ore: gon${' '.repeat(500_000)}x`));
    const o = await blueprint(root, 'check');
    expect(o.code).toBe(1);
    expect(errorsOf(o)).toEqual(['blueprints/cities/riverton/city.yaml:4:8 yaml-syntax']);
    expect(only(o, 'yaml-syntax').hint).toBe('Put the value in quotes: e.g. title: "Language access: a guide".');
  });

  it('refuses a duplicate key in a city profile', async () => {
    const root = hostileCopy((r) => appendFileSync(path.join(r, 'blueprints/cities/riverton/city.yaml'), 'name: Elsewhere\n'));
    const o = await blueprint(root, 'check');
    expect(o.code).toBe(1);
    expect(errorsOf(o)).toEqual(['blueprints/cities/riverton/city.yaml:6:1 yaml-syntax']);
  });

  it('refuses a 10,000-deep flow sequence at the 65th level, not with a stack overflow', async () => {
    const root = hostileCopy((r) => edit(r, 'blueprints/cities/riverton/city.yaml', 'state: Oregon', `state: ${'['.repeat(10_000)}${']'.repeat(10_000)}`));
    const o = await blueprint(root, 'check');
    expect(o.code).toBe(1);
    expect(errorsOf(o)).toEqual(['blueprints/cities/riverton/city.yaml:4:72 yaml-too-complex']);
    expect(only(o, 'yaml-too-complex').message).toBe(tooDeep);
  });

  it('refuses 10,000 nested mappings and "- - -" sequences the same way', async () => {
    const maps = hostileCopy((r) => edit(r, 'blueprints/project.yaml', 'paper: letter', `paper: ${'{a: '.repeat(10_000)}1${'}'.repeat(10_000)}`));
    expect(errorsOf(await blueprint(maps, 'check'))).toEqual(['blueprints/project.yaml:6:264 yaml-too-complex']);
    const dashes = hostileCopy((r) => edit(r, 'blueprints/welcome-desk/blueprint.yaml', 'title: Welcome Desk', `title:\n  ${'- '.repeat(10_000)}x`));
    expect(errorsOf(await blueprint(dashes, 'check'))).toEqual(['blueprints/welcome-desk/blueprint.yaml:2:131 yaml-too-complex']);
  });
});
