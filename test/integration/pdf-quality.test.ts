import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { pdfDestinationName } from '../../src/pdf/destination-names.js';
import { copyFixture, pdfInfo, pdfPages, run } from '../helpers.js';
import { checkContents, outline } from '../pdf-contents.js';
import { brokenMarkedContent, looseText, qdfOf, structureTypes, textOf } from '../pdf-tagging.js';

/** The printed contents list the real page of each heading: fails with every entry that does not. */
function expectContentsMatchHeadings(file: string): ReturnType<typeof checkContents> {
  const contents = checkContents(file);
  expect(contents.wrong).toEqual([]);
  expect(contents.entries).toBeGreaterThan(3);
  return contents;
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
      '2:Springfield’s Newcomer Desk@4',
      '1:Notes@5',
      '1:Sources@5',
      // #12: the back page.
      '1:About this guide@6',
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
    expect(tags.sort()).toEqual(['H1', 'H2', 'H2', 'H2', 'H2', 'H2', 'H2', 'H3']);
    expect(qdf).toContain('/Alt (A welcome desk with two staff members)');
  });

  it('is tagged as PDF/UA asks: running heads are artifacts, XMP names PDF/UA, no form fields, no NonStruct (#12)', async () => {
    // Nothing drawn is left neither tagged nor an artifact, and the running head and footer are artifacts.
    const text = looseText(pdf);
    expect(text.loose).toBe(0);
    expect(text.artifacts).toBeGreaterThan(0);
    const artifacts = textOf(pdf, 'artifacts');
    const tagged = textOf(pdf, 'tagged');
    expect(artifacts).toHaveLength(tagged.length);
    for (let page = 1; page < artifacts.length; page++) {
      expect(artifacts[page]).toContain(`Page ${page + 1} of ${artifacts.length}`);
      expect(artifacts[page]).toContain('City of Springfield');
      expect(tagged[page]).not.toMatch(/Page \d+ of/);
    }
    expect(artifacts.join('')).not.toContain('Find a room');
    expect(tagged.join('')).toContain('Find a room');
    // Every artifact the printer added says what it is: the running heads and folios are pagination, the
    // rules and backgrounds layout (PDF 32000-1, 14.8.2.2).
    const qdf = qdfOf(pdf);
    expect(qdf).not.toMatch(/\/Artifact\s+BMC/);
    expect(qdf).toMatch(/\/Artifact <<\/Type \/Pagination>> BDC/);
    expect(qdf).toMatch(/\/Artifact <<\/Type \/Layout>> BDC/);
    // Meaningful structure: no NonStruct, no Form; every marked-content id still leads to its element.
    const types = structureTypes(pdf);
    expect(types.NonStruct ?? 0).toBe(0);
    expect(types.Form ?? 0).toBe(0);
    expect(types.P).toBeGreaterThan(5);
    expect(await brokenMarkedContent(pdf)).toEqual([]);
    // The checklist prints as characters, and the PDF has no form.
    const json = JSON.parse(execFileSync('qpdf', ['--json', pdf], { encoding: 'utf8', maxBuffer: 64 << 20 })) as {
      qpdf: [unknown, Record<string, { value?: Record<string, unknown>; stream?: { dict: Record<string, unknown> } }>];
    };
    const objects = Object.values(json.qpdf[1]);
    const catalog = objects.find((o) => o.value?.['/Type'] === '/Catalog')?.value ?? {};
    expect(catalog['/AcroForm']).toBeUndefined();
    expect(catalog['/MarkInfo']).toMatchObject({ '/Marked': true });
    expect(objects.filter((o) => o.value?.['/Subtype'] === '/Widget')).toEqual([]);
    expect(pdfPages(pdf).join('')).toMatch(/[☐☑]/);
    // XMP: the PDF/UA identifier, and the same title, author and date as the document information.
    expect(objects.find((o) => o.stream?.dict['/Type'] === '/Metadata')?.stream?.dict['/Subtype']).toBe('/XML');
    const xmp = execFileSync('pdfinfo', ['-meta', pdf], { encoding: 'utf8' });
    expect(xmp).toContain('<pdfuaid:part>1</pdfuaid:part>');
    expect(xmp).toContain('<rdf:li xml:lang="x-default">Welcome Desk — Springfield edition</rdf:li>');
    expect(xmp).toContain('<rdf:li>Springfield Office of New Neighbors, City of Springfield</rdf:li>');
    expect(xmp).toContain('<xmp:CreateDate>2023-11-14T22:13:20Z</xmp:CreateDate>');
    expect(xmp).toContain('<dc:language><rdf:Bag><rdf:li>en</rdf:li></rdf:Bag></dc:language>');
    // Object streams, and a file qpdf finds nothing wrong with.
    expect(execFileSync('qpdf', ['--show-xref', pdf], { encoding: 'utf8' })).toMatch(/compressed; stream = \d+/);
    expect(spawnSync('qpdf', ['--check', pdf]).status).toBe(0);
    expect(qdfOf(pdf)).toContain('/ViewerPreferences');
  });

  it('makes the links in the contents and notes work inside the PDF', () => {
    const qdf = execFileSync('qpdf', ['--qdf', '--object-streams=disable', pdf, '-'], { encoding: 'latin1', maxBuffer: 64 << 20 });
    const internal = [...qdf.matchAll(/\/Dest \/([\w-]+)/g)].map((m) => m[1]);
    // #10: destinations are named by a short hash of the heading's id (plain ASCII, any script).
    // #12: a note's back link is screen-only (no caret in print), so the notes link one way in the PDF.
    const names = ['why-it-matters', 'steps-to-open-a-desk', 'sources-title', 'fn-s1-need'].map(pdfDestinationName);
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
