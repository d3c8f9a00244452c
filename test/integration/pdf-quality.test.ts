import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { pdfDestinationName } from '../../src/pdf/destination-names.js';
import { makeLongProject } from '../fixtures/make-long-project.js';
import { copyFixture, pdfInfo, pdfPages, run } from '../helpers.js';

interface OutlineEntry {
  title: string;
  page: number;
  depth: number;
  /** Distance of the heading's top from the bottom of the page, in points. */
  y: number;
}

function outline(file: string): OutlineEntry[] {
  const json = JSON.parse(execFileSync('qpdf', ['--json', '--json-key=outlines', file], { encoding: 'utf8', maxBuffer: 64 << 20 })) as {
    outlines: { title: string; destpageposfrom1: number; dest: unknown[]; kids: unknown[] }[];
  };
  const out: OutlineEntry[] = [];
  const walk = (items: typeof json.outlines, depth: number) => {
    for (const item of items) {
      out.push({ title: item.title, page: item.destpageposfrom1, depth, y: Number(item.dest[3]) });
      walk(item.kids as typeof json.outlines, depth + 1);
    }
  };
  walk(json.outlines, 0);
  return out;
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Contents entries as printed: text and page number, read from the contents pages of the PDF. */
function printedContents(pages: string[]): { entries: { text: string; page: number }[]; lastPage: number } {
  const entries: { text: string; page: number }[] = [];
  let lastPage = 1;
  for (const page of pages.slice(1)) {
    if (!/Contents/.test(page.split('\n').slice(0, 3).join(' '))) break;
    lastPage++;
    for (const line of page.split('\n')) {
      const m = /^\s*(\S.*?)\s{2,}(\d+)\s*$/.exec(line);
      if (m && !/^Page \d+ of \d+$/.test(squash(line)) && !/Page \d+ of \d+/.test(line)) entries.push({ text: squash(m[1] as string), page: Number(m[2]) });
    }
  }
  return { entries, lastPage };
}

/** First page at or after `from` with a line (or two wrapped lines) that is exactly `heading`. */
function pageOfHeading(pages: string[], heading: string, from: number): number | undefined {
  for (let i = from - 1; i < pages.length; i++) {
    const lines = (pages[i] as string).split('\n').map(squash);
    for (let j = 0; j < lines.length; j++) {
      if (lines[j] === heading || `${lines[j]} ${lines[j + 1] ?? ''}`.trim() === heading) return i + 1;
    }
  }
  return undefined;
}

function expectContentsMatchHeadings(file: string): number {
  const layout = pdfPages(file, true);
  const plain = pdfPages(file);
  const { entries, lastPage } = printedContents(layout);
  expect(entries.length).toBeGreaterThan(3);
  let from = lastPage + 1;
  for (const entry of entries) {
    const found = pageOfHeading(plain, entry.text, from);
    expect(found, `"${entry.text}" listed on page ${entry.page}`).toBe(entry.page);
    from = found ?? from;
  }
  return entries.length;
}

describe('print-quality PDFs (#5)', () => {
  let root: string;
  let pdf: string;

  beforeAll(async () => {
    root = copyFixture('basic');
    const result = await run(['build', 'welcome-desk'], root, { ...process.env, SOURCE_DATE_EPOCH: '1700000000' });
    expect(result.code, result.stderr).toBe(0);
    pdf = path.join(root, 'out/springfield/en/welcome-desk.pdf');
  });

  it('lists contents entries with the real page of each heading', () => {
    expectContentsMatchHeadings(pdf);
  });

  it('has a cover without running header or footer, then "Page N of Y" on every page', () => {
    const pages = pdfPages(pdf);
    expect(pages[0]).toContain('Welcome Desk');
    expect(pages[0]).toContain('City of Springfield');
    expect(pages[0]).toContain('June 1, 2025');
    expect(pages[0]).not.toMatch(/Page \d+ of/);
    pages.slice(1).forEach((text, i) => {
      expect(text).toContain(`Page ${i + 2} of ${pages.length}`);
      expect(text).toContain('City of Springfield');
      expect(text).toContain('Welcome Desk');
    });
    // The running header names the current section.
    expect(pages[3]).toContain('Steps to open a desk');
  });

  it('has bookmarks mirroring the headings, pointing at their pages', () => {
    const entries = outline(pdf);
    expect(entries.map(({ depth, title, page }) => `${depth}:${title}@${page}`)).toEqual([
      '0:Welcome Desk@1',
      '1:Contents@2',
      '1:Why it matters@3',
      '1:Steps to open a desk@4',
      "2:Springfield's Newcomer Desk@4",
      '1:Notes@5',
      '1:Sources@5',
    ]);
  });

  it('is tagged, titled, in the document language, with every font embedded', async () => {
    const info = pdfInfo(pdf);
    expect(info.Tagged).toBe('yes');
    expect(info.Title).toBe('Welcome Desk — Springfield edition');
    expect(info.Author).toBe('Springfield Office of New Neighbors, City of Springfield');
    expect(info.Subject).toBe('A front door for new residents');
    expect(info.CreationDate).toMatch(/Nov 14 .*2023/);
    const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) {
      expect(line).toMatch(/^[A-Z]{6}\+Noto/);
      expect(line.split(/\s+/).at(-5)).toBe('yes');
    }
    const doc = await PDFDocument.load(readFileSync(pdf), { updateMetadata: false });
    expect(doc.catalog.get(PDFName.of('Lang'))?.toString()).toBe('(en)');
    expect(doc.catalog.get(PDFName.of('StructTreeRoot'))).toBeDefined();
    const prefs = doc.catalog.lookup(PDFName.of('ViewerPreferences'), PDFDict);
    expect(prefs.get(PDFName.of('DisplayDocTitle'))?.toString()).toBe('true');
  });

  it('keeps heading levels and image alt text in the structure tree', () => {
    const qdf = execFileSync('qpdf', ['--qdf', '--object-streams=disable', pdf, '-'], { encoding: 'latin1', maxBuffer: 64 << 20 });
    const tags = [...qdf.matchAll(/\/S \/(H[1-6])\b/g)].map((m) => m[1]);
    expect(tags.sort()).toEqual(['H1', 'H2', 'H2', 'H2', 'H2', 'H2', 'H3']);
    expect(qdf).toContain('/Alt (A welcome desk with two staff members)');
  });

  it('makes the links in the contents and notes work inside the PDF', () => {
    const qdf = execFileSync('qpdf', ['--qdf', '--object-streams=disable', pdf, '-'], { encoding: 'latin1', maxBuffer: 64 << 20 });
    const internal = [...qdf.matchAll(/\/Dest \/([\w-]+)/g)].map((m) => m[1]);
    // #10: destinations are named by a short hash of the heading's id (plain ASCII, any script).
    const names = ['why-it-matters', 'steps-to-open-a-desk', 'sources-title', 'fn-s1-need', 'fnref-s1-need'].map(pdfDestinationName);
    expect(internal).toEqual(expect.arrayContaining(names));
    // A link to another guide points at its PDF by a relative path, not at the build's staging folder.
    expect(qdf).toMatch(/\/S \/GoToR[\s\S]{0,80}\/F \(language-line\.pdf\)|\/F \(language-line\.pdf\)[\s\S]{0,80}\/S \/GoToR/);
    expect(qdf).not.toContain('.staging-');
  });

  it('repeats a long table’s header row on every page it runs over', async () => {
    const long = copyFixture('basic');
    const rows = Array.from({ length: 90 }, (_, i) => `| Row ${i + 1} | Value ${i + 1} |`).join('\n');
    const file = path.join(long, 'blueprints/language-line/sections/02-steps.md');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n| Long header one | Long header two |\n| --- | --- |\n${rows}\n`);
    const result = await run(['build', 'language-line'], long);
    expect(result.code, result.stderr).toBe(0);
    const pages = pdfPages(path.join(long, 'out/springfield/en/language-line.pdf'));
    const withRows = pages.filter((p) => /Row \d+/.test(p));
    expect(withRows.length).toBeGreaterThanOrEqual(2);
    for (const page of withRows) expect(page).toContain('Long header one');
  });

  it('prints A4 when the project asks for it', async () => {
    const a4 = copyFixture('basic');
    const file = path.join(a4, 'blueprints/project.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('paper: letter', 'paper: a4'));
    const result = await run(['build', 'language-line'], a4);
    expect(result.code, result.stderr).toBe(0);
    expect(pdfInfo(path.join(a4, 'out/springfield/en/language-line.pdf'))['Page size']).toMatch(/^59[45]\.\d+ x 841\.\d+ pts \(A4\)/);
  });
});

describe('a 300-page document (#5)', () => {
  it('prints with a correct table of contents', async () => {
    const root = makeLongProject(3);
    const result = await run(['build', '--json'], root);
    expect(result.code, result.stderr).toBe(0);
    const pdf = path.join(root, 'out/springfield/en/everything.pdf');
    const pages = Number(pdfInfo(pdf).Pages);
    expect(pages).toBeGreaterThanOrEqual(300);
    expect(expectContentsMatchHeadings(pdf)).toBeGreaterThan(150);
    // No heading alone at the foot of a page: every heading has room for at least three lines below it
    // (bottom margin 20 mm ≈ 57 pt, plus about 45 pt of text).
    const stranded = outline(pdf).filter((e) => e.depth > 0 && e.y < 57 + 45);
    expect(stranded.map((e) => `${e.title} (page ${e.page}, ${Math.round(e.y)} pt from the bottom)`)).toEqual([]);
  });
});
