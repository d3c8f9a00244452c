import { rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DiagnosticJson } from '../../src/diagnostics/report.js';
import { copyFixture, edit, run } from '../helpers.js';

/** Break a copy of the basic fixture, run `blueprint check --json`, return its diagnostics. */
async function diagnose(breakIt: (root: string) => void): Promise<{ code: number; diagnostics: DiagnosticJson[]; stderr: string }> {
  const root = copyFixture('basic');
  breakIt(root);
  const result = await run(['check', '--json'], root);
  const parsed = JSON.parse(result.stdout) as { diagnostics: DiagnosticJson[] };
  return { code: result.code, diagnostics: parsed.diagnostics, stderr: result.stderr };
}

function only(diagnostics: DiagnosticJson[], ruleId: string): DiagnosticJson {
  const found = diagnostics.filter((d) => d.ruleId === ruleId);
  expect(found, `one ${ruleId} in ${JSON.stringify(diagnostics, null, 1)}`).toHaveLength(1);
  return found[0] as DiagnosticJson;
}

const at = (d: DiagnosticJson) => `${d.file}:${d.line}:${d.column}`;

describe('every source error names file, line, column, what is wrong and how to fix it', () => {
  it('reports a YAML syntax error at its position', async () => {
    const { code, diagnostics } = await diagnose((root) => edit(root, 'blueprints/project.yaml', 'title: Fixture Blueprints', 'title: "Fixture Blueprints'));
    expect(code).toBe(1);
    const d = only(diagnostics, 'yaml-syntax');
    expect(d.file).toMatch(/blueprints\/project\.yaml$/);
    expect([d.line, d.column]).toEqual([1, 27]);
    expect(d.message).toMatch(/^YAML syntax error: Missing closing "quote/);
    expect(d.hint).toBeTruthy();
  });

  // Found by a fork's walkthrough: the parser's words ("Nested mappings are not allowed in compact
  // mappings") name its grammar; a policy officer needs the slip and the fix.
  it('says in plain words what a YAML slip is: a second ": " in a value, a tab, a line indented too far', async () => {
    const cases: [string, string, string][] = [
      [
        'title: Welcome Desk',
        'title: Welcome Desk: a guide',
        'a value on this line holds ": ", which YAML reads as another key | Put the value in quotes: title: "Welcome Desk: a guide".',
      ],
      ['subtitle:', '\tsubtitle:', 'a tab indents this line | Indent with spaces, never tabs.'],
    ];
    for (const [from, to, expected] of cases) {
      const { diagnostics } = await diagnose((root) => edit(root, 'blueprints/welcome-desk/blueprint.yaml', from, to));
      const d = only(diagnostics, 'yaml-syntax');
      expect(`${d.message.replace('YAML syntax error: ', '')} | ${d.hint}`, to).toBe(expected);
    }
  });

  it('reports a mis-indented line once, without blaming the case studies of that blueprint', async () => {
    const { diagnostics } = await diagnose((root) => edit(root, 'blueprints/welcome-desk/blueprint.yaml', /^subtitle:/m, '  subtitle:'));
    const errors = diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => d.ruleId)).toEqual(['yaml-syntax']);
    expect(errors[0]?.file).toMatch(/welcome-desk\/blueprint\.yaml$/);
    // Pointed at the value that swallowed the mis-indented line below it.
    expect([errors[0]?.line, errors[0]?.column]).toEqual([1, 8]);
    expect(errors[0]?.message).toBe('YAML syntax error: the value on this line runs on into the next line');
    expect(errors[0]?.hint).toContain('Check the line below this one');
  });

  it('reports an unknown key with a did-you-mean, and the key it replaced as missing', async () => {
    const { diagnostics } = await diagnose((root) => edit(root, 'blueprints/welcome-desk/blueprint.yaml', 'summary:', 'sumary:'));
    const unknown = only(diagnostics, 'unknown-key');
    expect(at(unknown)).toMatch(/welcome-desk\/blueprint\.yaml:3:1$/);
    expect(unknown.message).toBe('Unexpected key "sumary" in the blueprint');
    expect(unknown.hint).toContain('Did you mean "summary"?');
    expect(unknown.expected).toEqual(['summary']);
    const missing = only(diagnostics, 'missing-key');
    expect(missing.message).toBe('Missing key "summary" in the blueprint');
    expect([missing.line, missing.column]).toEqual([1, 1]);
  });

  it('reports a missing key in a city profile', async () => {
    const { diagnostics } = await diagnose((root) => edit(root, 'blueprints/cities/riverton/city.yaml', /^office: .*\n/m, ''));
    const d = only(diagnostics, 'missing-key');
    expect(at(d)).toMatch(/cities\/riverton\/city\.yaml:1:1$/);
    expect(d.message).toBe('Missing key "office" in the city profile');
  });

  it('reports a value of the wrong type at the value', async () => {
    const { diagnostics } = await diagnose((root) => edit(root, 'blueprints/project.yaml', 'paper: letter', 'paper: 42'));
    const d = only(diagnostics, 'wrong-type');
    expect(at(d)).toMatch(/project\.yaml:6:8$/);
    expect(d.message).toMatch(/^Unexpected value for "paper" in the project file/);
    expect(d.hint).toBe('Use one of: "letter", "a4".');
  });

  it('reports a missing section file with the closest existing one', async () => {
    const { diagnostics } = await diagnose((root) => edit(root, 'blueprints/welcome-desk/blueprint.yaml', 'sections/02-steps.md', 'sections/02-step.md'));
    const d = only(diagnostics, 'missing-file');
    expect(at(d)).toMatch(/welcome-desk\/blueprint\.yaml:7:11$/);
    expect(d.message).toBe('Section file "sections/02-step.md" does not exist');
    expect(d.hint).toContain('Did you mean "sections/02-steps.md"?');
  });

  it('reports an unknown default city with a did-you-mean', async () => {
    const { diagnostics } = await diagnose((root) => edit(root, 'blueprints/project.yaml', 'default_city: springfield', 'default_city: springfeld'));
    const d = only(diagnostics, 'unknown-city');
    expect(at(d)).toMatch(/project\.yaml:4:15$/);
    expect(d.message).toBe('Unknown city "springfeld"');
    expect(d.hint).toContain('Did you mean "springfield"?');
  });

  it('reports a case study for a city that does not exist', async () => {
    const { diagnostics } = await diagnose((root) =>
      edit(root, 'blueprints/cities/riverton/case-studies/language-line-model.md', 'city: riverton', 'city: rivertown'),
    );
    const d = only(diagnostics, 'unknown-city');
    expect(at(d)).toMatch(/riverton\/case-studies\/language-line-model\.md:2:7$/);
    expect(d.message).toBe('Unknown city "rivertown"');
    expect(d.hint).toContain('Did you mean "riverton"?');
  });

  it('reports a case study for a slot no blueprint has', async () => {
    const { diagnostics } = await diagnose((root) =>
      edit(root, 'blueprints/cities/riverton/case-studies/welcome-desk-model.md', 'slot: welcome-desk-model', 'slot: welcome-desk-modle'),
    );
    const d = only(diagnostics, 'unknown-slot');
    expect(at(d)).toMatch(/riverton\/case-studies\/welcome-desk-model\.md:3:7$/);
    expect(d.hint).toContain('Did you mean "welcome-desk-model"?');
  });

  it('reports a placeholder for a slot that belongs to another blueprint', async () => {
    const { diagnostics } = await diagnose((root) =>
      edit(root, 'blueprints/welcome-desk/sections/02-steps.md', '::case-study{slot="welcome-desk-model"}', '::case-study{slot="language-line-model"}'),
    );
    const d = only(diagnostics, 'slot-not-in-blueprint');
    expect(at(d)).toMatch(/welcome-desk\/sections\/02-steps\.md:6:1$/);
    expect(d.message).toBe('Slot "language-line-model" belongs to blueprint "language-line", not this one');
  });

  it('reports a slot id declared twice', async () => {
    const { diagnostics } = await diagnose((root) =>
      edit(root, 'blueprints/language-line/blueprint.yaml', 'id: language-line-model', 'id: welcome-desk-model'),
    );
    const d = only(diagnostics, 'duplicate-slot');
    expect(at(d)).toMatch(/language-line\/blueprint\.yaml:9:9$/);
    expect(d.message).toBe('Slot "welcome-desk-model" is already declared by blueprint "welcome-desk"');
    expect(d.hint).toMatch(/welcome-desk\/blueprint\.yaml:10:9/);
  });

  it('reports a slot that no city has a case study for', async () => {
    const { diagnostics } = await diagnose((root) => rmSync(path.join(root, 'blueprints/cities/riverton/case-studies/language-line-model.md')));
    const d = only(diagnostics, 'empty-slot');
    expect(at(d)).toMatch(/language-line\/blueprint\.yaml:9:9$/);
    expect(d.message).toBe('Slot "language-line-model" has no case study from any city');
  });

  it('reports a missing image at the image', async () => {
    const { diagnostics } = await diagnose((root) => edit(root, 'blueprints/welcome-desk/sections/01-why.md', 'images/desk.png', 'images/desk2.png'));
    const d = only(diagnostics, 'missing-image');
    expect(at(d)).toMatch(/welcome-desk\/sections\/01-why\.md:11:1$/);
    expect(d.message).toBe('Image "../images/desk2.png" does not exist');
  });

  it('reports broken links, to files and to headings', async () => {
    const { diagnostics } = await diagnose((root) => {
      edit(root, 'blueprints/welcome-desk/sections/01-why.md', '01-why.md)', '01-whi.md)');
      edit(root, 'blueprints/welcome-desk/sections/01-why.md', '#steps-to-open-a-desk', '#steps-to-open');
    });
    const broken = diagnostics.filter((d) => d.ruleId === 'broken-link' || d.ruleId === 'broken-fragment');
    expect(broken.map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual([
      '13:10 Broken link: "../../language-line/sections/01-whi.md" does not exist',
      '13:80 Broken link: no heading or note has the id "#steps-to-open"',
    ]);
  });

  it('refuses paths that leave the project', async () => {
    const { diagnostics } = await diagnose((root) =>
      edit(root, 'blueprints/welcome-desk/sections/01-why.md', '../images/desk.png', '../../../../../../etc/passwd'),
    );
    const d = only(diagnostics, 'unsafe-path');
    expect(d.message).toBe('Image "../../../../../../etc/passwd" leads outside the project');
  });

  it('refuses a file inside the project that is a link to a file outside it', async () => {
    const { diagnostics } = await diagnose((root) => {
      rmSync(path.join(root, 'blueprints/welcome-desk/images/desk.png'));
      symlinkSync('/etc/hostname', path.join(root, 'blueprints/welcome-desk/images/desk.png'));
    });
    const d = only(diagnostics, 'unsafe-path');
    expect(at(d)).toMatch(/01-why\.md:11:1$/);
    expect(d.message).toBe('Image "../images/desk.png" leads outside the project');
  });

  it('refuses remote images', async () => {
    const { diagnostics } = await diagnose((root) =>
      edit(root, 'blueprints/welcome-desk/sections/01-why.md', '../images/desk.png', 'https://example.org/desk.png'),
    );
    const d = only(diagnostics, 'remote-resource');
    expect(at(d)).toMatch(/01-why\.md:11:1$/);
  });

  it('reports a blueprint that lacks a required part', async () => {
    const { diagnostics } = await diagnose((root) => edit(root, 'blueprints/language-line/blueprint.yaml', 'part: implementation', 'part: other'));
    const d = only(diagnostics, 'missing-part');
    expect(at(d)).toMatch(/language-line\/blueprint\.yaml:3:1$/);
    expect(d.message).toBe('Missing required part(s): implementation');
  });

  it('reports an unknown city variable with a did-you-mean', async () => {
    const { diagnostics } = await diagnose((root) => edit(root, 'blueprints/welcome-desk/sections/01-why.md', ':city[office]', ':city[ofice]'));
    const d = only(diagnostics, 'unknown-variable');
    expect(at(d)).toMatch(/01-why\.md:3:53$/);
    expect(d.hint).toContain('Did you mean "office"?');
  });

  it('reports every problem of a run together, across files', async () => {
    const { code, diagnostics, stderr } = await diagnose((root) => {
      edit(root, 'blueprints/project.yaml', 'paper: letter', 'paper: 42');
      edit(root, 'blueprints/cities/riverton/city.yaml', 'name: Riverton', 'nam: Riverton');
    });
    expect(code).toBe(1);
    expect(diagnostics.filter((d) => d.severity === 'error').map((d) => d.ruleId)).toEqual(['missing-key', 'unknown-key', 'wrong-type']);
    expect(stderr).toMatch(/^blueprints\/cities\/riverton\/city\.yaml:1:1: error: Unexpected key "nam" in the city profile \[unknown-key\]$/m);
  });

  it('issue 10: reports a misspelt interface word with a did-you-mean, and a placeholder left out', async () => {
    const { code, diagnostics } = await diagnose((root) =>
      edit(root, 'blueprints/project.yaml', 'paper: letter', 'paper: letter\nstrings:\n  es:\n    contnts: Sumario\n    edition: Edición'),
    );
    expect(code).toBe(1);
    const unknown = only(diagnostics, 'unknown-key');
    expect(at(unknown)).toMatch(/project\.yaml:9:5$/);
    expect(unknown.message).toBe('Unexpected key "contnts" in the project file');
    expect(unknown.hint).toContain('Did you mean "contents"?');
    const placeholder = only(diagnostics, 'wrong-type');
    expect(at(placeholder)).toMatch(/project\.yaml:10:14$/);
    expect(placeholder.message).toBe('Unexpected value for "strings.es.edition" in the project file: Write {city} in the text, and no other {placeholder}');
  });

  it('issue 10: warns, at the language, that a language without interface words prints them in English', async () => {
    const { code, diagnostics } = await diagnose((root) => edit(root, 'blueprints/project.yaml', 'languages: [en]', 'languages: [en, de]'));
    expect(code).toBe(0);
    const d = only(diagnostics, 'interface-words-missing');
    expect(at(d)).toMatch(/project\.yaml:5:17$/);
    expect(d.message).toMatch(
      /^No interface words in "de" for aboutGuide, accessibility, accessibilityText, allGuides, backToContent, caseStudy, .*; they print in English$/,
    );
    expect(d.hint).toContain('docs/translating.md');
  });
});
