import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/index.js';
import type { ProgressEvent } from '../../src/pipeline/settings.js';
import { pdfPages } from '../helpers.js';
import { checkContents } from '../pdf-contents.js';
import { textOf } from '../pdf-tagging.js';

type PdfEvent = Extract<ProgressEvent, { type: 'pdf' }>;

const words = 'city residents office program staff language access service partner community budget plan policy report data training outreach family'.split(
  ' ',
);
let seed = 12;
const next = (n: number) => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed % n;
};
const sentence = () => `${Array.from({ length: 9 + next(8) }, () => words[next(words.length)]).join(' ')}.`.replace(/^./, (c) => c.toUpperCase());
const paragraph = (n: number) => Array.from({ length: n }, sentence).join(' ');

/** `count` second-level sections of one short paragraph each: one contents entry apiece. */
const steps = (count: number, name: string) => Array.from({ length: count }, (_, i) => `## ${name} ${i + 1}\n\n${paragraph(1)}\n`).join('\n');

/**
 * #12: the printer fits the contents to their pages and labels the pieces of a case study split across
 * pages. A copy of the basic fixture: the welcome-desk guide has contents of 53 entries (a few lines more
 * than a page at the theme's spacing), a case study of 16 paragraphs (PARA-1 … PARA-16) that cannot fit
 * one page; the language-line guide has contents of 75 entries, which must take two pages.
 */
describe('contents fitted to their pages and "continued" labels (#12)', () => {
  let root: string;
  const events = new Map<string, PdfEvent>();
  const pdf = (guide: string) => path.join(root, 'out/springfield/en', `${guide}.pdf`);

  beforeAll(async () => {
    root = mkdtempSync(path.join(os.tmpdir(), 'bp-fit-'));
    cpSync(path.join(import.meta.dirname, '../fixtures/basic'), root, { recursive: true });
    const study = path.join(root, 'blueprints/cities/springfield/case-studies/welcome-desk-model.md');
    const front = readFileSync(study, 'utf8').split(/^---$/m)[1];
    const body = Array.from({ length: 16 }, (_, i) => `PARA-${i + 1} ${paragraph(4)}`).join('\n\n');
    writeFileSync(study, `---${front}---\n\n${body}\n`);
    const desk = path.join(root, 'blueprints/welcome-desk/sections/02-steps.md');
    writeFileSync(desk, `${readFileSync(desk, 'utf8')}\n${steps(48, 'Step')}`);
    // A case study whose table runs over three pages or more, after a run-in heading (riverton's, which
    // the springfield edition prints in the slot it has not written).
    const lineStudy = path.join(root, 'blueprints/cities/riverton/case-studies/language-line-model.md');
    const rows = Array.from({ length: 60 }, (_, i) => `| ROW-${i + 1} ${words[i % words.length]} | ${sentence()} |`).join('\n');
    writeFileSync(
      lineStudy,
      `---${readFileSync(lineStudy, 'utf8').split(/^---$/m)[1]}---\n\nLEAD ${paragraph(3)}\n\n**Who did what.**\n\n| Actor | Role |\n| --- | --- |\n${rows}\n`,
    );
    const line = path.join(root, 'blueprints/language-line/sections/02-steps.md');
    writeFileSync(line, `${readFileSync(line, 'utf8')}\n${steps(72, 'Call')}`);
    const result = await build({
      root,
      outDir: path.join(root, 'out'),
      cities: ['springfield'],
      env: { ...process.env, SOURCE_DATE_EPOCH: '1700000000' },
      onProgress: (event) => {
        if (event.type === 'pdf') events.set(path.basename(event.document, '.pdf'), event);
      },
    });
    expect(result.code).toBe(0);
  }, 120_000);

  it('sets contents that would spill a few lines onto a second page tighter, so they fit one page', () => {
    const contents = checkContents(pdf('welcome-desk'));
    expect(contents.wrong).toEqual([]);
    expect(contents.entries).toBe(53);
    expect(contents.contentsPages).toBe(1);
    expect(events.get('welcome-desk')?.fitted?.contentsPages).toBe(1);
  });

  it('splits contents that must take two pages evenly, at a part, never a few lines on the last', () => {
    const contents = checkContents(pdf('language-line'));
    expect(contents.wrong).toEqual([]);
    expect(contents.contentsPages).toBe(2);
    const pages = pdfPages(pdf('language-line'), true).slice(1, 3);
    const [one, two] = pages.map((text) => (text.match(/^\s*(?:Call \d+|Notes|Sources|Why|Steps)\b.*\d\s*$/gm) ?? []).length) as [number, number];
    expect(one + two).toBeGreaterThanOrEqual(74);
    // Balanced: neither page holds less than a third of the entries.
    expect(Math.min(one, two)).toBeGreaterThan((one + two) / 3);
  });

  it('labels each piece of a split case study after the first as continued, and only those', () => {
    const pages = pdfPages(pdf('welcome-desk'));
    const withStudy = pages.flatMap((text, i) => (/PARA-\d+/.test(text) ? [i] : []));
    expect(withStudy.length).toBeGreaterThanOrEqual(2);
    const [first, ...rest] = withStudy as [number, ...number[]];
    expect(pages[first]).toContain('Springfield’s Newcomer Desk');
    expect(pages[first]).not.toMatch(/continued/i);
    const layout = pdfPages(pdf('welcome-desk'), true);
    for (const i of rest) {
      // Under the running head (guide and part), the label, then the piece's first paragraph.
      const lines = (layout[i] ?? '').split('\n').filter((l) => l.trim() && !l.includes('Welcome Desk'));
      expect(lines[0]?.trim(), `page ${i + 1}`).toBe('CASE STUDY, CONTINUED');
      expect(lines[1], `page ${i + 1}`).toMatch(/^\s*PARA-\d+ /);
    }
    // No other page has the label (nor the body text a second time).
    expect(pages.filter((text) => text.includes('CASE STUDY, CONTINUED')).length).toBe(rest.length);
    expect(events.get('welcome-desk')?.fitted?.continuedPages).toBe(rest.length);
  });

  it('labels a piece that goes on inside a table above the header row the page repeats', () => {
    const layout = pdfPages(pdf('language-line'), true);
    const withRows = layout.flatMap((text, i) => (/ROW-\d+/.test(text) ? [i] : []));
    expect(withRows.length).toBeGreaterThanOrEqual(3);
    const [first, ...rest] = withRows as [number, ...number[]];
    // The run-in heading stays with its table, on the table's first page.
    expect(layout[first]).toMatch(/Who did what\.\s*\n\s*Actor\s+Role/);
    expect(layout[first]).not.toMatch(/continued/i);
    for (const i of rest) {
      const lines = (layout[i] ?? '').split('\n').filter((l) => l.trim() && !l.includes('Language Line'));
      expect(lines[0]?.trim(), `page ${i + 1}`).toBe('CASE STUDY, CONTINUED');
      expect(lines[1], `page ${i + 1}`).toMatch(/^\s*Actor\s+Role\s*$/);
      expect(lines[2], `page ${i + 1}`).toMatch(/^\s*ROW-\d+ /);
    }
    // Above the header row, inside the box's top padding: as close to it as a paragraph's label is to its first line.
    const bbox = execFileSync('pdftotext', ['-bbox', pdf('language-line'), '-'], { encoding: 'utf8' })
      .split('<page ')
      .slice(1);
    for (const i of rest) {
      const yOf = (word: string) => Number(new RegExp(`yMin="([\\d.]+)"[^>]*>${word}<`).exec(bbox[i] ?? '')?.[1]);
      const gap = yOf('Actor') - yOf('CONTINUED');
      expect(gap, `page ${i + 1}`).toBeGreaterThan(5);
      expect(gap, `page ${i + 1}`).toBeLessThan(20);
    }
  });

  it('prints the labels in the one full print, where the measures put the boxes', () => {
    // #14: the full print came out as measured (else `full`, printed again).
    expect(events.get('welcome-desk')).toMatchObject({ reprint: 'none', passes: 1 });
    const bbox = execFileSync('pdftotext', ['-bbox', pdf('welcome-desk'), '-'], { encoding: 'utf8' });
    // The label's words sit above the piece's first line, inside the box's top padding (within 16 pt).
    const pageChunks = bbox.split('<page ').slice(1);
    for (const chunk of pageChunks.filter((c) => c.includes('>CONTINUED<'))) {
      const yOf = (word: string) => Number(new RegExp(`yMin="([\\d.]+)"[^>]*>${word}<`).exec(chunk)?.[1]);
      const label = yOf('CONTINUED');
      const para = yOf('PARA-\\d+');
      expect(para - label).toBeGreaterThan(5);
      expect(para - label).toBeLessThan(16);
    }
  });

  it('marks the label as an artifact: it repeats the box’s label, and is no text of the box', () => {
    const artifacts = textOf(pdf('welcome-desk'), 'artifacts').join('\n');
    const tagged = textOf(pdf('welcome-desk'), 'tagged').join('\n');
    expect(artifacts).toContain('CASE STUDY, CONTINUED');
    expect(tagged).not.toMatch(/continued/i);
    expect(tagged).toContain('PARA-16');
  });

  it('leaves the helper destinations out of the published PDF', () => {
    const qdf = execFileSync('qpdf', ['--qdf', '--object-streams=disable', pdf('welcome-desk'), '-'], { encoding: 'latin1', maxBuffer: 64 << 20 });
    expect(qdf).not.toMatch(/bp-box-|bp-part-end-/);
  });
});
