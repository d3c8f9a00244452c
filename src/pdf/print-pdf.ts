import { fileURLToPath, pathToFileURL } from 'node:url';
import { PDFDocument } from 'pdf-lib';
import type { Browser, HTTPRequest, Page } from 'puppeteer-core';
import { isInside } from '../project/read-inside.js';
import { addContinuedLabels, type Continuation, findContinuations, markBoxes, removeContinuedLabels } from './continued-labels.js';
import { destinationNames } from './destination-names.js';
import { type ContentsFit, fitContents } from './fit-contents.js';
import { applyPartFit, fitShortParts, markPartEnds, type PartFit } from './fit-parts.js';
import { measurePageArea } from './page-area.js';
import { predictPlaces } from './predict-places.js';
import { dropDestinations, readDestinationPlaces } from './read-destinations.js';
import { spliceFrontPages, splicePages } from './splice-front-pages.js';

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
  /** Full prints of the document: 1, one more when parts were tightened (#12), more when the short reprint of the front pages could not be used. */
  passes: number;
  /**
   * How the contents' numbers and the "continued" labels got into the PDF: already in the last full print
   * (`none`: a part fit's print carried them, guessed right), a reprint of the front pages (or only the
   * pages whose labels changed: `frontPages` 0) spliced in, or a full print.
   */
  reprint: { path: 'none' } | { path: 'front'; frontPages: number } | { path: 'full'; reason: string };
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
 * Print every document with one browser and a small pool of reused pages. The contents' page numbers
 * need two passes: print, read where each heading landed from the PDF's named destinations, write the
 * numbers in, print again tagged with bookmarks (#5). A third pass runs only if the numbers moved.
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
  let names = await openDocument(page, job);
  // #14: the contents' numbers are set in a box of fixed width (page-rules.ts), so a placeholder of three
  // digits lays the contents out as the real numbers will: the one full print is already the final layout.
  const placeholders = job.tocIds.map((id) => [id, digits.format(888)] as [string, string]);
  await writeNumbers(page, placeholders);
  const area = await measurePageArea(page);
  const contents = await fitContents(page, area);
  let marks = await markBoxes(page);
  let partEnds = await markPartEnds(page);
  // #10: a real parser, never a scan of the bytes (a heading named "endobj" or "stream" cut the scan short).
  let pdf = await printFull(page);
  let places = readDestinationPlaces(pdf);
  let passes = 1;
  // What the document in the page carries now: the contents' numbers, and the blocks with a "continued" label.
  const written = new Map<string, string>(placeholders);
  let labelled = new Set<string>();
  // #12: a part whose last page holds a few lines is set a little tighter, when that takes them back onto
  // the pages before, or else given more lines from the page before, and the document printed again.
  // A part set tighter that still ends short is given lines from the page before in a third print.
  const partFit: PartFit = { tightened: [], pushed: [] };
  for (let round = 0; round < 2; round++) {
    const skip = new Set(partEnds.ends.filter((end) => end.blocks.some((b) => partFit.pushed.includes(b.id))).map((end) => end.part));
    const more = await fitShortParts(page, partEnds.ends, places, area, { tighten: round === 0, skip });
    if (more.tightened.length + more.pushed.length === 0) break;
    partFit.tightened.push(...more.tightened);
    partFit.pushed.push(...more.pushed);
    // #14: that print carries the numbers and labels its layout is guessed to need (predict-places.ts), so
    // that it is most often the document's last: no reprint of the front or the labelled pages after it.
    const guess = predictPlaces(places, partEnds.ends, more, (area?.height ?? 0) * 0.75);
    const numbers = format(contentsPages(job, landedAt(guess, names)));
    await writeNumbers(page, numbers);
    for (const [id, n] of numbers) written.set(id, n);
    labelled = (await relabel(page, labelled, findContinuations(marks.boxes, guess))).now;
    pdf = await printFull(page);
    places = readDestinationPlaces(pdf);
    passes++;
  }
  let landed = landedAt(places, names);
  const pages = pdf.getPageCount();
  let tocPages = contentsPages(job, landed);
  // #12: the pages on which a case study goes on from the page before, with the block it goes on with.
  const continuations = findContinuations(marks.boxes, places);
  // #10: Chromium writes Arabic bookmarks in visual order, word by word reversed, and some twice; the
  // headings' own text is the right title for each.
  const headings = await page.evaluate(() =>
    Array.from(document.querySelectorAll('h1, h2, h3, h4, h5, h6'), (heading) => (heading.textContent ?? '').replace(/\s+/g, ' ').trim()),
  );
  const formatted = format(tocPages);
  const numbersRight = formatted.every(([id, n]) => written.get(id) === n);
  // The labels this print shows are needed (a box goes on at the top of the page), on the blocks' pages.
  const labels = await relabel(page, labelled, continuations);
  const labelPages = new Set(labels.changed.flatMap((block) => places.get(block)?.page ?? []));
  // The pages before the body: those before the page where the element after the contents begins.
  const bodyStart = names.afterContents ? landed.get(names.afterContents) : undefined;
  let reprint: PrintResult['reprint'];
  if (numbersRight && labelPages.size === 0) reprint = { path: 'none' };
  else if (bodyStart !== undefined && bodyStart > 1 && formatted.every(([, n]) => n.length <= 3)) {
    const front = numbersRight ? 0 : bodyStart - 1;
    if (!numbersRight) await writeNumbers(page, formatted);
    const outcome =
      labelPages.size > 0
        ? await reprintPages(page, pdf, names, front, labelPages)
        : await reprintFront(page, pdf, names, front, pages, landed.get(names.firstHeading ?? '') === bodyStart);
    reprint = outcome.spliced ? { path: 'front', frontPages: front } : { path: 'full', reason: outcome.reason };
  } else
    reprint = { path: 'full', reason: bodyStart === undefined ? 'the body’s first page is not known' : 'a page number wider than the contents’ number box' };
  if (reprint.path === 'full') {
    // Today's way, kept for whatever the short reprint cannot do: write the numbers in and print it all
    // again (a third time if the numbers moved a heading).
    names = await openDocument(page, job);
    await writeNumbers(page, placeholders);
    await fitContents(page, area);
    marks = await markBoxes(page);
    partEnds = await markPartEnds(page);
    await applyPartFit(page, partFit);
    await addContinuedLabels(page, continuations);
    for (let round = 0; round < 2; round++) {
      await writeNumbers(page, format(tocPages));
      passes++;
      pdf = await printFull(page);
      landed = landedHeadings(pdf, names);
      const found = contentsPages(job, landed);
      const stable = found.size === tocPages.size && [...found].every(([id, n]) => tocPages.get(id) === n);
      tocPages = found;
      if (stable) break;
    }
  }
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
    contents,
    continued: continuations.map((c) => c.page),
    partFit,
  };
}

/** One full print, tagged, with the bookmarks, parsed. */
async function printFull(page: Page): Promise<PDFDocument> {
  return PDFDocument.load(await page.pdf({ ...pdfOptions, tagged: true, outline: true }), { updateMetadata: false });
}

/** Put "continued" labels on the blocks these continuations name and take them off the others: the blocks changed. */
async function relabel(page: Page, labelled: ReadonlySet<string>, continuations: Continuation[]): Promise<{ now: Set<string>; changed: string[] }> {
  const now = new Set(await addContinuedLabels(page, continuations));
  const removed = [...labelled].filter((id) => !now.has(id));
  await removeContinuedLabels(page, removed);
  return { now, changed: [...[...now].filter((id) => !labelled.has(id)), ...removed] };
}

type Splice = { spliced: true } | { spliced: false; reason: string };

/** #14: reprint only the front pages, the body hidden, and splice them in. */
async function reprintFront(page: Page, pdf: PDFDocument, names: DestinationNames, front: number, pages: number, opensWithHeading: boolean): Promise<Splice> {
  // The body's first heading is kept when it opens the body: Chromium paints the top of a tall line
  // (Arabic) into the page before too, so the last contents page is only the same with it.
  const heading = opensWithHeading ? names.firstHeading : undefined;
  const frontBytes = await printFrontPages(page, front, pages, heading ? names.toName.get(heading) : undefined);
  const frontPdf = await PDFDocument.load(frontBytes, { updateMetadata: false });
  const reprinted = landedHeadings(frontPdf, names);
  const laidOutAlike = heading ? reprinted.get(heading) === front + 1 && reprinted.get(blankId) === front + 2 : reprinted.get(blankId) === front + 1;
  return laidOutAlike ? spliceFrontPages(pdf, frontPdf, front) : { spliced: false, reason: 'the contents do not end before the body' };
}

/**
 * #12: when "continued" labels change, one reprint of the whole document (nothing hidden: the labels' pages
 * must lay out as before) but only of the front pages when their numbers changed (`front` > 0), the body's
 * first page (which tells the contents end where they did) and the pages whose labels changed, each spliced
 * in place of the full print's page.
 */
async function reprintPages(page: Page, pdf: PDFDocument, names: DestinationNames, front: number, labelled: ReadonlySet<number>): Promise<Splice> {
  const frontPages = front > 0 ? Array.from({ length: front + 1 }, (_, i) => i + 1) : [];
  const wanted = [...new Set([...frontPages, ...labelled])].sort((a, b) => a - b);
  const bytes = await page.pdf({ ...pdfOptions, tagged: true, outline: false, pageRanges: pageRanges(wanted) });
  const short = await PDFDocument.load(bytes, { updateMetadata: false });
  if (front > 0) {
    const bodyStart = names.afterContents ? landedHeadings(short, names).get(names.afterContents) : undefined;
    if (bodyStart !== front + 1) return { spliced: false, reason: 'the contents do not end before the body' };
  }
  if (short.getPageCount() !== wanted.length) return { spliced: false, reason: `the reprint has ${short.getPageCount()} pages, expected ${wanted.length}` };
  const pairs = wanted.flatMap((n, i) => (n <= front || labelled.has(n) ? [[n - 1, i] as [number, number]] : []));
  return splicePages(pdf, short, pairs);
}

/** `1-3,7,9-10` for Chromium's pageRanges. */
function pageRanges(pages: number[]): string {
  const runs: [number, number][] = [];
  for (const n of pages) {
    const last = runs.at(-1);
    if (last && n === last[1] + 1) last[1] = n;
    else runs.push([n, n]);
  }
  return runs.map(([a, b]) => (a === b ? `${a}` : `${a}-${b}`)).join(',');
}

/** Load the document, wait for its fonts, and name its link targets for the PDF. */
async function openDocument(page: Page, job: PrintJob): Promise<DestinationNames> {
  await page.goto(pathToFileURL(job.htmlPath).href, { waitUntil: 'load', timeout: 120_000 });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  // The element after the contents gets a link (never shown) so Chromium writes where it lands: the first
  // page of the body, after the front pages.
  const afterContents = await page.evaluate(() => {
    const toc = document.querySelector('[data-toc-for]')?.closest('nav');
    let next: Element | null = null;
    for (let node: Element | null = toc ?? null; node && node !== document.body && !next; node = node.parentElement) next = node.nextElementSibling;
    if (!next) return undefined;
    if (!next.id) next.id = 'bp-after-contents';
    const heading = next.matches('h1, h2, h3, h4, h5, h6') ? next : next.querySelector('h1, h2, h3, h4, h5, h6');
    if (heading && !heading.id) heading.id = 'bp-first-heading';
    for (const id of [next.id, heading?.id]) {
      if (!id) continue;
      const link = document.createElement('a');
      link.href = `#${id}`;
      link.setAttribute('style', 'display:none !important');
      document.body.append(link);
    }
    return [next.id, heading?.id] as const;
  });
  const names = await nameDestinations(page);
  const [after, heading] = afterContents ?? [];
  return { ...names, ...(after ? { afterContents: after } : {}), ...(heading ? { firstHeading: heading } : {}) };
}

type DestinationNames = ReturnType<typeof destinationNames> & { afterContents?: string; firstHeading?: string };

const blankId = 'bp-blank-page';

/**
 * Print only the front pages again, with the numbers written in (#14). Everything after the contents is
 * hidden (but the body's first heading, when `keep` names it) and followed by blank pages, as many as the
 * body had, so the footers' "Page X of Y" keep the real total; the page after the front pages (and after
 * the heading's) is printed too, which tells that the contents ended where they did.
 */
async function printFrontPages(page: Page, front: number, total: number, keep: string | undefined): Promise<Uint8Array> {
  await page.evaluate(
    (blanks: number, id: string, keepId: string | null) => {
      const toc = document.querySelector('[data-toc-for]')?.closest('nav');
      const kept = keepId ? document.getElementById(keepId) : null;
      const start = kept ?? toc;
      if (!start) return;
      for (let node: Element | null = start; node && node !== document.body; node = node.parentElement)
        for (let next = node.nextElementSibling; next; next = next.nextElementSibling) (next as HTMLElement).style.setProperty('display', 'none', 'important');
      const pages = document.createDocumentFragment();
      for (let i = 0; i < blanks; i++) {
        const blank = document.createElement('div');
        blank.setAttribute('style', 'display:block !important;break-before:page !important;height:1px;margin:0;padding:0');
        if (i === 0) blank.id = id;
        pages.append(blank);
      }
      const link = document.createElement('a');
      link.href = `#${id}`;
      link.setAttribute('style', 'display:none !important');
      pages.append(link);
      if (kept) document.body.append(pages);
      else start.after(pages);
    },
    total - front - (keep ? 1 : 0),
    blankId,
    keep ?? null,
  );
  return page.pdf({ ...pdfOptions, tagged: true, outline: false, pageRanges: `1-${front + (keep ? 2 : 1)}` });
}

async function writeNumbers(page: Page, entries: [string, string][]): Promise<void> {
  await page.evaluate((pairs: [string, string][]) => {
    for (const [id, n] of pairs) {
      const span = document.querySelector(`[data-toc-for="${CSS.escape(id)}"]`);
      if (span) span.textContent = n;
    }
  }, entries);
}

/** Page of every link target, by its id in the HTML. */
function landedHeadings(pdf: PDFDocument, names: DestinationNames): Map<string, number> {
  return landedAt(readDestinationPlaces(pdf), names);
}

/** Page of every link target, by its id in the HTML, from places (read or guessed). */
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
