import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { create as createFont } from 'fontkit';
import type { Element } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { PDFDocument, PDFName } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { collectMessages } from '../../src/diagnostics/report.js';
import { findBrowser } from '../../src/pdf/find-browser.js';
import { openBrowser } from '../../src/pdf/open-browser.js';
import { FontCatalog } from '../../src/theme/select-fonts.js';
import { readHtml, repoRoot } from '../helpers.js';
import { compact, compactPages, readContents } from '../read-contents.js';
import { sharedBuild } from './shared-build.js';

const editions = [
  { lang: 'es', dir: 'ltr', title: 'Acceso lingüístico', sentence: 'Las consecuencias pueden ser graves' },
  { lang: 'zh-Hans', dir: 'ltr', title: '语言服务', sentence: '后果可能很严重' },
  { lang: 'ar', dir: 'rtl', title: 'الوصول اللغوي', sentence: 'لا تستطيع ضحية جريمة أن تقدّم بلاغًا' },
] as const;

/** The shipped guide's Spanish, Chinese and Arabic editions, from the content tests' shared build (#10). */
describe('issue 10: the language-access guide in Spanish, Chinese and Arabic', () => {
  let out: string;
  let diagnostics: { ruleId?: string | null }[] = [];
  const catalog = new FontCatalog();
  const theme = parse(readFileSync(path.join(repoRoot, 'themes/default/theme.yaml'), 'utf8')) as {
    fonts: { body: string; heading: string; fallback: string[] };
  };
  const file = (lang: string, ext: string) => path.join(out, `new-york-city/${lang}/language-access.${ext}`);

  beforeAll(async () => {
    // The content tests' one build of the shipped project holds these editions (its default city in every
    // language): read them there, so the suite prints them once.
    const shared = await sharedBuild();
    expect(shared.result.code).toBe(0);
    out = shared.outDir;
    diagnostics = collectMessages(shared.result.files);
  });

  for (const edition of editions) {
    describe(edition.lang, () => {
      it('prints in every contents entry the page its heading is on', async () => {
        const entries = await readContents(file(edition.lang, 'pdf'), file(edition.lang, 'html'), edition.dir);
        // In right-to-left pages poppler reads the "1." that starts a heading as ".1" (the period is left of the
        // digit on the page, where it belongs) and can cut a heading's line in two around the short last line of
        // the paragraph above; there every word of the heading, without full stops, must be on the page.
        const rtl = edition.dir === 'rtl';
        const key = (text: string) => (rtl ? text.replaceAll('.', '') : text);
        const pages = compactPages(file(edition.lang, 'pdf')).map(key);
        expect(entries.length).toBeGreaterThan(20);
        for (const entry of entries) {
          expect(entry.printed, `"${entry.text}" has a number`).toBeDefined();
          expect(entry.printed, `"${entry.text}"`).toBe(entry.target);
          for (const part of rtl ? entry.text.split(/\s+/).filter((word) => key(compact(word))) : [entry.text]) {
            expect(pages[(entry.target as number) - 1], `"${entry.text}" on page ${entry.target}`).toContain(key(compact(part)));
          }
        }
      });

      it('gives its text to pdftotext in logical order, with every font embedded, none of them Thin', () => {
        const pages = compactPages(file(edition.lang, 'pdf'));
        expect(pages.join('')).toContain(compact(edition.sentence));
        const fonts = execFileSync('pdffonts', [file(edition.lang, 'pdf')], { encoding: 'utf8' })
          .split('\n')
          .slice(2)
          .filter(Boolean);
        for (const line of fonts) {
          expect(line).toMatch(/^[A-Z]{6}\+Noto\S*-(Regular|Bold|Italic|BoldItalic) /);
          expect(line.split(/\s+/).at(-5), line).toBe('yes');
        }
      });

      it('has a glyph in a bundled font for every character pdftotext returns (no tofu), none from the system', () => {
        const pdf = file(edition.lang, 'pdf');
        const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
        // Every font of the PDF is one of the files the build copied from the @fontsource packages, none from the machine.
        const fontsDir = path.join(out, 'assets/fonts');
        const shipped = new Set(readdirSync(fontsDir).map((name) => createFont(readFileSync(path.join(fontsDir, name))).postscriptName));
        for (const line of fonts) expect(shipped, line).toContain((line.split(/\s+/)[0] as string).replace(/^[A-Z]{6}\+/, ''));
        for (const line of fonts) expect(line.split(/\s+/).at(-5), line).toBe('yes');
        const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
        const chars = [...new Set(text)].filter((c) => !/^[\s\p{Cc}\p{Cf}]$/u.test(c));
        expect(chars.length).toBeGreaterThan(60);
        const sheets = ['400.css', '400-italic.css', '700.css', '700-italic.css'];
        const uncovered = chars.filter(
          (c) =>
            ![theme.fonts.body, theme.fonts.heading, ...theme.fonts.fallback].some((pkg) =>
              sheets.some((sheet) => catalog.faces(pkg, sheet).some((face) => catalog.hasGlyph(face.file, c.codePointAt(0) as number))),
            ),
        );
        expect(uncovered.map((c) => `${c} U+${(c.codePointAt(0) as number).toString(16)}`)).toEqual([]);
        expect(diagnostics.filter((d) => d.ruleId === 'glyph-missing')).toEqual([]);
      });

      it('stores its language, title and draft status in the PDF', async () => {
        const info = execFileSync('pdfinfo', [file(edition.lang, 'pdf')], { encoding: 'utf8' });
        expect(info).toContain(`Title:           ${edition.title} — `);
        const doc = await PDFDocument.load(readFileSync(file(edition.lang, 'pdf')), { updateMetadata: false });
        expect(doc.catalog.get(PDFName.of('Lang'))?.toString()).toBe(`(${edition.lang})`);
        expect(doc.getKeywords()).toMatch(/\S/);
        expect(info).toMatch(/Keywords:.*(traducción|翻译|ترجمة)/);
      });

      it('marks the document and every passage in another language with lang and dir', () => {
        const html = readHtml(file(edition.lang, 'html'));
        expect((select('html', html) as Element).properties).toMatchObject({ lang: edition.lang, dir: edition.dir });
        for (const element of selectAll('body [lang]', html)) {
          const lang = String(element.properties.lang);
          if (lang !== edition.lang) expect(element.properties.dir, `${element.tagName} lang=${lang}`).toBe(lang === 'ar' ? 'rtl' : 'ltr');
        }
        // The sections without a translation are English, marked; the translated ones are not.
        const sections = path.join(repoRoot, 'blueprints/language-access/sections');
        const untranslated = readdirSync(sections).filter(
          (name) => /^[^.]+\.md$/.test(name) && !existsSync(path.join(sections, name.replace(/\.md$/, `.${edition.lang}.md`))),
        );
        expect(selectAll('section.part[lang=en]', html)).toHaveLength(untranslated.length);
        if (untranslated.length === 0) {
          // Every section and case study is translated: only cited sources (their titles, in the sources list
          // and the notes) stay English.
          const notes = new Set(selectAll('[data-footnotes] [lang=en], .footnotes [lang=en]', html));
          const english = selectAll('body [lang=en]', html).filter(
            (element) => !notes.has(element) && !String(element.properties.className).includes('source'),
          );
          expect(english.map((element) => `${element.tagName}.${element.properties.className}`)).toEqual([]);
        }
        expect(select('.translation-draft', html)).not.toBeNull();
      });
    });
  }

  it('never scrolls sideways at 320, 390 or 1280 px', async () => {
    const choice = await findBrowser({ env: process.env });
    await using browser = await openBrowser(choice.executablePath);
    const page = await browser.browser.newPage();
    for (const edition of editions) {
      for (const width of [320, 390, 1280]) {
        await page.setViewport({ width, height: 800 });
        await page.goto(`file://${file(edition.lang, 'html')}`, { waitUntil: 'load' });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `${edition.lang} at ${width} px`).toBeLessThanOrEqual(0);
        if (process.env.BLUEPRINT_SCREENSHOTS) await page.screenshot({ path: path.join(process.env.BLUEPRINT_SCREENSHOTS, `${edition.lang}-${width}.png`) });
      }
    }
    await page.close();
  });
});
