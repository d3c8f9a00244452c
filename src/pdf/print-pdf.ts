import { fileURLToPath, pathToFileURL } from 'node:url';
import { PDFDocument } from 'pdf-lib';
import type { Browser, HTTPRequest, Page } from 'puppeteer-core';
import { isInside } from '../project/read-inside.js';
import { addContinuedLabels, type Continuation, findContinuations, markBoxes, removeContinuedLabels } from './continued-labels.js';
import { destinationNames } from './destination-names.js';
import { pdfParseOptions } from './finish-pdf.js';
import { type ContentsFit, fitContents } from './fit-contents.js';
import { fitShortParts, markPartEnds, type PartFit } from './fit-parts.js';
import { measurePageArea } from './page-area.js';
import { type DestinationPlace, dropDestinations, readDestinationPlaces } from './read-destinations.js';

export interface PrintJob {
  /** Absolute path of the staged HTML file. */
  htmlPath: string;
  /** Heading ids listed in the contents, whose page numbers are filled in. */
  tocIds: string[];
  /** Language of the document: the contents' numbers are written in its digits (Intl). */
  lang: string;
}

export interface PrintResult {
  /** The printed PDF, parsed: handed on as it is, so it is not written out and parsed again (#14). */
  pdf: PDFDocument;
  pages: number;
  /** Page of each contents entry, as printed. */
  tocPages: Map<string, number>;
  /** Contents entries whose heading was found on no page of the final print (#10: an error, never a blank). */
  unplaced: string[];
  /** The text of every heading, in document order and logical order, for the bookmarks (#10). */
  headings: string[];
  /** Requests the renderer refused (network, files outside the output folder). */
  blocked: string[];
  /** Full prints of the document: 1, more (at most 3) only when a full print did not lay out as measured. */
  passes: number;
  /** Measuring prints (#14): 1, one more for each round of fitting short parts (#12). */
  measures: number;
  /**
   * How the contents' numbers and the "continued" labels got into the PDF: in the first full print, placed
   * from the measures (`none`, the usual case), or in another full print because that one came out otherwise
   * than measured (`full`, with the reason).
   */
  reprint: { path: 'none' } | { path: 'full'; reason: string };
  /** How the contents were fitted to their pages (#12). */
  contents: ContentsFit;
  /** Pages on which a box goes on from the page before and so carries a "continued" label (#12). */
  continued: number[];
  /** Parts set a little tighter so that their last page's few lines went back onto the pages before, and
   * blocks moved to the last page so that it holds more than a few lines (#12). */
  partFit: PartFit;
}

export interface PrintOptions {
  /** Files the renderer may read: the staged output folder. */
  allowedRoot: string;
  /** Pages printing at once in the one browser; 2 keeps both cores of a small machine busy. */
  concurrency: number;
  /** Called (and awaited) as each document is printed, so its bytes can be finished and written at once. */
  onPrinted: (job: PrintJob, result: PrintResult) => Promise<void>;
}

const pdfOptions = { preferCSSPageSize: true, printBackground: true, timeout: 120_000 } as const;

/**
 * Print every document with one browser and a small pool of reused pages. Where each heading and box lands
 * is read from measuring prints (laid out, nothing painted); the parts are fitted and measured again, the
 * contents' numbers and "continued" labels written in, and the document printed once, tagged with
 * bookmarks (#5, #12, #14). What that print put where is read back: pages that came out otherwise than
 * measured are printed again.
 */
export async function printDocuments(browser: Browser, jobs: PrintJob[], options: PrintOptions): Promise<void> {
  const queue = [...jobs];
  const worker = async () => {
    const page = await browser.newPage();
    let blocked: string[] = [];
    await page.setJavaScriptEnabled(false);
    // #14: every measure before a print is taken in print media, and a print lays out in it anyway: set once
    // for the page, so no measure switches it (each switch laid the whole document out again).
    await page.emulateMediaType('print');
    await page.setRequestInterception(true);
    page.on('request', (request: HTTPRequest) => {
      if (request.isInterceptResolutionHandled()) return;
      if (allowed(request.url(), options.allowedRoot)) void request.continue();
      else {
        blocked.push(request.url());
        void request.abort('blockedbyclient');
      }
    });
    try {
      for (let job = queue.shift(); job; job = queue.shift()) {
        blocked = [];
        const result = await printOne(page, job);
        result.blocked = blocked;
        // No document's bytes are kept once handed on: memory does not grow with the number of documents.
        await options.onPrinted(job, result);
      }
    } finally {
      await page.close().catch(() => undefined);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency, jobs.length)) }, worker));
}

async function printOne(page: Page, job: PrintJob): Promise<PrintResult> {
  const digits = new Intl.NumberFormat(job.lang, { useGrouping: false });
  const format = (pages: Map<string, number>) => [...pages].map(([id, n]) => [id, digits.format(n)] as [string, string]);
  const names = await openDocument(page, job);
  // #14: the contents' numbers are set in a box of fixed width (page-rules.ts), so a placeholder of three
  // digits lays the contents out as the real numbers will: the measures are already the final layout.
  const placeholders = job.tocIds.map((id) => [id, digits.format(888)] as [string, string]);
  await writeNumbers(page, placeholders);
  const area = await measurePageArea(page);
  const contents = await fitContents(page, area);
  const marks = await markBoxes(page);
  const partEnds = await markPartEnds(page);
  // #14: where everything lands is learnt from measuring prints, which lay the document out as a full print
  // does but paint nothing (about half a full print's time); the one full print comes last and already
  // carries the contents' numbers and the "continued" labels those places call for. Chromium looks every
  // link target up on every page it prints, so a measure keeps only the links to what the fitting reads
  // (a 260-page guide has some 2,400 links of its own: 2.8 s a measure with them, 1.3 s without).
  const read = new Set([
    ...job.tocIds.map((id) => names.toName.get(id) ?? id),
    ...marks.boxes.flatMap((box) => [box.id, ...box.blocks]),
    ...partEnds.ends.flatMap((end) => [end.part, end.mark, end.start, ...end.blocks.map((block) => block.id)]),
  ]);
  let places = await measurePlaces(page, read);
  let measures = 1;
  // #12: a part whose last page holds a few lines is set a little tighter, when that takes them back onto
  // the pages before, or else given more lines from the page before, and measured again. A part set
  // tighter that still ends short is given lines from the page before in a second round.
  const partFit: PartFit = { tightened: [], pushed: [] };
  for (let round = 0; round < 2; round++) {
    const skip = new Set(partEnds.ends.filter((end) => end.blocks.some((b) => partFit.pushed.includes(b.id))).map((end) => end.part));
    const more = await fitShortParts(page, partEnds.ends, places, area, { tighten: round === 0, skip });
    if (more.tightened.length + more.pushed.length === 0) break;
    partFit.tightened.push(...more.tightened);
    partFit.pushed.push(...more.pushed);
    places = await measurePlaces(page, read);
    measures++;
  }
  // The fitting is done: the full print needs no link to the parts' blocks (one per paragraph).
  await unlink(page, partEnds.added);
  // Before any label goes in: a label opening a piece with a heading must not get into its bookmark.
  const headings = await headingTexts(page);
  // The numbers sit in a box of fixed width and the labels in a box's padding: neither moves a line, so the
  // full print lays out as the last measure did. What it printed is read back all the same: should a page
  // have come out otherwise (a number wider than its box), the numbers and labels are set from that print
  // and the document printed again, at most twice more.
  let written = format(contentsPages(job, landedAt(places, names)));
  await writeNumbers(page, written);
  let labelled = new Set(await addContinuedLabels(page, findContinuations(marks.boxes, places)));
  let reprint: PrintResult['reprint'] = { path: 'none' };
  let passes = 0;
  for (;;) {
    // #10: a real parser, never a scan of the bytes (a heading named "endobj" or "stream" cut the scan short).
    const pdf = await printFull(page);
    passes++;
    places = readDestinationPlaces(pdf);
    const tocPages = contentsPages(job, landedAt(places, names));
    // #12: the pages on which a case study goes on from the page before, with the block it goes on with.
    const continuations = findContinuations(marks.boxes, places);
    const numbers = format(tocPages);
    const wrongNumber = numbers.find(([id, n], i) => written[i]?.[0] !== id || written[i]?.[1] !== n);
    const labels = await relabel(page, labelled, continuations);
    if ((!wrongNumber && numbers.length === written.length && labels.changed.length === 0) || passes === 3) {
      dropDestinations(pdf, new Set([...marks.added, ...partEnds.added]));
      return {
        pdf,
        pages: pdf.getPageCount(),
        tocPages,
        unplaced: job.tocIds.filter((id) => !tocPages.has(id)),
        headings,
        blocked: [],
        passes,
        reprint,
        measures,
        contents,
        continued: continuations.map((c) => c.page),
        partFit,
      };
    }
    reprint = {
      path: 'full',
      reason: wrongNumber
        ? `the contents’ entry "${wrongNumber[0]}" came out on page ${wrongNumber[1]}, not as measured`
        : `the "continued" labels of ${labels.changed.length} block(s) came out otherwise than measured`,
    };
    written = numbers;
    labelled = labels.now;
    await writeNumbers(page, written);
  }
}

/** #10: Chromium writes Arabic bookmarks in visual order, word by word reversed, and some twice; the headings' own text is the right title for each. */
function headingTexts(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('h1, h2, h3, h4, h5, h6'), (heading) => (heading.textContent ?? '').replace(/\s+/g, ' ').trim()),
  );
}

/**
 * #14: where the `read` link targets land, from a print that lays the document out as a full print does and
 * paints nothing: everything hidden (`visibility` never moves a box), no backgrounds, no tags, no bookmarks.
 * Chromium writes a link target's destination from the layout, painted or not. The other links lead to
 * the top of the page meanwhile (Chromium's cost is its pages times the link targets).
 */
async function measurePlaces(page: Page, read: ReadonlySet<string>): Promise<Map<string, DestinationPlace>> {
  await page.evaluate(
    (id: string, wanted: string[]) => {
      const style = document.createElement('style');
      style.id = id;
      style.textContent = '*,*::before,*::after,::marker{visibility:hidden !important;background:none !important;box-shadow:none !important}';
      document.head.append(style);
      // The other links lead to the top of the page while measuring: still links, so every style a theme
      // gives a link (`a[href]`, `:link`) still holds. (Taking their targets' ids away instead costs as much
      // as the links: Chromium searches the document for a name it cannot find.)
      const keep = new Set(wanted);
      for (const link of Array.from(document.querySelectorAll('a[href^="#"]'))) {
        const href = link.getAttribute('href') ?? '';
        if (keep.has(href.slice(1))) continue;
        link.setAttribute('data-bp-measure-href', href);
        link.setAttribute('href', '#');
      }
    },
    measureStyleId,
    [...read],
  );
  try {
    const bytes = await page.pdf({ ...pdfOptions, printBackground: false, tagged: false, outline: false });
    return readDestinationPlaces(await PDFDocument.load(bytes, pdfParseOptions));
  } finally {
    await page.evaluate((id: string) => {
      document.getElementById(id)?.remove();
      for (const link of Array.from(document.querySelectorAll('a[data-bp-measure-href]'))) {
        link.setAttribute('href', link.getAttribute('data-bp-measure-href') ?? '');
        link.removeAttribute('data-bp-measure-href');
      }
    }, measureStyleId);
  }
}

/** Take out the hidden links to these targets (only helpers link to them): Chromium writes no destination for them. */
async function unlink(page: Page, targets: string[]): Promise<void> {
  await page.evaluate((ids: string[]) => {
    const gone = new Set(ids);
    for (const link of Array.from(document.querySelectorAll('a[href^="#"]'))) if (gone.has((link.getAttribute('href') ?? '').slice(1))) link.remove();
  }, targets);
}

const measureStyleId = 'bp-measure-style';

/** One full print, tagged, with the bookmarks, parsed. */
async function printFull(page: Page): Promise<PDFDocument> {
  return PDFDocument.load(await page.pdf({ ...pdfOptions, tagged: true, outline: true }), pdfParseOptions);
}

/** Put "continued" labels on the blocks these continuations name and take them off the others: the blocks changed. */
async function relabel(page: Page, labelled: ReadonlySet<string>, continuations: Continuation[]): Promise<{ now: Set<string>; changed: string[] }> {
  const now = new Set(await addContinuedLabels(page, continuations));
  const removed = [...labelled].filter((id) => !now.has(id));
  await removeContinuedLabels(page, removed);
  return { now, changed: [...[...now].filter((id) => !labelled.has(id)), ...removed] };
}

/** Load the document, wait for its fonts, and name its link targets for the PDF. */
async function openDocument(page: Page, job: PrintJob): Promise<DestinationNames> {
  await page.goto(pathToFileURL(job.htmlPath).href, { waitUntil: 'load', timeout: 120_000 });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  return nameDestinations(page);
}

type DestinationNames = ReturnType<typeof destinationNames>;

async function writeNumbers(page: Page, entries: [string, string][]): Promise<void> {
  await page.evaluate((pairs: [string, string][]) => {
    for (const [id, n] of pairs) {
      const span = document.querySelector(`[data-toc-for="${CSS.escape(id)}"]`);
      if (span) span.textContent = n;
    }
  }, entries);
}

/** Page of every link target, by its id in the HTML, from a print's places. */
function landedAt(places: ReadonlyMap<string, { page: number }>, names: DestinationNames): Map<string, number> {
  return new Map([...places].map(([name, place]) => [names.toId.get(name) ?? name, place.page]));
}

function contentsPages(job: PrintJob, landed: Map<string, number>): Map<string, number> {
  return new Map(job.tocIds.flatMap((id) => (landed.has(id) ? [[id, landed.get(id) as number] as const] : [])));
}

/**
 * Give every element that a link of the document targets a short ASCII id before printing, so Chromium
 * writes it as the PDF destination's name (#10), and point the links, labels and descriptions at it.
 * Only the printing page changes: the published HTML keeps its readable ids.
 */
async function nameDestinations(page: Page): Promise<ReturnType<typeof destinationNames>> {
  const ids = await page.evaluate(() => Array.from(document.querySelectorAll('[id]'), (element) => element.id));
  const names = destinationNames(ids);
  await page.evaluate(
    (entries: [string, string][]) => {
      const rename = new Map(entries);
      for (const element of Array.from(document.querySelectorAll('[id]'))) element.id = rename.get(element.id) ?? element.id;
      for (const link of Array.from(document.querySelectorAll('a[href^="#"]'))) {
        const href = link.getAttribute('href') ?? '';
        let id = href.slice(1);
        try {
          id = decodeURIComponent(id);
        } catch {}
        const name = rename.get(id);
        if (name) link.setAttribute('href', `#${name}`);
      }
      for (const attribute of ['aria-labelledby', 'aria-describedby']) {
        for (const element of Array.from(document.querySelectorAll(`[${attribute}]`))) {
          const value = (element.getAttribute(attribute) ?? '').split(/\s+/).map((id: string) => rename.get(id) ?? id);
          element.setAttribute(attribute, value.join(' '));
        }
      }
    },
    [...names.toName],
  );
  return names;
}

function allowed(url: string, root: string): boolean {
  if (url.startsWith('data:')) return true;
  if (!url.startsWith('file:')) return false;
  try {
    return isInside(root, fileURLToPath(url));
  } catch {
    return false;
  }
}
