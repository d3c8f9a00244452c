import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, type PDFObject, type PDFPage, PDFString } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { readDestinations } from '../../src/pdf/read-destinations.js';

/** A destination as Chromium writes one: [page /XYZ left top zoom]. */
const xyz = (pdf: PDFDocument, page: PDFPage): PDFArray => pdf.context.obj([page.ref, PDFName.of('XYZ'), 6, 777.75, 0]);

/** A PDF name the way Chromium writes a link target: the URL fragment, percent-encoded, then #xx-escaped. */
const chromiumName = (id: string) => PDFName.of(encodeURIComponent(id).replace(/%2F/g, '/'));

/** Heading ids that are PDF keywords or hold one, or are not ASCII: each once broke a reader (#8). */
const ids = [
  'intro',
  'mainstream-services',
  'endobj',
  'obj',
  'R',
  'stream',
  'endstream-data',
  'trailer-xref',
  'type-catalog',
  'por-qué-importa',
  '中文-服务',
  'kreyòl-ayisyen',
  'zz-last',
];

/** Pages, and a /Dests dictionary in the catalog as Chromium writes it: every name, one page after another. */
async function chromiumShaped(options: { objectStreams: boolean }): Promise<{ bytes: Uint8Array; expected: Map<string, number> }> {
  const pdf = await PDFDocument.create();
  const pages = [pdf.addPage(), pdf.addPage(), pdf.addPage(), pdf.addPage()];
  const dests = pdf.context.obj({});
  const expected = new Map<string, number>();
  ids.forEach((id, i) => {
    dests.set(chromiumName(id), xyz(pdf, pages[i % pages.length] as PDFPage));
    expected.set(id, (i % pages.length) + 1);
  });
  pdf.catalog.set(PDFName.of('Dests'), pdf.context.register(dests));
  return { bytes: await pdf.save({ useObjectStreams: options.objectStreams }), expected };
}

/**
 * A /Names → /Dests name tree three levels deep (root → two kids → leaves), with keys as literal and hex
 * (UTF-16) strings and values as arrays, /D dictionaries and references to either.
 */
async function nameTree(): Promise<{ bytes: Uint8Array; expected: Map<string, number> }> {
  const pdf = await PDFDocument.create();
  const pages = [pdf.addPage(), pdf.addPage(), pdf.addPage(), pdf.addPage(), pdf.addPage()];
  const { context } = pdf;
  const value = (kind: number, page: PDFPage): PDFObject => {
    if (kind === 0) return xyz(pdf, page);
    if (kind === 1) return context.obj({ D: xyz(pdf, page) });
    if (kind === 2) return context.register(xyz(pdf, page));
    return context.register(context.obj({ D: context.register(xyz(pdf, page)) }));
  };
  const leaves: [string, number][][] = [
    [
      ['(endobj) stream', 1],
      ['a', 2],
    ],
    [
      ['café à la carte', 3],
      ['mainstream', 4],
    ],
    [
      ['obj 12 0 R', 5],
      ['trailer', 1],
    ],
    [
      ['中文', 2],
      ['zz', 3],
    ],
  ];
  const expected = new Map<string, number>();
  let n = 0;
  const leafRefs = leaves.map((entries) => {
    const names: PDFObject[] = [];
    for (const [key, page] of entries) {
      // Hex strings for non-ASCII keys (UTF-16BE), literal strings for the rest, as producers do.
      names.push(/^[\x20-\x7e]*$/.test(key) ? PDFString.of(key) : PDFHexString.fromText(key));
      names.push(value(n++ % 4, pages[page - 1] as PDFPage));
      expected.set(key, page);
    }
    return context.register(context.obj({ Names: context.obj(names) }));
  });
  const kids = [leafRefs.slice(0, 2), leafRefs.slice(2)].map((refs) => context.register(context.obj({ Kids: context.obj(refs) })));
  const root = context.register(context.obj({ Kids: context.obj(kids) }));
  pdf.catalog.set(PDFName.of('Names'), context.obj({ Dests: root }));
  return { bytes: await pdf.save({ useObjectStreams: false }), expected };
}

// #10: the byte scan (scanDestinations) is gone; every print is read with the PDF parser.
describe('readDestinations (#5, #8, #10)', () => {
  it('read the page of every name in a /Dests dictionary, keywords and non-ASCII names included', async () => {
    const { bytes, expected } = await chromiumShaped({ objectStreams: false });
    const read = readDestinations(await PDFDocument.load(bytes));
    expect(read).toEqual(expected);
  });

  it('find nothing in a PDF printed with no destinations', async () => {
    const pdf = await PDFDocument.create();
    pdf.addPage();
    const bytes = await pdf.save({ useObjectStreams: false });
    expect(readDestinations(await PDFDocument.load(bytes))).toEqual(new Map());
  });

  it('read a PDF with object streams', async () => {
    const { bytes, expected } = await chromiumShaped({ objectStreams: true });
    expect(readDestinations(await PDFDocument.load(bytes))).toEqual(expected);
  });

  it('read walks a name tree through every level of /Kids', async () => {
    const { bytes, expected } = await nameTree();
    const pdf = await PDFDocument.load(bytes);
    // The tree is really three levels deep: the root has only kids, and so do they.
    const root = pdf.catalog.lookup(PDFName.of('Names'), PDFDict).lookup(PDFName.of('Dests'), PDFDict);
    expect(root.has(PDFName.of('Names'))).toBe(false);
    expect(root.lookup(PDFName.of('Kids'), PDFArray).lookup(0, PDFDict).has(PDFName.of('Names'))).toBe(false);
    expect(readDestinations(pdf)).toEqual(expected);
  });

  it('read takes names from both the /Dests dictionary and the name tree', async () => {
    const { bytes } = await nameTree();
    const pdf = await PDFDocument.load(bytes);
    const dests = pdf.context.obj({});
    dests.set(chromiumName('from-dests'), xyz(pdf, pdf.getPage(4)));
    pdf.catalog.set(PDFName.of('Dests'), pdf.context.register(dests));
    const both = readDestinations(await PDFDocument.load(await pdf.save({ useObjectStreams: false })));
    expect(both.get('from-dests')).toBe(5);
    expect(both.get('中文')).toBe(2);
    expect(both.size).toBe(9);
  });

  it('ignore destinations that point at no page of the document', async () => {
    const pdf = await PDFDocument.create();
    const page = pdf.addPage();
    const dests = pdf.context.obj({});
    dests.set(PDFName.of('here'), xyz(pdf, page));
    dests.set(PDFName.of('nowhere'), pdf.context.obj([pdf.context.register(pdf.context.obj({ Type: 'Page' })), PDFName.of('Fit')]));
    dests.set(PDFName.of('not-a-destination'), pdf.context.obj(42));
    pdf.catalog.set(PDFName.of('Dests'), pdf.context.register(dests));
    const bytes = await pdf.save({ useObjectStreams: false });
    const expected = new Map([['here', 1]]);
    expect(readDestinations(await PDFDocument.load(bytes))).toEqual(expected);
  });
});
