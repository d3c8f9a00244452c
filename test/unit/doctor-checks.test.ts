import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFonts } from '../../src/doctor/check-fonts.js';
import { checkNode } from '../../src/doctor/check-node.js';
import { checkOutput } from '../../src/doctor/check-output.js';
import { checkProject } from '../../src/doctor/check-project.js';
import { checkTools } from '../../src/doctor/check-tools.js';
import { formatDoctorReport } from '../../src/doctor/format-doctor-report.js';

const tempDir = () => mkdtempSync(path.join(os.tmpdir(), 'bp-doctor-'));

// #9: blueprint doctor says what a machine lacks and exactly how to fix it.
describe('doctor checks', () => {
  it('needs Node 20 or later and says how to get it', () => {
    expect(checkNode('20.0.0')).toEqual({ id: 'node', ok: true, required: true, detail: 'Node 20.0.0 (the toolkit needs 20 or later)' });
    expect(checkNode('v22.3.1').ok).toBe(true);
    expect(checkNode('18.19.1')).toMatchObject({ ok: false, required: true, fix: 'install Node.js 20 or later: nvm install 20, or https://nodejs.org' });
  });

  it('checks every font package a theme names, the project’s theme replacing the toolkit’s of the same name', () => {
    const root = tempDir();
    mkdirSync(path.join(root, 'themes/default'), { recursive: true });
    writeFileSync(path.join(root, 'themes/default/theme.yaml'), 'fonts:\n  body: "@fontsource/noto-sans"\n  heading: "@fontsource/noto-sans"\n');
    mkdirSync(path.join(root, 'themes/civic'));
    writeFileSync(path.join(root, 'themes/civic/theme.yaml'), 'fonts:\n  body: "@fontsource/noto-sans"\n  fallback: ["@fontsource/no-such-font"]\n');
    mkdirSync(path.join(root, 'themes/broken'));
    writeFileSync(path.join(root, 'themes/broken/theme.yaml'), 'fonts: [unclosed\n');
    mkdirSync(path.join(root, 'themes/misspelt'));
    writeFileSync(path.join(root, 'themes/misspelt/theme.yaml'), 'fonts:\n  body: "@fontsource/worksans"\n');
    const checks = checkFonts(root);
    // A misspelt package is fixed in the theme, as check says, not by installing a package of that name.
    expect(checks.find((c) => c.id === 'font:@fontsource/worksans')).toMatchObject({
      ok: false,
      detail: 'not installed where the project or the toolkit can load it, used by theme misspelt; did you mean @fontsource/work-sans (installed)?',
      fix: 'write "@fontsource/work-sans" in the theme.yaml of misspelt',
    });
    // The toolkit's civic theme (Public Sans) is replaced by the project's; its almanac theme is not.
    expect(checks.map((c) => c.id)).not.toContain('font:@fontsource/public-sans');
    expect(checks.map((c) => c.id)).toContain('font:@fontsource/source-serif-4');
    expect(checks.filter((c) => c.id === 'font:@fontsource/noto-sans' || c.id === 'font:@fontsource/no-such-font')).toEqual([
      { id: 'font:@fontsource/noto-sans', ok: true, required: true, detail: expect.stringMatching(/^version \d+\.\d+\.\d+, used by theme civic, default$/) },
      {
        id: 'font:@fontsource/no-such-font',
        ok: false,
        required: true,
        detail: 'not installed where the project or the toolkit can load it, used by theme civic',
        fix: 'npm install @fontsource/no-such-font',
      },
    ]);
  });

  it('checks the shipped theme’s fonts without a project', () => {
    const checks = checkFonts(undefined);
    expect(checks.map((c) => c.id)).toContain('font:@fontsource/noto-serif');
    expect(checks.every((c) => c.ok)).toBe(true);
  });

  it('finds the PDF tools on the PATH it is given, and they are optional', () => {
    const bin = tempDir();
    writeFileSync(path.join(bin, 'qpdf'), '');
    const checks = checkTools({ PATH: bin }, 'linux');
    expect(checks.map((c) => c.id)).toEqual(['tool:pdftotext', 'tool:pdfinfo', 'tool:pdffonts', 'tool:pdftoppm', 'tool:qpdf']);
    expect(checks.every((c) => !c.required)).toBe(true);
    expect(checks.at(-1)).toMatchObject({ ok: true, detail: `${path.join(bin, 'qpdf')} (the tests check PDF structure with it)` });
    expect(checks[0]).toMatchObject({ ok: false, fix: 'apt-get install -y poppler-utils' });
    expect(checkTools({ PATH: '' }, 'darwin')[0]?.fix).toBe('brew install poppler');
  });

  it('knows a project by blueprints/project.yaml', () => {
    const root = tempDir();
    expect(checkProject(root)).toMatchObject({ ok: false, required: false, fix: 'run blueprint doctor inside a project, or pass --project <dir>' });
    mkdirSync(path.join(root, 'blueprints'));
    writeFileSync(path.join(root, 'blueprints/project.yaml'), '');
    expect(checkProject(root)).toEqual({ id: 'project', ok: true, required: false, detail: root });
  });

  it('checks that out/ can be written, or made, and leaves nothing behind', async () => {
    const root = tempDir();
    expect(await checkOutput(path.join(root, 'out'))).toMatchObject({ ok: true, detail: expect.stringContaining('does not exist yet') });
    mkdirSync(path.join(root, 'out'));
    expect(await checkOutput(path.join(root, 'out'))).toEqual({ id: 'output', ok: true, required: true, detail: `${path.join(root, 'out')} is writable` });
    const { readdirSync } = await import('node:fs');
    expect(readdirSync(path.join(root, 'out'))).toEqual([]);
    writeFileSync(path.join(root, 'file'), '');
    expect(await checkOutput(path.join(root, 'file'))).toMatchObject({ ok: false, detail: `${path.join(root, 'file')} is a file, not a folder` });
  });

  // root writes anywhere, so the refusal can only be seen as another user.
  it.skipIf(process.getuid?.() === 0)('says how to fix an output folder it cannot write', async () => {
    const root = tempDir();
    mkdirSync(path.join(root, 'out'));
    chmodSync(path.join(root, 'out'), 0o555);
    expect(await checkOutput(path.join(root, 'out'))).toMatchObject({ ok: false, fix: expect.stringContaining('--out <a writable folder>') });
    chmodSync(path.join(root, 'out'), 0o755);
  });

  it('prints ✓ or ✗ per check, the fix under each failure, and which required checks failed', () => {
    const text = formatDoctorReport({
      ok: false,
      checks: [
        { id: 'node', ok: true, required: true, detail: 'Node 20.20.2' },
        { id: 'browser', ok: false, required: true, detail: 'none found', fix: 'apt-get install -y chromium' },
        { id: 'tool:qpdf', ok: false, required: false, detail: 'not on PATH', fix: 'apt-get install -y qpdf' },
      ],
    });
    expect(text).toBe(
      [
        '✓ node       Node 20.20.2',
        '✗ browser    none found',
        '             fix: apt-get install -y chromium',
        '✗ tool:qpdf  (optional) not on PATH',
        '             fix: apt-get install -y qpdf',
        '',
        'Not ready: 1 required check failed (browser).',
      ].join('\n'),
    );
  });
});
