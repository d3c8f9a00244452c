import { PDFArray, PDFDocument, PDFName } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { compareFrontPages, spliceFrontPages } from '../../src/pdf/splice-front-pages.js';

/** A PDF whose pages draw the given content and carry links at the given rectangles. */
async function pdfOf(pages: { content: string; links?: number[][]; size?: [number, number] }[]): Promise<PDFDocument> {
  const doc = await PDFDocument.create();
  for (const { content, links = [], size = [612, 792] } of pages) {
    const page = doc.addPage(size as [number, number]);
    page.node.set(PDFName.of('Contents'), doc.context.register(doc.context.stream(content)));
    if (links.length > 0) {
      const annots = links.map((rect) => doc.context.register(doc.context.obj({ Type: 'Annot', Subtype: 'Link', Rect: rect })));
      page.node.set(PDFName.of('Annots'), doc.context.obj(annots));
    }
  }
  return doc;
}

const tagged = (...mcids: number[]) => mcids.map((n) => `/P <</MCID ${n} >>BDC BT <0001> Tj ET EMC`).join('\n');

describe('splicing the reprinted front pages into the full print (#14)', () => {
  it('accepts pages with the same marked content and links, and takes their drawing', async () => {
    const full = await pdfOf([{ content: tagged(0, 1) }, { content: `${tagged(0, 1, 2)} % 888`, links: [[10, 10, 100, 20]] }, { content: tagged(0) }]);
    const front = await pdfOf([{ content: tagged(0, 1) }, { content: `${tagged(0, 1, 2)} % 12`, links: [[10.05, 9.97, 100, 20]] }]);
    expect(compareFrontPages(full, front, 2)).toBeUndefined();
    const annots = full.getPage(1).node.get(PDFName.of('Annots'));
    expect(spliceFrontPages(full, front, 2)).toEqual({ spliced: true });
    const drawn = full.getPage(1).node.lookup(PDFName.of('Contents'));
    expect(Buffer.from((drawn as unknown as { getContents(): Uint8Array }).getContents()).toString()).toContain('% 12');
    // The page keeps its own links (their destinations are the full print's).
    expect(full.getPage(1).node.get(PDFName.of('Annots'))).toBe(annots);
    expect(full.getPage(1).node.lookup(PDFName.of('Annots'), PDFArray).size()).toBe(1);
  });

  it('refuses, changing nothing, when a page’s marked content, links, size or count differ', async () => {
    const full = await pdfOf([{ content: tagged(0, 1), links: [[10, 10, 100, 20]] }, { content: tagged(0) }]);
    const cases: [Parameters<typeof pdfOf>[0], RegExp][] = [
      [[{ content: tagged(0, 1, 2), links: [[10, 10, 100, 20]] }], /page 1: marked content differs/],
      [[{ content: tagged(1, 0), links: [[10, 10, 100, 20]] }], /page 1: marked content differs/],
      [[{ content: tagged(0, 1), links: [[10, 22, 100, 34]] }], /page 1: links differ/],
      [[{ content: tagged(0, 1) }], /page 1: links differ/],
      [[{ content: tagged(0, 1), links: [[10, 10, 100, 20]], size: [595, 842] }], /page 1: size/],
      [[], /front print has 0 pages/],
    ];
    for (const [pages, reason] of cases) {
      const before = full.getPage(0).node.get(PDFName.of('Contents'));
      const outcome = spliceFrontPages(full, await pdfOf(pages), 1);
      expect(outcome.spliced).toBe(false);
      expect(outcome.spliced ? '' : outcome.reason).toMatch(reason);
      expect(full.getPage(0).node.get(PDFName.of('Contents'))).toBe(before);
    }
    // The body must follow the front pages: a reprint as long as the whole document is refused.
    expect(compareFrontPages(full, await pdfOf([{ content: tagged(0, 1) }, { content: tagged(0) }]), 2)).toMatch(/expected more than 2/);
  });
});
