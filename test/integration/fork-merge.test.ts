import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Element } from 'hast';
import { select } from 'hast-util-select';
import { toString as hastToString } from 'hast-util-to-string';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DiagnosticJson } from '../../src/diagnostics/report.js';
import { edit, fixture, pdfPages, readHtml, repoRoot, run } from '../helpers.js';

/** Real git, with an identity and branch name of its own, never the machine's settings. */
function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', '-c', 'pull.rebase=false', ...args], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Test',
      GIT_AUTHOR_EMAIL: 'test@example.org',
      GIT_COMMITTER_NAME: 'Test',
      GIT_COMMITTER_EMAIL: 'test@example.org',
      GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_CONFIG_NOSYSTEM: '1',
    },
  });
}

const write = (root: string, file: string, text: string) => writeFileSync(path.join(root, file), text);

/**
 * #11 "Forking without friction": upstream and a fork in a temporary git repository. The fork adds a city
 * (with `blueprint new city`: a theme that extends the default), case studies, a translation and its own
 * settings; upstream then changes guide text, the default theme's CSS, its version and its date. The merge
 * must have no conflicts, and the fork's edition must build and show upstream's changes.
 */
describe('#11 an upstream and a fork in git', () => {
  let upstream: string;
  let fork: string;
  let forkBase: string;
  let forkHead: string;
  let merge: string;

  beforeAll(async () => {
    const base = mkdtempSync(path.join(os.tmpdir(), 'bp-fork-'));
    upstream = path.join(base, 'upstream');
    fork = path.join(base, 'fork');
    // Upstream: a project with its own copy of the default theme, as this repository has.
    cpSync(fixture('basic'), upstream, { recursive: true });
    cpSync(path.join(repoRoot, 'themes', 'default'), path.join(upstream, 'themes', 'default'), { recursive: true });
    write(upstream, '.gitignore', 'out/\n');
    git(upstream, 'init', '-q');
    git(upstream, 'add', '-A');
    git(upstream, 'commit', '-qm', 'Upstream release 1.0');

    // The fork adds only files of its own.
    git(base, 'clone', '-q', upstream, fork);
    forkBase = git(fork, 'rev-parse', 'HEAD').trim();
    const created = await run(
      [
        'new',
        'city',
        'saint-paul',
        '--name',
        'Saint Paul',
        '--state',
        'Minnesota',
        '--office',
        'Office of Immigrant Affairs',
        '--website',
        'https://www.stpaul.gov/',
      ],
      fork,
    );
    expect(created.code, created.stderr).toBe(0);
    write(fork, 'blueprints/fork.yaml', 'default_city: saint-paul\nlanguages: [en, es]\nfallback: [riverton, springfield]\n');
    edit(fork, 'themes/saint-paul/theme.yaml', 'primary: "#1b3a6b"', 'primary: "#004b6b"');
    write(fork, 'themes/saint-paul/theme.yaml', `${readFileSync(path.join(fork, 'themes/saint-paul/theme.yaml'), 'utf8')}css: [saint-paul.css]\n`);
    write(fork, 'themes/saint-paul/saint-paul.css', '.cover-title { text-transform: none; } /* FORK-CSS-MARKER */\n');
    const study = [
      '---',
      'city: saint-paul',
      'slot: welcome-desk-model',
      'title: "Saint Paul: a welcome desk in the library"',
      'year: 2024',
      'sources:',
      '  - title: Welcome desk report',
      '    publisher: City of Saint Paul',
      '    year: 2024',
      '    url: https://www.stpaul.gov/',
      '---',
      '',
      'Saint Paul opened its SAINT-PAUL-DESK-MARKER desk in the central library.',
      '',
    ].join('\n');
    write(fork, 'blueprints/cities/saint-paul/case-studies/welcome-desk-model.md', study);
    // #10: a translated case study's front matter holds only its title; the rest comes from the English file.
    write(
      fork,
      'blueprints/cities/saint-paul/case-studies/welcome-desk-model.es.md',
      '---\ntitle: "Saint Paul: un mostrador de bienvenida en la biblioteca"\n---\n\nSaint Paul abrió su mostrador MARCADOR-SAINT-PAUL-ES.\n',
    );
    // #10: a guide is published in the languages it has titles for.
    write(fork, 'blueprints/welcome-desk/blueprint.es.yaml', 'title: Mostrador de bienvenida\nsummary: Cómo una ciudad abre un mostrador de bienvenida.\n');
    write(fork, 'blueprints/welcome-desk/sections/01-why.es.md', '# Por qué importa\n\nEsta guía es para :city[government].\n');
    git(fork, 'add', '-A');
    git(fork, 'commit', '-qm', 'Saint Paul edition');
    forkHead = git(fork, 'rev-parse', 'HEAD').trim();

    // Upstream's next release: guide text, the default theme's CSS, version and date.
    edit(upstream, 'blueprints/welcome-desk/sections/01-why.md', /^# (.*)$/m, '# $1\n\nUPSTREAM-TEXT-MARKER: a sentence added upstream.');
    write(
      upstream,
      'themes/default/screen.css',
      `${readFileSync(path.join(upstream, 'themes/default/screen.css'), 'utf8')}.colophon { letter-spacing: 0.01em; } /* UPSTREAM-CSS-MARKER */\n`,
    );
    edit(upstream, 'blueprints/project.yaml', 'version: "1.0"', 'version: "1.1"');
    edit(upstream, 'blueprints/project.yaml', 'date: 2025-06-01', 'date: 2025-09-01');
    git(upstream, 'commit', '-qam', 'Upstream release 1.1');

    merge = git(fork, 'pull', '--no-edit', 'origin', 'main');
  });

  it('adds files only: the fork changes no file upstream has', () => {
    expect(git(fork, 'diff', '--name-only', '--diff-filter=MDR', forkBase, forkHead).trim()).toBe('');
    const added = git(fork, 'diff', '--name-only', '--diff-filter=A', forkBase, forkHead).trim().split('\n');
    expect(added).toContain('blueprints/fork.yaml');
    expect(added).toContain('themes/saint-paul/theme.yaml');
    expect(added.every((file) => file.startsWith('blueprints/') || file.startsWith('themes/'))).toBe(true);
  });

  it('merges upstream without conflicts', () => {
    expect(merge).toMatch(/Merge made by/);
    expect(git(fork, 'diff', '--name-only', '--diff-filter=U').trim()).toBe('');
    expect(git(fork, 'status', '--porcelain').trim()).toBe('');
    expect(readFileSync(path.join(fork, 'blueprints/project.yaml'), 'utf8')).toContain('version: "1.1"');
  });

  it("builds the fork's edition with upstream's text, CSS, version and date", async () => {
    const result = await run(['build', 'welcome-desk', '--json'], fork);
    expect(result.code, result.stderr).toBe(0);
    const { manifest, diagnostics } = JSON.parse(result.stdout) as { manifest: { documents: { city: string; lang: string }[] }; diagnostics: DiagnosticJson[] };
    // fork.yaml decides the edition and the languages.
    expect(manifest.documents.map((d) => `${d.city}/${d.lang}`)).toEqual(['saint-paul/en', 'saint-paul/es']);
    // The one slot Saint Paul has not written is said once, for the edition, not per slot.
    expect(diagnostics.filter((d) => d.ruleId === 'edition-stubs').map((d) => d.message)).toEqual([]);

    const html = readFileSync(path.join(fork, 'out/saint-paul/en/welcome-desk.html'), 'utf8');
    const style = html.slice(html.indexOf('<style>'), html.indexOf('</style>'));
    expect(style).toContain('UPSTREAM-CSS-MARKER');
    // The fork's own stylesheet comes after the default theme's, and its primary colour wins.
    expect(style.indexOf('FORK-CSS-MARKER')).toBeGreaterThan(style.indexOf('UPSTREAM-CSS-MARKER'));
    expect(style).toContain('--bp-primary:#004b6b');
    const tree = readHtml(path.join(fork, 'out/saint-paul/en/welcome-desk.html'));
    expect(hastToString(select('main', tree) as Element)).toContain('UPSTREAM-TEXT-MARKER');
    expect(hastToString(select('aside.case-study', tree) as Element)).toContain('SAINT-PAUL-DESK-MARKER');
    const meta = hastToString(select('.cover-meta', tree) as Element);
    expect(meta).toContain('1.1');
    expect(meta).toContain('September 1, 2025');

    const es = readHtml(path.join(fork, 'out/saint-paul/es/welcome-desk.html'));
    expect(hastToString(select('aside.case-study', es) as Element)).toContain('MARCADOR-SAINT-PAUL-ES');
    expect(hastToString(select('main', es) as Element)).toContain('Esta guía es para City of Saint Paul.');

    const pdf = pdfPages(path.join(fork, 'out/saint-paul/en/welcome-desk.pdf')).join('\n');
    expect(pdf).toContain('SAINT-PAUL-DESK-MARKER');
    expect(pdf).toContain('UPSTREAM-TEXT-MARKER');
  });
});
