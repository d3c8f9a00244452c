import { existsSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DiagnosticJson } from '../../src/diagnostics/report.js';
import { loadTheme } from '../../src/theme/load-theme.js';
import { type CliRun, copyFixture, filesBelow, repoRoot, run, runBin } from '../helpers.js';

/** `blueprint <args> --json` in-process: exit code and the diagnostics as `file:line:column ruleId: message`. */
async function diagnose(args: string[], root: string): Promise<{ code: number; lines: string[]; stderr: string }> {
  const result = await run([...args, '--json'], root);
  const { diagnostics } = JSON.parse(result.stdout) as { diagnostics: DiagnosticJson[] };
  const lines = diagnostics.map((d) => `${path.relative(root, d.file ?? '')}:${d.line}:${d.column} ${d.ruleId}: ${d.message}`);
  return { code: result.code, lines, stderr: result.stderr };
}

describe('#8: a folder under themes/ without theme.yaml', () => {
  const expected = ['blueprints/cities/springfield/city.yaml:6:8 missing-theme-file: Theme folder "harbor" has no theme.yaml'];

  it('used by a city is an error at the city’s theme line for check and build, not a TypeError', async () => {
    const root = copyFixture('theme-folder-without-theme-yaml');
    const checked = await diagnose(['check'], root);
    expect(checked.lines).toEqual(expected);
    expect(checked.code).toBe(1);
    const kept = onlyCheckCache(root);
    const built = await diagnose(['build'], root);
    expect(built.lines).toEqual(expected);
    expect(built.code).toBe(1);
    expect(`${checked.stderr}${built.stderr}`).not.toMatch(/TypeError|internal-error/);
    expect(filesBelow(path.join(root, 'out'))).toEqual(kept);
  });

  it('used by nobody is no problem at all', async () => {
    const root = copyFixture('unreferenced-theme-folder');
    const checked = await diagnose(['check'], root);
    expect(checked).toMatchObject({ code: 0, lines: [] });
    const built = await diagnose(['build', '--format', 'html'], root);
    expect(built).toMatchObject({ code: 0, lines: [] });
    expect(existsSync(path.join(root, 'out/springfield/en/welcome-desk.html'))).toBe(true);
  });
});

/** What a check leaves in out/: its cache of parsed sources and its record (#13), nothing published. A failed build adds nothing. */
function onlyCheckCache(root: string): string[] {
  const files = filesBelow(path.join(root, 'out'));
  expect(files.map((file) => path.relative(root, file)).sort()).toEqual([
    expect.stringMatching(/^out\/\.blueprint-cache\/check-[0-9a-f]{16}\.json$/),
    expect.stringMatching(/^out\/\.blueprint-cache\/sources-[0-9a-f]{16}\.json$/),
  ]);
  return files;
}

describe('#8: a theme stylesheet that is a symbolic link to a file outside the project', () => {
  const marker = 'OUTSIDE-THE-PROJECT-7f3a';
  const linked = () => {
    const root = copyFixture('theme-stylesheet-symlink');
    const outside = path.join(mkdtempSync(path.join(os.tmpdir(), 'bp-outside-')), 'secret.css');
    writeFileSync(outside, `main::after { content: "${marker}"; }\n`);
    symlinkSync(outside, path.join(root, 'themes/linked/outside.css'));
    return root;
  };
  const expected = ['themes/linked/theme.yaml:12:19 unsafe-path: Stylesheet "outside.css" leads outside the project'];

  it('is an unsafe-path error at the line that names it, for check and build', async () => {
    const root = linked();
    const checked = await diagnose(['check'], root);
    expect(checked.lines).toEqual(expected);
    expect(checked.code).toBe(1);
    const kept = onlyCheckCache(root);
    const built = await diagnose(['build', '--format', 'html'], root);
    expect(built.lines).toEqual(expected);
    expect(built.code).toBe(1);
    expect(filesBelow(path.join(root, 'out'))).toEqual(kept);
  });

  it('is never read, so its content cannot reach any output', async () => {
    const root = linked();
    const { theme, files } = loadTheme(root, 'linked');
    expect(theme).toBeUndefined();
    expect(files.map((f) => String(f.value)).join('\n')).not.toContain(marker);
    // The edition that does not use the theme still builds, without it.
    const other = await run(['build', '--city', 'riverton', '--format', 'html'], root);
    expect(other.code, other.stderr).toBe(0);
    const written = filesBelow(path.join(root, 'out'));
    expect(written.map((f) => path.relative(root, f))).toContain('out/riverton/en/welcome-desk.html');
    for (const file of written) expect(readFileSync(file, 'latin1'), file).not.toContain(marker);
  });
});

describe('#8: --json prints exactly one JSON document', () => {
  // The compiled command in a child process (its real stdout), and the same main() in-process for variants.
  /** Stdout must be one JSON document and nothing else. */
  const json = (result: CliRun) => {
    expect(result.stdout.startsWith('{\n')).toBe(true);
    expect(result.stdout.endsWith('\n}\n')).toBe(true);
    // JSON.parse throws on a second document or any stray line.
    const document = JSON.parse(result.stdout) as { ok: boolean; exitCode: number; diagnostics: DiagnosticJson[]; listing?: unknown };
    return { code: result.code, document };
  };
  const usage = (ruleId: string, message: string) => ({
    ok: false,
    exitCode: 2,
    diagnostics: [expect.objectContaining({ file: null, line: null, column: null, severity: 'error', ruleId, message })],
  });

  it('for build --format docx', () => {
    const { code, document } = json(runBin(['build', '--format', 'docx', '--json'], copyFixture('basic')));
    expect(code).toBe(2);
    expect(document).toMatchObject(
      usage('invalid-command', "option '--format <list>' argument 'docx' is invalid. Unknown format \"docx\": use html, pdf or html,pdf."),
    );
  });

  it('for an unknown option', () => {
    const { code, document } = json(runBin(['build', '--colour', 'blue', '--json'], copyFixture('basic')));
    expect(code).toBe(2);
    expect(document).toMatchObject(usage('invalid-command', "unknown option '--colour'"));
  });

  it('for a folder that is not a project', async () => {
    const empty = mkdtempSync(path.join(os.tmpdir(), 'bp-no-project-'));
    const expected = usage('no-project', `No blueprint project here: there is no blueprints/project.yaml in ${empty} or above`);
    const checked = json(runBin(['check', '--json'], empty));
    expect(checked.code).toBe(2);
    expect(checked.document).toMatchObject(expected);
    for (const command of ['build', 'list', 'merge']) {
      const args = command === 'merge' ? ['merge', 'a', 'b', '--out', 'c', '--json'] : [command, '--json'];
      const { code, document } = json(await run(args, empty));
      expect(code, command).toBe(2);
      expect(document, command).toMatchObject(expected);
    }
  });

  it('for list, which exits 1 when the project has errors', async () => {
    const { code, document } = json(await run(['list', '--json'], copyFixture('theme-folder-without-theme-yaml')));
    expect(code).toBe(1);
    expect(document).toMatchObject({ ok: false, exitCode: 1, listing: { title: 'Rule Fixture' } });
    expect(document.diagnostics.map((d) => d.ruleId)).toEqual(['missing-theme-file']);
    const clean = json(await run(['list', '--json'], copyFixture('unreferenced-theme-folder')));
    expect(clean.code).toBe(0);
    expect(clean.document).toMatchObject({ ok: true, exitCode: 0, diagnostics: [] });
  });
});

describe('#8: --version', () => {
  it('prints package.json’s version', async () => {
    const { version } = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };
    expect(runBin(['--version'], os.tmpdir())).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
    expect(await run(['-V'], os.tmpdir())).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });
});

describe('#8: a slot filled from another city', () => {
  const fallback = (city: string) =>
    `blueprints/welcome-desk/sections/01-why.md:5:1 slot-fallback: ${city} has no case study for slot "welcome-desk-model"; the ${city.toLowerCase()} edition uses springfield's`;

  it('is reported once per edition, at the ::case-study placeholder, however many languages are built', async () => {
    const root = copyFixture('slot-fallback');
    const built = await diagnose(['build', '--city', 'all', '--format', 'html'], root);
    expect(built.code).toBe(0);
    expect(built.lines.filter((l) => l.includes('slot-fallback'))).toEqual([fallback('Lakeside'), fallback('Riverton')]);
    const one = await diagnose(['build', '--city', 'riverton', '--lang', 'es', '--format', 'html', '--out', 'out-es'], root);
    expect(one.lines.filter((l) => l.includes('slot-fallback'))).toEqual([fallback('Riverton')]);
    const own = await diagnose(['build', '--city', 'springfield', '--format', 'html', '--out', 'out-own'], root);
    expect(own.lines.filter((l) => l.includes('slot-fallback'))).toEqual([]);
  });

  it('is reported once per edition when the section is translated too: at the first document built, not again in each language', async () => {
    const root = copyFixture('slot-fallback');
    writeFileSync(
      path.join(root, 'blueprints/welcome-desk/sections/01-why.es.md'),
      '---\ntranslation:\n  source: "0000000000000000"\n  review: draft\n---\n\n# Por qué importa\n\nLos nuevos residentes necesitan un lugar donde empezar.\n\n::case-study{slot="welcome-desk-model"}\n',
    );
    const built = await diagnose(['build', '--city', 'all', '--format', 'html'], root);
    expect(built.code).toBe(0);
    expect(built.lines.filter((l) => l.includes('slot-fallback'))).toEqual([fallback('Lakeside'), fallback('Riverton')]);
  });

  it('is not reported by check, which renders every edition', async () => {
    const checked = await diagnose(['check'], copyFixture('slot-fallback'));
    expect(checked.code).toBe(0);
    expect(checked.lines).toEqual([
      'blueprints/cities/springfield/case-studies/welcome-desk-model.md:null:null untranslated: No es translation of this case study; printing the en text',
      'blueprints/welcome-desk/sections/01-why.md:null:null untranslated: No es translation of this section; printing the en text',
    ]);
  });
});
