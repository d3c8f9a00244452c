import { VFile } from 'vfile';
import { beforeAll, describe, expect, it } from 'vitest';
import { exitCodeOf } from '../../src/diagnostics/exit-codes.js';
import { type Plan, planDocuments } from '../../src/pipeline/plan-documents.js';
import type { BuildSettings } from '../../src/pipeline/settings.js';
import { loadProject, type Project } from '../../src/project/load-project.js';
import { fixture, messageLines } from '../helpers.js';

type Request = Pick<BuildSettings, 'blueprints' | 'cities' | 'languages' | 'caseStudies' | 'shard'>;
const request = (r: Partial<Request> = {}): Request => ({ blueprints: [], cities: [], languages: [], caseStudies: {}, shard: undefined, ...r });

async function load(name: string): Promise<Project> {
  const { project, files } = await loadProject(fixture(name));
  expect(files.flatMap((f) => f.messages)).toEqual([]);
  return project as Project;
}

// The editions fixture: cities lakeside, riverton, springfield (default); languages en, es; blueprints
// welcome-desk, language-line (in that order).
describe('planDocuments', () => {
  let project: Project;
  beforeAll(async () => {
    project = await load('editions');
  });

  const plan = (r: Partial<Request> = {}) => {
    const file = new VFile();
    const result = planDocuments(project, request(r), file);
    return { result, file, bases: result?.documents.map((d) => d.base) };
  };

  it('plans the default city in every language, the blueprints in the project’s order', () => {
    const { result, file, bases } = plan();
    expect(file.messages).toEqual([]);
    expect(result?.editions.map((e) => e.city.id)).toEqual(['springfield']);
    expect(bases).toEqual(['springfield/en/welcome-desk', 'springfield/en/language-line', 'springfield/es/welcome-desk', 'springfield/es/language-line']);
    const doc = result?.documents[0];
    expect([doc?.blueprint.id, doc?.edition.city.id, doc?.lang]).toEqual(['welcome-desk', 'springfield', 'en']);
  });

  it('plans editions × languages × blueprints for --city all, the cities sorted', () => {
    const { result, bases } = plan({ cities: ['all'] });
    expect(result?.editions.map((e) => e.city.id)).toEqual(['lakeside', 'riverton', 'springfield']);
    expect(bases).toHaveLength(3 * 2 * 2);
    expect(bases?.slice(0, 4)).toEqual(['lakeside/en/welcome-desk', 'lakeside/en/language-line', 'lakeside/es/welcome-desk', 'lakeside/es/language-line']);
    expect(new Set(bases).size).toBe(12);
  });

  it('plans only what was asked for, once each, in the order asked', () => {
    const { bases } = plan({ blueprints: ['language-line'], cities: ['riverton', 'lakeside', 'riverton'], languages: ['es', 'es'] });
    expect(bases).toEqual(['riverton/es/language-line', 'lakeside/es/language-line']);
  });

  it('names every unknown blueprint, language and city as a usage error with a did-you-mean, and plans nothing', () => {
    const { result, file } = plan({ blueprints: ['welcome-dsk'], languages: ['esp'], cities: ['springfeild'] });
    expect(result).toBeUndefined();
    expect(messageLines([file], '/')).toEqual([
      ': error: Unknown blueprint "welcome-dsk" [unknown-option-value]',
      ': error: Unknown city "springfeild" [unknown-option-value]',
      ': error: Unknown language "esp" [unknown-option-value]',
    ]);
    const byReason = new Map(file.messages.map((m) => [m.reason, m]));
    expect(byReason.get('Unknown blueprint "welcome-dsk"')).toMatchObject({
      note: 'Did you mean "welcome-desk"? Known blueprints: language-line, welcome-desk.',
      expected: ['welcome-desk'],
    });
    expect(byReason.get('Unknown city "springfeild"')).toMatchObject({
      note: 'Did you mean "springfield"? Known cities: lakeside, riverton, springfield.',
      expected: ['springfield'],
    });
    expect(byReason.get('Unknown language "esp"')).toMatchObject({
      note: 'Did you mean "es"? Known languages of the project (project.yaml "languages"): en, es.',
      expected: ['es'],
    });
    expect(exitCodeOf([file])).toBe(2);
  });

  it('names an unknown slot or city of --case-study, and a city without a case study for the slot', () => {
    const slot = plan({ caseStudies: { 'welcome-desk-modle': 'riverton' } });
    expect(slot.result).toBeUndefined();
    expect(slot.file.messages.map((m) => `${m.reason} | ${m.note}`)).toEqual([
      'Unknown slot "welcome-desk-modle" in --case-study | Did you mean "welcome-desk-model"? Known slots: welcome-desk-model.',
    ]);
    const city = plan({ caseStudies: { 'welcome-desk-model': 'lakesid' } });
    expect(city.file.messages.map((m) => m.reason)).toEqual(['Unknown city "lakesid" in --case-study']);
    const none = plan({ caseStudies: { 'welcome-desk-model': 'lakeside' } });
    expect(none.file.messages.map((m) => `${m.ruleId}: ${m.reason} | ${m.note}`)).toEqual([
      'no-case-study: lakeside has no case study for slot "welcome-desk-model" | Cities with a case study for this slot: riverton, springfield.',
    ]);
  });

  describe('--shard i/n', () => {
    const everything = () => plan({ cities: ['all'] }).bases as string[];

    it.each([1, 2, 3, 4])('splits the plan into %i disjoint shards that together are the whole plan', (count) => {
      const shards = Array.from({ length: count }, (_, i) => plan({ cities: ['all'], shard: { index: i + 1, count } }));
      const all = shards.flatMap((s) => s.bases as string[]);
      expect(new Set(all).size).toBe(all.length);
      expect([...all].sort()).toEqual([...everything()].sort());
      // As even as the count allows, and each shard keeps the plan's order.
      const sizes = shards.map((s) => s.bases?.length ?? 0);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      for (const s of shards) expect(s.bases).toEqual(everything().filter((b) => s.bases?.includes(b)));
      for (const s of shards) expect(s.file.messages).toEqual([]);
    });

    it('gives the same shard every time, whatever the order the cities were asked for in', () => {
      const shardOf = (cities: string[]) => plan({ cities, shard: { index: 2, count: 3 } }).bases;
      const first = shardOf(['all']);
      expect(first).toHaveLength(4);
      expect(shardOf(['all'])).toEqual(first);
      expect([...(shardOf(['springfield', 'lakeside', 'riverton']) ?? [])].sort()).toEqual([...(first ?? [])].sort());
    });

    it('leaves a shard empty when there are more shards than documents', () => {
      const shards = [1, 2, 3, 4, 5].map((index) => plan({ shard: { index, count: 5 } }).bases);
      expect(shards.map((s) => s?.length)).toEqual([1, 1, 1, 1, 0]);
    });
  });
});

describe('planDocuments with an output pattern that two documents share', () => {
  it('reports output-collision on the project file and plans nothing', async () => {
    const project = await load('output-collision');
    const file = new VFile();
    const collided: Plan | undefined = planDocuments(project, request({ cities: ['all'] }), file);
    expect(collided).toBeUndefined();
    expect(file.messages).toEqual([]);
    expect(messageLines([project.file], fixture('output-collision'))).toEqual([
      'blueprints/project.yaml: error: Two documents would be written to en/welcome-desk [output-collision]',
    ]);
    expect(project.file.messages[0]?.note).toBe('Include {city} and {lang} in the project\'s "output" pattern.');
    // One city alone does not collide.
    expect(planDocuments(project, request({ cities: ['riverton'] }), new VFile())?.documents.map((d) => d.base)).toEqual(['en/welcome-desk']);
  });
});
