import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Element } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toString as hastToString } from 'hast-util-to-string';
import { describe, expect, it } from 'vitest';
import type { DiagnosticJson } from '../../src/diagnostics/report.js';
import { copyFixture, edit, readHtml, run } from '../helpers.js';

describe('a translated edition', () => {
  it('builds out/<city>/es/ with the Spanish text, interface words and lang, and warns about untranslated sections', async () => {
    const root = copyFixture('basic');
    edit(root, 'blueprints/project.yaml', 'languages: [en]', 'languages: [en, es]');
    writeFileSync(
      path.join(root, 'blueprints/welcome-desk/sections/01-why.es.md'),
      '# Por qué importa\n\nEsta guía es para :city[government].[^n]\n\n[^n]: Nota de prueba.\n',
    );
    writeFileSync(
      path.join(root, 'blueprints/cities/springfield/case-studies/welcome-desk-model.es.md'),
      readFileSync(path.join(root, 'blueprints/cities/springfield/case-studies/welcome-desk-model.md'), 'utf8').replace(
        'Springfield opened its SPRINGFIELD-DESK-MARKER desk in the city hall lobby.',
        'Springfield abrió su mostrador MARCADOR-ES en el vestíbulo.',
      ),
    );
    const result = await run(['build', 'welcome-desk', '--lang', 'es', '--format', 'html', '--json'], root);
    expect(result.code, result.stderr).toBe(0);
    const { diagnostics } = JSON.parse(result.stdout) as { diagnostics: DiagnosticJson[] };
    expect(diagnostics.filter((d) => d.ruleId === 'untranslated').map((d) => path.basename(d.file ?? ''))).toEqual(['02-steps.md']);
    const html = readHtml(path.join(root, 'out/springfield/es/welcome-desk.html'));
    expect((select('html', html) as Element).properties.lang).toBe('es');
    expect(hastToString(select('nav.toc h2', html) as Element)).toBe('Índice');
    expect(hastToString(select('main', html) as Element)).toContain('Esta guía es para City of Springfield.');
    expect(hastToString(select('aside.case-study', html) as Element)).toContain('MARCADOR-ES');
    expect(selectAll('section.sources h2', html).map((h) => hastToString(h))).toEqual(['Fuentes']);
  });
});
