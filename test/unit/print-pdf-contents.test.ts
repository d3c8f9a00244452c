import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findBrowser } from '../../src/pdf/find-browser.js';
import { openBrowser } from '../../src/pdf/open-browser.js';
import { type PrintResult, printDocuments } from '../../src/pdf/print-pdf.js';

/** Print one document in a browser of its own; what the printer gave for it. */
async function printOne(dir: string, job: { htmlPath: string; tocIds: string[]; lang: string }): Promise<PrintResult | undefined> {
  const choice = await findBrowser({ env: process.env });
  await using browser = await openBrowser(choice.executablePath);
  let result: PrintResult | undefined;
  await printDocuments(browser.browser, [job], {
    allowedRoot: dir,
    concurrency: 1,
    onPrinted: async (_job, printed) => {
      result = printed;
    },
  });
  return result;
}

describe('printDocuments and the contents (#10)', () => {
  it('reports a contents entry whose heading lands on no page, and writes the numbers in the language’s digits', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'bp-print-'));
    const htmlPath = path.join(dir, 'doc.html');
    writeFileSync(
      htmlPath,
      `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><style>@page{size:letter} h2{break-before:page}</style></head><body>
<nav><a href="#مقدمة"><span>مقدمة</span> <span data-toc-for="مقدمة"></span></a><a href="#gone"><span>Gone</span> <span data-toc-for="gone"></span></a></nav>
<h2 id="مقدمة">مقدمة</h2><p>نص.</p></body></html>`,
    );
    const result = await printOne(dir, { htmlPath, tocIds: ['مقدمة', 'gone'], lang: 'ar-EG' });
    expect(result?.unplaced).toEqual(['gone']);
    expect([...(result?.tocPages ?? [])]).toEqual([['مقدمة', 2]]);
    expect(result?.pages).toBe(2);
    writeFileSync(path.join(dir, 'doc.pdf'), (await result?.pdf.save()) ?? new Uint8Array());
    const contents = execFileSync('pdftotext', ['-f', '1', '-l', '1', path.join(dir, 'doc.pdf'), '-'], { encoding: 'utf8' });
    // Arabic-Indic two, as Intl.NumberFormat('ar-EG') writes it (plain 'ar' has Latin digits in CLDR).
    expect(contents).toContain('\u0662');
  });

  // #14: the measuring print carries a placeholder of three digits, which must lay the contents out as the real
  // numbers do. Here each digit takes a line of its own (100 px high): with the placeholders the contents take
  // two pages, with the real numbers one, so the full print puts every heading a page earlier than measured;
  // that is seen, and the document printed again with the right numbers.
  it('prints once with the measured numbers, and again when the print does not come out as measured', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'bp-print-'));
    const ids = ['one', 'two', 'three', 'four', 'five'];
    const page = (
      numberStyle: string,
    ) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><style>@page{size:letter} nav{break-after:page} nav p{margin:0;line-height:100px} h2{break-before:page} nav a{display:flex} nav a>span:first-child{flex:1} [data-toc-for]{${numberStyle}}</style></head><body>
<nav>${ids.map((id) => `<p><a href="#${id}"><span>${id}</span> <span data-toc-for="${id}"></span></a></p>`).join('')}</nav>
<main id="content">${ids.map((id) => `<h2 id="${id}">${id}</h2><p>Text.</p>`).join('')}</main></body></html>`;
    writeFileSync(path.join(dir, 'narrow.html'), page('width:0.6em;word-break:break-all'));
    writeFileSync(path.join(dir, 'wide.html'), page('min-width:3em;text-align:end'));
    const choice = await findBrowser({ env: process.env });
    await using browser = await openBrowser(choice.executablePath);
    const results = new Map<string, PrintResult>();
    const jobs = ['narrow', 'wide'].map((name) => ({ htmlPath: path.join(dir, `${name}.html`), tocIds: ids, lang: 'en' }));
    await printDocuments(browser.browser, jobs, {
      allowedRoot: dir,
      concurrency: 1,
      onPrinted: async (job, printed) => {
        results.set(path.basename(job.htmlPath, '.html'), printed);
      },
    });
    const narrow = results.get('narrow') as PrintResult;
    expect(narrow.reprint).toEqual({ path: 'full', reason: 'the contents’ entry "one" came out on page 2, not as measured' });
    expect(narrow).toMatchObject({ passes: 2, measures: 1 });
    const wide = results.get('wide') as PrintResult;
    expect(wide.reprint).toEqual({ path: 'none' });
    expect(wide).toMatchObject({ passes: 1, measures: 1 });
    for (const [name, result] of results) {
      expect([...result.tocPages]).toEqual(ids.map((id, i) => [id, i + 2]));
      writeFileSync(path.join(dir, `${name}.pdf`), await result.pdf.save());
      const contents = execFileSync('pdftotext', ['-f', '1', '-l', '1', path.join(dir, `${name}.pdf`), '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
      expect(contents, name).toContain('one2two3three4four5five6');
    }
  });

  // #12: a piece of a case study that opens with a heading carries the "continued" label inside that
  // heading; the bookmarks take the headings' text, which must not take the label along.
  it('keeps the "continued" label out of the bookmarks of headings that open a piece', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'bp-print-'));
    const htmlPath = path.join(dir, 'doc.html');
    const text = 'Partners met every month to review the cases and the calls. '.repeat(9);
    const blocks = Array.from({ length: 12 }, (_, i) => `<h3 id="h${i + 1}">Heading ${i + 1}</h3><p>${text}</p>`).join('');
    writeFileSync(
      htmlPath,
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><style>@page{size:letter;margin:1in} aside{position:relative;padding:2em 1em 1em;box-decoration-break:clone} h3{break-after:avoid;margin:0} p{break-inside:avoid;margin:0 0 1em} .continued-label{position:absolute;white-space:nowrap;font-size:10px}</style></head><body>
<main><aside data-continued="Case study, continued">${blocks}</aside></main></body></html>`,
    );
    const result = await printOne(dir, { htmlPath, tocIds: [], lang: 'en' });
    expect(result?.continued.length).toBeGreaterThan(1);
    writeFileSync(path.join(dir, 'doc.pdf'), (await result?.pdf.save()) ?? new Uint8Array());
    // The labels are printed, on the pages where a piece opens with a heading.
    const pages = execFileSync('pdftotext', [path.join(dir, 'doc.pdf'), '-'], { encoding: 'utf8' }).split('\f');
    for (const page of result?.continued ?? []) expect(pages[page - 1]?.replace(/\s+/g, ' ').trim()).toMatch(/^Heading \d+ Case study, continued /);
    expect(result?.headings).toEqual(Array.from({ length: 12 }, (_, i) => `Heading ${i + 1}`));
  });

  // #12: a piece may open inside a list of terms (the label goes into its term or description) or with a
  // checklist item, which the theme positions to hang its box: the label sits at the box's content edge all the same.
  it('labels pieces that open inside a list of terms or with a positioned item, at the box’s content edge', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'bp-print-'));
    const htmlPath = path.join(dir, 'doc.html');
    const terms = Array.from({ length: 40 }, (_, i) => `<dt>Term ${i + 1}</dt><dd>What the office means by it, in a sentence or two of plain words.</dd>`).join(
      '',
    );
    const items = Array.from({ length: 60 }, (_, i) => `<li class="task-list-item">Item ${i + 1}, a step the desk takes</li>`).join('');
    writeFileSync(
      htmlPath,
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><style>@page{size:letter;margin:1in} body{margin:0;font:12pt/1.4 sans-serif} aside{position:relative;padding:2em 1em 1em;border:0;box-decoration-break:clone} dt,dd,li,p{break-inside:avoid} ul{padding-left:40px} .task-list-item{position:relative} .continued-label{position:absolute;white-space:nowrap;font-size:10px}</style></head><body>
<main><aside data-continued="CONTINUED"><p>Opening.</p><dl>${terms}</dl><ul>${items}</ul></aside></main></body></html>`,
    );
    const result = await printOne(dir, { htmlPath, tocIds: [], lang: 'en' });
    writeFileSync(path.join(dir, 'doc.pdf'), (await result?.pdf.save()) ?? new Uint8Array());
    const pages = execFileSync('pdftotext', ['-bbox', path.join(dir, 'doc.pdf'), '-'], { encoding: 'utf8' })
      .split('<page ')
      .slice(1);
    expect(pages.length).toBeGreaterThanOrEqual(4);
    expect(result?.continued).toEqual(Array.from({ length: pages.length - 1 }, (_, i) => i + 2));
    // Every page after the first opens with the label, at the box's content edge: 1 in + 1 em (72 + 12 pt).
    const words = (page: string) =>
      [...page.matchAll(/xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)</g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]), text: m[3] }));
    const ordered = pages.slice(1).map((page) => words(page).sort((a, b) => a.y - b.y || a.x - b.x));
    expect(ordered.map((w) => w[0]?.text)).toEqual(pages.slice(1).map(() => 'CONTINUED'));
    for (const w of ordered) expect(w[0]?.x).toBeCloseTo(84, 0);
    // The pieces open inside the list of terms and inside the checklist.
    const openers = ordered.map((w) => w[1]?.text);
    expect(openers).toContain('Term');
    expect(openers).toContain('Item');
  });

  // #14: a measure keeps only the links the fitting reads, but every link stays a link, so a theme's style
  // for links (`a[href]`, `:link`) lays the measure out as the print: here links are 400 px tall blocks.
  it('measures a page whose theme sizes links as the print lays it out', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'bp-print-'));
    const htmlPath = path.join(dir, 'doc.html');
    const ids = ['one', 'two', 'three'];
    writeFileSync(
      htmlPath,
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><style>@page{size:letter} nav{break-after:page} main a:any-link{display:block;height:400px}</style></head><body>
<nav>${ids.map((id) => `<p><a href="#${id}">${id}</a> <span data-toc-for="${id}"></span></p>`).join('')}</nav>
<main><p id="intro">Intro.</p>${ids.map((id) => `<p><a href="#intro">Back</a> <a href="#intro">Back</a></p><h2 id="${id}">${id}</h2>`).join('')}</main></body></html>`,
    );
    const result = await printOne(dir, { htmlPath, tocIds: ids, lang: 'en' });
    expect(result?.reprint).toEqual({ path: 'none' });
    expect(result?.passes).toBe(1);
    // Two 400 px links before each heading: one heading a page, after the contents' page.
    expect([...(result?.tocPages ?? [])]).toEqual([
      ['one', 2],
      ['two', 3],
      ['three', 4],
    ]);
  });
});
