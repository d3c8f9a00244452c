import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Element } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toString as hastToString } from 'hast-util-to-string';
import { describe, expect, it } from 'vitest';
import type { DiagnosticJson } from '../../src/diagnostics/report.js';
import { copyFixture, edit, readHtml, run } from '../helpers.js';

/** A copy of the basic fixture with Spanish: the welcome-desk titles, one of its two sections, Springfield's case study. */
function spanishProject(): string {
  const root = copyFixture('basic');
  edit(root, 'blueprints/project.yaml', 'languages: [en]', 'languages: [en, es]');
  writeFileSync(
    path.join(root, 'blueprints/welcome-desk/blueprint.es.yaml'),
    'title: Mostrador de bienvenida\nsubtitle: Una puerta de entrada para nuevos residentes\nsummary: Cómo una ciudad abre un mostrador de bienvenida.\n',
  );
  writeFileSync(path.join(root, 'blueprints/cities/springfield/city.es.yaml'), 'government: Ciudad de Springfield\n');
  writeFileSync(
    path.join(root, 'blueprints/welcome-desk/sections/01-why.es.md'),
    '# Por qué importa\n\nEsta guía es para :city[government] y su :city[office].[^n]\n\n[^n]: Nota de prueba.\n',
  );
  const english = readFileSync(path.join(root, 'blueprints/cities/springfield/case-studies/welcome-desk-model.md'), 'utf8');
  const body = english.slice(english.indexOf('---', 3) + 4);
  writeFileSync(
    path.join(root, 'blueprints/cities/springfield/case-studies/welcome-desk-model.es.md'),
    `---\ntitle: El mostrador de Springfield\n---\n${body.replace('Springfield opened its SPRINGFIELD-DESK-MARKER desk in the city hall lobby.', 'Springfield abrió su mostrador MARCADOR-ES en el vestíbulo.')}`,
  );
  return root;
}

describe('a translated edition', () => {
  it('builds out/<city>/es/ with the Spanish text, interface words and lang, and warns about untranslated sections', async () => {
    const root = spanishProject();
    const result = await run(['build', '--lang', 'es', '--format', 'html', '--json'], root);
    expect(result.code, result.stderr).toBe(0);
    const { diagnostics, manifest } = JSON.parse(result.stdout) as { diagnostics: DiagnosticJson[]; manifest: { documents: { blueprint: string }[] } };
    // #10: only the blueprint with a Spanish title is published in Spanish.
    expect(manifest.documents.map((d) => d.blueprint)).toEqual(['welcome-desk']);
    expect(diagnostics.filter((d) => d.ruleId === 'untranslated').map((d) => path.basename(d.file ?? ''))).toEqual(['02-steps.md']);
    const html = readHtml(path.join(root, 'out/springfield/es/welcome-desk.html'));
    expect((select('html', html) as Element).properties.lang).toBe('es');
    expect(hastToString(select('nav.toc h2', html) as Element)).toBe('Índice');
    expect(hastToString(select('main', html) as Element)).toContain('Esta guía es para Ciudad de Springfield y su Springfield Office of New Neighbors.');
    expect(hastToString(select('aside.case-study', html) as Element)).toContain('MARCADOR-ES');
    expect(selectAll('section.sources h2', html).map((h) => hastToString(h))).toEqual(['Fuentes']);
  });

  it('translates the cover, title and case-study title, and marks every English passage as English (#10)', async () => {
    const root = spanishProject();
    const result = await run(['build', 'welcome-desk', '--lang', 'es', '--format', 'html'], root);
    expect(result.code, result.stderr).toBe(0);
    const html = readHtml(path.join(root, 'out/springfield/es/welcome-desk.html'));
    expect(hastToString(select('title', html) as Element)).toBe('Mostrador de bienvenida — Edición de Springfield');
    expect(hastToString(select('h1.cover-title', html) as Element)).toBe('Mostrador de bienvenida');
    expect(hastToString(select('.cover-government', html) as Element)).toBe('Ciudad de Springfield');
    expect(hastToString(select('aside.case-study h3', html) as Element)).toBe('El mostrador de Springfield');
    // The office has no Spanish name: printed in English, marked, inside the Spanish sentence.
    const office = select('section.part-1 p span[lang=en]', html) as Element;
    expect(hastToString(office)).toBe('Springfield Office of New Neighbors');
    expect((select('.cover-office', html) as Element).properties.lang).toBe('en');
    // The untranslated section is English, marked, after a note in Spanish.
    const steps = select('section.part-2', html) as Element;
    expect(steps.properties).toMatchObject({ lang: 'en', dir: 'ltr' });
    expect(hastToString(select('section.part-2 .untranslated-note', html) as Element)).toBe('Esta parte aún no se ha traducido; se muestra en inglés.');
    expect((select('.untranslated-note', html) as Element).properties.lang).toBe('es');
    expect((select('.toc a[href="#steps-to-open-a-desk"] .toc-text', html) as Element).properties.lang).toBe('en');
    // The case study in that English section is the edition's: its label and translated title are Spanish.
    expect((select('section.part-2 aside.case-study', html) as Element).properties).toMatchObject({ lang: 'es', dir: 'ltr' });
    expect((select('aside.case-study h3', html) as Element).properties.lang).toBeUndefined();
    // Found by a fork's walkthrough: an untranslated case study's title is marked English, as its text is.
    rmSync(path.join(root, 'blueprints/cities/springfield/case-studies/welcome-desk-model.es.md'));
    const rebuilt = await run(['build', 'welcome-desk', '--lang', 'es', '--format', 'html', '--json'], root);
    expect(rebuilt.code).toBe(0);
    // Said like an untranslated section: the docs promise a warning for anything printed untranslated.
    const warned = (JSON.parse(rebuilt.stdout) as { diagnostics: DiagnosticJson[] }).diagnostics.filter((d) => d.ruleId === 'untranslated');
    expect(warned.map((d) => `${path.basename(d.file ?? '')}: ${d.message} | ${d.hint}`)).toContain(
      'welcome-desk-model.md: No es translation of this case study; printing the en text | Add welcome-desk-model.es.md next to it.',
    );
    const untranslated = readHtml(path.join(root, 'out/springfield/es/welcome-desk.html'));
    expect((select('aside.case-study h3', untranslated) as Element).properties).toMatchObject({ lang: 'en', dir: 'ltr' });
  });

  // Found by a fork's walkthrough: a #link to a heading of the English guide broke the Spanish edition,
  // whose translated heading has another id, and the error said neither which edition nor what to do.
  it('says which edition lacks a heading id the source text has, and how to keep one id in both languages', async () => {
    const root = spanishProject();
    const study = 'blueprints/cities/springfield/case-studies/welcome-desk-model.es.md';
    edit(root, study, 'Springfield abrió', '[Por qué](#why-it-matters). Springfield abrió');
    const broken = await run(['build', 'welcome-desk', '--format', 'html', '--json'], root);
    expect(broken.code).toBe(1);
    const errors = (JSON.parse(broken.stdout) as { diagnostics: DiagnosticJson[] }).diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => `${path.basename(d.file ?? '')} ${d.ruleId} ${d.message} | ${d.hint}`)).toEqual([
      'welcome-desk-model.es.md broken-fragment Broken link in the Spanish edition: "#why-it-matters" is a heading\'s id in the source text, and its Spanish translation gives that heading another id | Give the heading the same id in both languages: write {#why-it-matters} at the end of the heading in the section file and in its Spanish translation.',
    ]);
    edit(root, 'blueprints/welcome-desk/sections/01-why.es.md', '# Por qué importa', '# Por qué importa {#why-it-matters}');
    const fixed = await run(['build', 'welcome-desk', '--format', 'html'], root);
    expect(fixed.code, fixed.stderr).toBe(0);
    expect(readFileSync(path.join(root, 'out/springfield/es/welcome-desk.html'), 'utf8')).toContain('<h2 id="why-it-matters">Por qué importa</h2>');
  });

  // A link from a Spanish guide to a guide published only in English went to es/<guide>.html, never built.
  it('links a translated guide to the English page of a guide not published in its language', async () => {
    const root = spanishProject();
    edit(
      root,
      'blueprints/welcome-desk/sections/01-why.es.md',
      '# Por qué importa\n',
      '# Por qué importa\n\nVea [la línea](../../language-line/sections/02-steps.md).\n',
    );
    const result = await run(['build', '--format', 'html'], root);
    expect(result.code, result.stderr).toBe(0);
    const html = readFileSync(path.join(root, 'out/springfield/es/welcome-desk.html'), 'utf8');
    const href = /<a href="([^"]+)">la línea<\/a>/.exec(html)?.[1] ?? '';
    expect(href).toMatch(/^\.\.\/en\/language-line\.html#/);
    const [file = '', id = ''] = href.split('#');
    expect(readFileSync(path.join(root, 'out/springfield/es', file), 'utf8')).toContain(`<h2 id="${decodeURIComponent(id)}">`);
  });

  it('issue 10: says what is translated, stale or orphaned, and check --strict fails on it', async () => {
    const root = spanishProject();
    const status = async () => {
      const result = await run(['i18n', 'status', '--json'], root);
      expect(result.code, result.stderr).toBe(0);
      return (JSON.parse(result.stdout) as { translations: { source: string; translation: string; state: string; sourceHash?: string }[] }).translations;
    };
    const before = await status();
    const why = before.find((e) => e.source === 'blueprints/welcome-desk/sections/01-why.md');
    expect(why).toMatchObject({ state: 'untracked', translation: 'blueprints/welcome-desk/sections/01-why.es.md' });
    expect(before.find((e) => e.source === 'blueprints/welcome-desk/sections/02-steps.md')?.state).toBe('missing');
    // Record the hash of the English it was made from: translated.
    const file = path.join(root, 'blueprints/welcome-desk/sections/01-why.es.md');
    writeFileSync(file, `---\ntranslation:\n  source: ${why?.sourceHash}\n---\n${readFileSync(file, 'utf8')}`);
    expect((await status()).find((e) => e.source === why?.source)?.state).toBe('translated');
    // The English changes: stale, and a translation of a section that was renamed is orphaned.
    edit(root, 'blueprints/welcome-desk/sections/01-why.md', 'one place to start', 'one clear place to start');
    writeFileSync(path.join(root, 'blueprints/welcome-desk/sections/03-old.es.md'), '# Viejo\n');
    const after = await status();
    expect(after.find((e) => e.source === why?.source)?.state).toBe('stale');
    expect(after.filter((e) => e.state === 'orphaned').map((e) => e.translation)).toEqual(['blueprints/welcome-desk/sections/03-old.es.md']);

    const checked = await run(['check', '--json'], root);
    expect(checked.code, checked.stderr).toBe(0);
    const { diagnostics } = JSON.parse(checked.stdout) as { diagnostics: DiagnosticJson[] };
    const stale = diagnostics.find((d) => d.ruleId === 'translation-stale');
    expect(stale).toMatchObject({ severity: 'warning', line: 3, column: 11 });
    expect(stale?.file).toMatch(/01-why\.es\.md$/);
    expect(stale?.message).toMatch(/^The es translation is stale: 01-why\.md changed since it was translated \(recorded [0-9a-f]{16}, now [0-9a-f]{16}\)$/);
    const orphan = diagnostics.find((d) => d.ruleId === 'translation-orphaned');
    expect(orphan?.file).toMatch(/03-old\.es\.md$/);
    expect(orphan?.message).toBe('This es translation is never used: 03-old.md is not a section of blueprint.yaml');
    expect(orphan?.hint).toBe('Rename it after the file it translates (e.g. 01-why.md → 01-why.es.md), or delete it if that file was removed.');
    // --strict makes every warning an error (#13), the stale and orphaned translations among them (#10).
    const strict = await run(['check', '--strict', '--json'], root);
    expect(strict.code).toBe(1);
    const strictErrors = (JSON.parse(strict.stdout) as { diagnostics: DiagnosticJson[] }).diagnostics
      .filter((d) => d.severity === 'error')
      .map((d) => d.ruleId)
      .sort();
    expect(strictErrors).toEqual(
      diagnostics
        .filter((d) => d.severity === 'warning')
        .map((d) => d.ruleId)
        .sort(),
    );
    expect(strictErrors).toEqual(expect.arrayContaining(['translation-orphaned', 'translation-stale']));
  });

  it('names the translation’s name after the source it most likely translates, when a slip renamed it', async () => {
    const root = copyFixture('editions');
    const sections = path.join(root, 'blueprints/welcome-desk/sections');
    renameSync(path.join(sections, '01-why.es.md'), path.join(sections, '01-whyy.es.md'));
    const checked = await run(['check', '--json'], root);
    const orphan = (JSON.parse(checked.stdout) as { diagnostics: DiagnosticJson[] }).diagnostics.find((d) => d.ruleId === 'translation-orphaned');
    expect(orphan?.message).toBe('This es translation is never used: 01-whyy.md is not a section of blueprint.yaml');
    expect(orphan?.hint).toBe('Rename it after the file it translates (01-whyy.es.md → 01-why.es.md), or delete it if that file was removed.');
  });
});
