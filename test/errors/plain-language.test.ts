import { describe, expect, it } from 'vitest';
import type { DiagnosticJson } from '../../src/diagnostics/report.js';
import { copyFixture, edit, run, runBin } from '../helpers.js';

/** A copy of the fixture, shared by this file's checks (a check keeps its cache in the project's out/). */
const project = copyFixture('plain-language');

const plainRules = ['reading-grade', 'hard-sentence', 'long-sentence', 'wordy-phrase', 'passive-voice', 'repeated-word'];

async function plainLanguage(root: string, ...args: string[]) {
  const result = await run(['check', '--json', ...args], root);
  const json = JSON.parse(result.stdout) as { diagnostics: DiagnosticJson[]; grades: { file: string; grade: number; graded: boolean }[] };
  const found = json.diagnostics.filter((d) => plainRules.includes(d.ruleId ?? ''));
  return { code: result.code, json, found, lines: found.map((d) => `${d.line}:${d.column} ${d.severity} ${d.ruleId}: ${d.message}`) };
}

// #13: guides must be readable at grade 9; check says where they are not, and what to write instead.
describe('plain-language checks', () => {
  it('grades the section, names its hardest sentence, and shows wordy phrases, passive habits and repeated words in place', async () => {
    const { code, lines, found, json } = await plainLanguage(project);
    expect(code).toBe(0);
    expect(lines).toEqual([
      "3:1 warning reading-grade: Reading grade 12.0 is above the project's limit of 9 (89 words in 9 sentences)",
      '3:15 warning passive-voice: Passive voice "is written": say who does it',
      '6:1 warning hard-sentence: Hard sentence: 29 words at grade 34.0 ("In order to facilitate the comprehensive incorporation of …")',
      '6:1 warning wordy-phrase: Wordy phrase "In order to": write "to"',
      '6:13 warning wordy-phrase: Wordy phrase "facilitate": write "help" or "make easier"',
      '6:305 warning passive-voice: Passive voice "is run": say who does it',
      '6:332 warning passive-voice: Passive voice "are given": say who does it',
      '6:395 warning wordy-phrase: Wordy phrase "Prior to": write "before"',
      '6:413 warning repeated-word: Repeated word "the the"',
    ]);
    for (const d of found) expect(d.file).toMatch(/welcome-desk\/sections\/01-why\.md$/);
    // The first few per file; the last one shown says how many more there are.
    expect(found.filter((d) => d.ruleId === 'passive-voice').at(-1)?.hint).toContain('1 more in this file are not shown');
    expect(found.find((d) => d.ruleId === 'hard-sentence')).toMatchObject({ endLine: 6, endColumn: 292 });
    expect(json.grades.find((g) => g.file.endsWith('welcome-desk/sections/01-why.md'))).toMatchObject({ grade: 12, graded: true });
  });

  it('reports the same from the compiled command, which judges on a second thread while it renders', async () => {
    const here = await plainLanguage(project, '--verbose', '--no-cache');
    const compiled = runBin(['check', '--json', '--verbose', '--no-cache'], project);
    expect(compiled.code).toBe(here.code);
    const json = JSON.parse(compiled.stdout) as typeof here.json;
    expect(json.diagnostics).toEqual(here.json.diagnostics);
    expect(json.grades).toEqual(here.json.grades);
    expect(here.found.length).toBeGreaterThan(8);
  });

  it('lists every finding with --verbose, and makes them errors with --strict (exit code 1)', async () => {
    const verbose = await plainLanguage(project, '--verbose');
    expect(verbose.found.filter((d) => d.ruleId === 'passive-voice').map((d) => `${d.line}:${d.column}`)).toEqual(['3:15', '6:305', '6:332', '6:367']);
    const strict = await plainLanguage(project, '--strict');
    expect(strict.code).toBe(1);
    expect(new Set(strict.found.map((d) => d.severity))).toEqual(new Set(['error']));
  });

  it("follows the project's reading_grade, and grades only the source language", async () => {
    const root = copyFixture('plain-language');
    edit(root, 'blueprints/project.yaml', 'paper: letter', 'paper: letter\nreading_grade: 12');
    expect((await plainLanguage(root)).found.filter((d) => d.ruleId === 'reading-grade')).toEqual([]);
    edit(root, 'blueprints/project.yaml', 'reading_grade: 12', 'reading_grade: 11');
    expect((await plainLanguage(root)).found.find((d) => d.ruleId === 'reading-grade')?.message).toBe(
      "Reading grade 12.0 is above the project's limit of 11 (89 words in 9 sentences)",
    );
    edit(root, 'blueprints/project.yaml', 'languages: [en]', 'languages: [fr]');
    expect((await plainLanguage(root)).found).toEqual([]);
  });

  it('prints a summary line for people, and each grade with --verbose', async () => {
    const plain = await run(['check'], project);
    expect(plain.stderr).toMatch(/Plain language: 1 of 1 sections above reading grade 9 \(--verbose lists every grade\)\.$/m);
    const verbose = await run(['check', '--verbose'], project);
    expect(verbose.stderr).toContain('Reading grade of each section (Flesch–Kincaid; limit 9):');
    expect(verbose.stderr).toMatch(/^! {2}12\.0 {2}blueprints\/welcome-desk\/sections\/01-why\.md \(89 words\)$/m);
  });
});
