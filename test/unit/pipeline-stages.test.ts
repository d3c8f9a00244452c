import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { type Edition, resolveEdition } from '../../src/edition/resolve-edition.js';
import { loadProject, type Project } from '../../src/project/load-project.js';
import { isInside, locateInside } from '../../src/project/read-inside.js';
import { pageRules } from '../../src/theme/page-rules.js';
import { FontCatalog, selectFonts } from '../../src/theme/select-fonts.js';
import { checkSchema } from '../../src/validate/check-schema.js';
import { parseYaml } from '../../src/validate/parse-yaml.js';
import { citySchema } from '../../src/validate/schemas/city.js';
import { fixture } from '../helpers.js';

describe('load stage', () => {
  it('reads the fixture project in the declared order with its cities, slots and case studies', async () => {
    const { project, files } = await loadProject(fixture('basic'));
    expect(files.flatMap((f) => f.messages)).toEqual([]);
    expect(project?.blueprints.map((b) => b.id)).toEqual(['welcome-desk', 'language-line']);
    expect([...(project?.cities.keys() ?? [])]).toEqual(['riverton', 'springfield']);
    expect([...(project?.slots.keys() ?? [])]).toEqual(['welcome-desk-model', 'language-line-model']);
    expect(project?.caseStudies.map((c) => `${c.city}/${c.slot}`).sort()).toEqual([
      'riverton/language-line-model',
      'riverton/welcome-desk-model',
      'springfield/welcome-desk-model',
    ]);
  });
});

describe('validate stage', () => {
  it('maps a nested schema problem to the YAML node that holds it', () => {
    const file = new VFile({ path: 'city.yaml' });
    const parsed = parseYaml(
      file,
      'name: X\ngovernment: G\noffice: O\nstate: S\nwebsite: https://x.example\ncolors:\n  primary: "#12345"\n  accent: "#123456"\n',
    );
    expect(checkSchema(parsed, citySchema, 'the city profile')).toBeUndefined();
    expect(file.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`)).toEqual(['7:12 wrong-type']);
  });
});

describe('resolve-variant stage', () => {
  let project: Project;
  it('fills slots from the edition city, then the fallback chain, then overrides', async () => {
    project = (await loadProject(fixture('basic'))).project as Project;
    const request = new VFile();
    const springfield = resolveEdition(project, { city: 'springfield' }, request) as Edition;
    expect([...springfield.fills.values()].map((f) => `${f.slot}:${f.caseStudy.city}:${f.source}`)).toEqual([
      'language-line-model:riverton:fallback',
      'welcome-desk-model:springfield:edition',
    ]);
    const swapped = resolveEdition(project, { city: 'springfield', caseStudies: { 'welcome-desk-model': 'riverton' } }, request) as Edition;
    expect(swapped.fills.get('welcome-desk-model')?.source).toBe('override');
    expect(request.messages).toEqual([]);
    expect(resolveEdition(project, { city: 'springfield', caseStudies: { 'language-line-model': 'springfield' } }, request)).toBeUndefined();
    expect(request.messages.map((m) => `${m.ruleId}: ${m.reason}`)).toEqual(['no-case-study: springfield has no case study for slot "language-line-model"']);
  });
});

describe('theme stage', () => {
  it('emits only the font subsets the text needs', () => {
    const catalog = new FontCatalog();
    const stack = [
      { pkg: '@fontsource/noto-sans', sheets: ['400.css'] },
      { pkg: '@fontsource/noto-sans-sc', sheets: ['400.css'], fallback: true },
    ];
    const latin = selectFonts(catalog, stack, 'Hello', '');
    expect(latin.files.map((f) => f.output)).toEqual(['assets/fonts/noto-sans-latin-400-normal.woff2']);
    const chinese = selectFonts(catalog, stack, 'Hello 中文', '');
    expect(chinese.files.length).toBeGreaterThan(1);
    expect(chinese.files.every((f) => f.output.includes('latin') || f.output.includes('noto-sans-sc'))).toBe(true);
    expect(chinese.css).toContain('font-family:"Noto Sans SC"');
    expect(latin.files.every((f) => f.output.startsWith('assets/fonts/'))).toBe(true);
  });

  it('gives each part a named page with its own running header, and none on the cover', () => {
    const css = pageRules({
      paper: 'a4',
      page: { header: '{title}', footer: '{government}', margin: '20mm 19mm' },
      partBreak: 'page',
      values: { title: 'Guide "One"', government: 'City of X' },
      muted: '#555555',
      background: '#ffffff',
      parts: ['Why', 'How'],
      strings: { pageOf: 'Page {page} of {pages}', contents: 'Contents', notesAndSources: 'Notes and sources', aboutGuide: 'About this guide' },
      fontFamily: 'sans-serif',
      counterStyle: 'decimal',
      dir: 'ltr',
    });
    expect(css).toContain('size:A4');
    expect(css).toContain('content:"Guide \\22 One\\22 "');
    expect(css).toContain('section.part-2{page:part-2}');
    expect(css).toMatch(/@page part-2\{@top-right\{content:"How"/);
    expect(css).toContain('@page cover{margin:0;@top-left{content:none}');
  });

  it('mirrors running heads and footers in a right-to-left document and counts pages in its digits (#10)', () => {
    const css = pageRules({
      paper: 'letter',
      page: { header: '{title}', footer: '{government}', margin: '20mm 19mm' },
      partBreak: 'page',
      values: { title: 'الوصول اللغوي', government: 'مدينة نيويورك' },
      muted: '#555555',
      background: '#ffffff',
      parts: ['لماذا', 'كيف'],
      strings: { pageOf: 'الصفحة {page} من {pages}', contents: 'المحتويات', notesAndSources: 'الحواشي والمصادر', aboutGuide: 'عن هذا الدليل' },
      fontFamily: 'sans-serif',
      counterStyle: 'arabic-indic',
      dir: 'rtl',
    });
    expect(css).toMatch(/@top-right\{content:"الوصول اللغوي";[^}]*text-align:right;[^}]*direction:rtl/);
    expect(css).toMatch(/@bottom-left\{content:"الصفحة " counter\(page,arabic-indic\) " من " counter\(pages,arabic-indic\)/);
    expect(css).toMatch(/@page part-2\{@top-left\{content:"كيف"/);
  });
});

describe('safe paths', () => {
  it('refuses paths that leave the project', () => {
    expect(locateInside('/p', '/p/blueprints/a', '../../../etc/passwd')).toEqual({ problem: 'outside' });
    expect(locateInside('/p', '/p/blueprints/a', '/etc/passwd')).toEqual({ problem: 'outside' });
    expect(locateInside('/p', '/p/blueprints/a', 'images/x.png')).toEqual({ problem: 'missing' });
    expect(isInside('/p', '/p-other/x')).toBe(false);
    expect(isInside('/p', '/p/..x')).toBe(true);
  });
});
