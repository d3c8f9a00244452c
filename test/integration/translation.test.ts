import { readFileSync, writeFileSync } from 'node:fs';
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
  });
});
