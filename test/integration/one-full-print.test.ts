import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFName, type PDFObject, PDFRef, PDFStream } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/index.js';
import type { ProgressEvent } from '../../src/pipeline/settings.js';
import { makeGeneratedProject } from '../fixtures/make-long-project.js';
import { pdfInfo, pdfPages } from '../helpers.js';
import { checkContents, outline, strandedHeadings } from '../pdf-contents.js';
import { readContents } from '../read-contents.js';

type PdfEvent = Extract<ProgressEvent, { type: 'pdf' }>;

/**
 * #14: a document is measured by prints that paint nothing, then printed in full once with the contents'
 * numbers those gave. The result must be what printing until the numbers settle gave: right numbers, working links, tags,
 * bookmarks, the same bytes on every build.
 */
describe('measuring prints and one full print (#14)', () => {
  let root: string;
  let pdf: string;
  let html: string;
  let events: PdfEvent[] = [];

  const buildOnce = async (outDir: string) => {
    events = [];
    const result = await build({
      root,
      outDir,
      env: { ...process.env, SOURCE_DATE_EPOCH: '1700000000' },
      onProgress: (event) => {
        if (event.type === 'pdf') events.push(event);
      },
    });
    expect(result.code).toBe(0);
    return result;
  };

  beforeAll(async () => {
    // #12: contents that nearly fit a page are set tighter to fit; 80 entries take two pages.
    root = makeGeneratedProject(20);
    await buildOnce(path.join(root, 'out'));
    pdf = path.join(root, 'out/springfield/en/everything.pdf');
    html = path.join(root, 'out/springfield/en/everything.html');
  });

  it('prints the document in full once, after measuring it once more for the part it fitted', () => {
    expect(events).toHaveLength(1);
    // #12: a part's short last page was fitted, and the document measured again (a print that paints
    // nothing); #14: the one full print carries the numbers those measures gave (checked below).
    expect(events[0]?.fitted?.tightenedParts ?? 0).toBeGreaterThan(0);
    expect(events[0]).toMatchObject({ reprint: 'none', passes: 1, measures: 2 });
    expect(events[0]?.reason).toBeUndefined();
  });

  // #5: also the long document of the print-quality checks (its 300-page one is npm run bench's): one
  // build of the generated project serves both (a second build of it cost the suite 15–18 s).
  it('lists in the contents the page on which each heading is, over several contents pages', async () => {
    const contents = checkContents(pdf);
    expect(contents.wrong).toEqual([]);
    // Every heading and subheading, with a number (an entry without one is not counted).
    expect(contents.entries).toBe(80);
    expect(contents.contentsPages).toBeGreaterThanOrEqual(2);
    expect(contents.pages).toBe(Number(pdfInfo(pdf).Pages));
    // No heading alone at the foot of a page.
    expect(strandedHeadings(pdf)).toEqual([]);
    // The contents' links lead to the page each entry names.
    const entries = await readContents(pdf, html);
    expect(entries.length).toBe(80);
    for (const entry of entries) expect(entry.printed, entry.text).toBe(entry.target);
    expect(new Set(entries.map((e) => e.printed)).size).toBeGreaterThan(10);
  });

  it('keeps the real total in the front pages’ footers', () => {
    const pages = pdfPages(pdf);
    const total = Number(pdfInfo(pdf).Pages);
    expect(total).toBeGreaterThanOrEqual(30);
    for (const [i, text] of pages.slice(1, 3).entries()) expect(text).toContain(`Page ${i + 2} of ${total}`);
  });

  it('is tagged, with bookmarks, a valid structure and no unreachable objects', async () => {
    expect(pdfInfo(pdf).Tagged).toBe('yes');
    expect(execFileSync('qpdf', ['--check', pdf], { encoding: 'utf8' })).toContain('No syntax or stream encoding errors');
    const doc = await PDFDocument.load(readFileSync(pdf), { updateMetadata: false });
    expect(doc.catalog.get(PDFName.of('StructTreeRoot'))).toBeDefined();
    expect(doc.catalog.get(PDFName.of('Outlines'))).toBeDefined();
    expect(outline(pdf).length).toBeGreaterThan(15);
    // The contents' headings are tagged.
    const qdf = execFileSync('qpdf', ['--qdf', '--object-streams=disable', pdf, '-'], { encoding: 'latin1', maxBuffer: 64 << 20 });
    expect(qdf).toMatch(/\/MCID \d+/);
    // Every object of the file is reachable from its trailer.
    const seen = new Set<string>();
    const stack: PDFObject[] = [doc.context.trailerInfo.Root, doc.context.trailerInfo.Info].filter((x): x is PDFObject => x !== undefined);
    while (stack.length > 0) {
      const object = stack.pop();
      if (object instanceof PDFRef) {
        if (seen.has(object.toString())) continue;
        seen.add(object.toString());
        const target = doc.context.lookup(object);
        if (target) stack.push(target);
      } else if (object instanceof PDFDict) stack.push(...object.values());
      else if (object instanceof PDFArray) stack.push(...object.asArray());
      else if (object instanceof PDFStream) stack.push(object.dict);
    }
    const all = doc.context.enumerateIndirectObjects().map(([ref]) => ref.toString());
    expect(all.filter((ref) => !seen.has(ref))).toEqual([]);
  });

  it('gives the same bytes on a second build', async () => {
    await buildOnce(path.join(root, 'out-again'));
    expect(events[0]).toMatchObject({ reprint: 'none' });
    expect(readFileSync(path.join(root, 'out-again/springfield/en/everything.pdf')).equals(readFileSync(pdf))).toBe(true);
  });
});
