import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DiagnosticJson } from '../../src/diagnostics/report.js';
import { copyFixture, edit, run } from '../helpers.js';

async function diagnose(breakIt: (root: string) => void): Promise<{ code: number; diagnostics: DiagnosticJson[] }> {
  const root = copyFixture('basic');
  breakIt(root);
  const result = await run(['check', '--json'], root);
  return { code: result.code, diagnostics: (JSON.parse(result.stdout) as { diagnostics: DiagnosticJson[] }).diagnostics };
}

function only(diagnostics: DiagnosticJson[], ruleId: string): DiagnosticJson {
  const found = diagnostics.filter((d) => d.ruleId === ruleId);
  expect(found, `one ${ruleId} in ${JSON.stringify(diagnostics, null, 1)}`).toHaveLength(1);
  return found[0] as DiagnosticJson;
}

const at = (d: DiagnosticJson) => `${path.basename(path.dirname(d.file ?? ''))}/${path.basename(d.file ?? '')}:${d.line}:${d.column}`;
const write = (root: string, file: string, text: string) => {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
};

describe('#11 fork settings, themes and stubs: every error at its line', () => {
  it('reports an unknown key in blueprints/fork.yaml with a did-you-mean', async () => {
    const { code, diagnostics } = await diagnose((root) => write(root, 'blueprints/fork.yaml', 'default_cty: riverton\n'));
    expect(code).toBe(1);
    const d = only(diagnostics, 'unknown-key');
    expect(at(d)).toBe('blueprints/fork.yaml:1:1');
    expect(d.message).toBe('Unexpected key "default_cty" in the fork settings');
    expect(d.expected).toEqual(['default_city']);
  });

  it('checks the default city and blueprints a fork sets at the fork file’s lines', async () => {
    const { diagnostics } = await diagnose((root) =>
      write(root, 'blueprints/fork.yaml', '# ours\ndefault_city: rivertn\nadd_blueprints: [welcome-desk, housing]\n'),
    );
    expect(at(only(diagnostics, 'unknown-city'))).toBe('blueprints/fork.yaml:2:15');
    expect(only(diagnostics, 'unknown-city').hint).toContain('Did you mean "riverton"?');
    expect(at(only(diagnostics, 'duplicate-blueprint'))).toBe('blueprints/fork.yaml:3:18');
    expect(at(only(diagnostics, 'unknown-blueprint'))).toBe('blueprints/fork.yaml:3:32');
  });

  it('builds the edition, languages and paper the fork file names, over project.yaml', async () => {
    const root = copyFixture('basic');
    write(root, 'blueprints/fork.yaml', 'default_city: riverton\npaper: a4\nlanguages: [en]\n');
    const result = await run(['list', '--json'], root);
    expect(result.code, result.stderr).toBe(0);
    expect((JSON.parse(result.stdout) as { listing: { defaultCity: string } }).listing.defaultCity).toBe('riverton');
    const built = await run(['build', 'welcome-desk', '--format', 'html', '--json'], root);
    const manifest = (JSON.parse(built.stdout) as { manifest: { documents: { city: string }[] } }).manifest;
    expect(manifest.documents.map((d) => d.city)).toEqual(['riverton']);
  });

  // Found by a fork's walkthrough (a fork building English and Vietnamese): upstream's es translations were
  // each "never used", with the advice to delete them, which a fork must not (its next pull would conflict).
  it('does not report upstream’s translations into a language the fork does not build, but a fork’s own slip still', async () => {
    const root = copyFixture('editions');
    write(root, 'blueprints/fork.yaml', 'languages: [en, vi]\n');
    write(root, 'blueprints/welcome-desk/sections/01-why.vu.md', '## Tại sao\n\nVăn bản.\n');
    const result = await run(['check', '--json'], root);
    const orphaned = (JSON.parse(result.stdout) as { diagnostics: DiagnosticJson[] }).diagnostics.filter((d) => d.ruleId === 'translation-orphaned');
    expect(orphaned.map((d) => `${at(d)} ${d.message}`)).toEqual([
      'sections/01-why.vu.md:null:null This vu translation is never used: the project does not build "vu" (project.yaml "languages")',
    ]);
    expect(orphaned[0]?.hint).toBe('Add "vu" to "languages" in project.yaml (in a fork, in fork.yaml), or delete the file.');
    // Without the fork's list, the project's own languages are the ones built: the same slip, nothing else.
    write(root, 'blueprints/fork.yaml', 'paper: a4\n');
    const own = await run(['check', '--json', '--no-cache'], root);
    expect((JSON.parse(own.stdout) as { diagnostics: DiagnosticJson[] }).diagnostics.filter((d) => d.ruleId === 'translation-orphaned').map(at)).toEqual([
      'sections/01-why.vu.md:null:null',
    ]);
  });

  it('reports a city colour too light to read, at the colour', async () => {
    const { code, diagnostics } = await diagnose((root) =>
      edit(
        root,
        'blueprints/cities/springfield/city.yaml',
        'colors: { primary: "#224466", accent: "#cc3300" }',
        'colors:\n  primary: "#f1b82d"\n  accent: "#cc3300"',
      ),
    );
    expect(code).toBe(1);
    const low = diagnostics.filter((d) => d.ruleId === 'low-contrast');
    expect(low.map(at)).toEqual(Array(low.length).fill('springfield/city.yaml:8:12'));
    expect(low.map((d) => d.message)).toContain(
      'Colour focus #f1b82d on background #ffffff has a contrast of 1.80:1, below the 3:1 required for the keyboard focus ring',
    );
    // Found by a fork's walkthrough: the advice named a colour a city cannot set, and the wrong way to go.
    // White text on this yellow needs a darker primary; so do headings on the white page.
    const hints = new Set(low.map((d) => d.hint));
    expect([...hints].every((hint) => hint?.startsWith('Choose a darker primary colour here, so that '))).toBe(true);
    expect(hints).toContain('Choose a darker primary colour here, so that on_primary on primary reaches 4.5:1 (a contrast checker shows the ratio).');
  });

  // Found by a fork's walkthrough: an unquoted colour (a YAML comment) was first reported as "Unknown city"
  // with exit code 2, then as a value that "is nothing".
  it('reports a city profile error once, at its line, with exit code 1 and a hint about YAML comments', async () => {
    const root = copyFixture('basic');
    edit(
      root,
      'blueprints/cities/springfield/city.yaml',
      'colors: { primary: "#224466", accent: "#cc3300" }',
      'colors:\n  primary: #0f5e55\n  accent: "#cc3300"',
    );
    for (const args of [
      ['check', '--city', 'springfield'],
      ['build', '--format', 'html'],
    ]) {
      const result = await run([...args, '--json'], root);
      const diagnostics = (JSON.parse(result.stdout) as { diagnostics: DiagnosticJson[] }).diagnostics;
      expect(result.code, args.join(' ')).toBe(1);
      expect(diagnostics.map((d) => `${at(d)} ${d.ruleId} ${d.hint}`)).toEqual([
        'springfield/city.yaml:8:12 wrong-type In YAML a # starts a comment, so "colors.primary" is empty: put the value in quotes, e.g. primary: "#0f5e55".',
      ]);
    }
  });

  it('reports a theme cycle and a missing font package through check', async () => {
    const { diagnostics } = await diagnose((root) => {
      write(root, 'themes/loop-a/theme.yaml', 'extends: loop-b\n');
      write(root, 'themes/loop-b/theme.yaml', 'extends: loop-a\n');
      write(root, 'themes/font/theme.yaml', 'extends: default\nfonts:\n  heading: "@fontsource/no-such-font"\n');
      edit(root, 'blueprints/cities/springfield/city.yaml', 'logo: logo.svg', 'logo: logo.svg\ntheme: loop-a');
      edit(root, 'blueprints/cities/riverton/city.yaml', 'state: Oregon', 'state: Oregon\ntheme: font');
    });
    expect(at(only(diagnostics, 'theme-cycle'))).toBe('loop-b/theme.yaml:1:10');
    const font = only(diagnostics, 'font-package-missing');
    expect(at(font)).toBe('font/theme.yaml:3:12');
    expect(font.hint).toMatch(/^Install it in the project folder with "npm install @fontsource\/no-such-font"/);
  });

  it('lists a stub at its status line and lets it lack year and sources, but not a written case study', async () => {
    const { code, diagnostics } = await diagnose((root) => {
      write(
        root,
        'blueprints/cities/springfield/case-studies/language-line-model.md',
        '---\ncity: springfield\nslot: language-line-model\nstatus: stub\ntitle: To do\n---\n\nLater.\n',
      );
      edit(root, 'blueprints/cities/riverton/case-studies/welcome-desk-model.md', /^year: .*\n/m, '');
    });
    expect(code).toBe(1);
    const stub = only(diagnostics, 'case-study-stub');
    expect(at(stub)).toBe('case-studies/language-line-model.md:4:9');
    expect(stub.message).toBe('Case study for slot "language-line-model" is still a stub; the springfield edition prints riverton\'s');
    const missing = only(diagnostics, 'missing-key');
    expect(at(missing)).toBe('case-studies/welcome-desk-model.md:2:1');
    expect(missing.message).toBe('Missing key "year" in the case study front matter');
  });
});
