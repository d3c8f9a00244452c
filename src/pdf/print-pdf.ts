import { fileURLToPath, pathToFileURL } from 'node:url';
import { PDFDocument } from 'pdf-lib';
import type { Browser, HTTPRequest, Page } from 'puppeteer-core';
import { isInside } from '../project/read-inside.js';
import { destinationNames } from './destination-names.js';
import { readDestinations } from './read-destinations.js';

export interface PrintJob {
  /** Absolute path of the staged HTML file. */
  htmlPath: string;
  /** Heading ids listed in the contents, whose page numbers are filled in. */
  tocIds: string[];
  /** Language of the document: the contents' numbers are written in its digits (Intl). */
  lang: string;
}

export interface PrintResult {
  bytes: Uint8Array;
  pages: number;
  /** Page of each contents entry, as printed. */
  tocPages: Map<string, number>;
  /** Contents entries whose heading was found on no page of the final print (#10: an error, never a blank). */
  unplaced: string[];
  /** The text of every heading, in document order and logical order, for the bookmarks (#10). */
  headings: string[];
  /** Requests the renderer refused (network, files outside the output folder). */
  blocked: string[];
  passes: number;
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
  await page.goto(pathToFileURL(job.htmlPath).href, { waitUntil: 'load', timeout: 120_000 });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  const names = await nameDestinations(page);
  const digits = new Intl.NumberFormat(job.lang, { useGrouping: false });
  let tocPages = new Map<string, number>();
  let passes = 0;
  let bytes: Uint8Array = new Uint8Array();
  let pages = 0;
  for (;;) {
    passes++;
    const final = passes > 1;
    bytes = await page.pdf({ ...pdfOptions, tagged: final, outline: final });
    // #10: a real parser, never a scan of the bytes (a heading named "endobj" or "stream" cut the scan short).
    const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
    pages = pdf.getPageCount();
    const landed = new Map<string, number>();
    for (const [name, n] of readDestinations(pdf)) landed.set(names.toId.get(name) ?? name, n);
    const found = new Map(job.tocIds.flatMap((id) => (landed.has(id) ? [[id, landed.get(id) as number] as const] : [])));
    const stable = [...found].every(([id, n]) => tocPages.get(id) === n) && found.size === tocPages.size;
    if (final && stable) break;
    if (passes >= 3) break;
    tocPages = found;
    await page.evaluate(
      (entries: [string, string][]) => {
        for (const [id, n] of entries) {
          const span = document.querySelector(`[data-toc-for="${CSS.escape(id)}"]`);
          if (span) span.textContent = n;
        }
      },
      [...found].map(([id, n]) => [id, digits.format(n)] as [string, string]),
    );
  }
  // #10: Chromium writes Arabic bookmarks in visual order, word by word reversed, and some twice; the
  // headings' own text is the right title for each.
  const headings = await page.evaluate(() =>
    Array.from(document.querySelectorAll('h1, h2, h3, h4, h5, h6'), (heading) => (heading.textContent ?? '').replace(/\s+/g, ' ').trim()),
  );
  return { bytes, pages, tocPages, unplaced: job.tocIds.filter((id) => !tocPages.has(id)), headings, blocked: [], passes };
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
