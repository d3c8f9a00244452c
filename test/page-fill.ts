import { execFile, execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { promisify } from 'node:util';
import { outline } from './pdf-contents.js';

/** One line of text as poppler lays it out (top-left origin, points). */
export interface PdfLine {
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  text: string;
}

export interface PdfPage {
  width: number;
  height: number;
  lines: PdfLine[];
}

const unescapeXml = (s: string) =>
  s.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&amp;', '&');

/** What poppler read of each PDF, by path, size and time: several checks read the same PDFs. */
const read = new Map<string, PdfPage[]>();

/** Every page of a PDF as lines with their boxes (`pdftotext -bbox-layout`), in reading order (#12). */
export function pdfLines(pdf: string): PdfPage[] {
  const stat = statSync(pdf);
  const key = `${pdf}\n${stat.size}\n${stat.mtimeMs}`;
  let pages = read.get(key);
  if (!pages) {
    pages = readLines(pdf);
    read.set(key, pages);
  }
  return pages;
}

/** Run `work` on each item, a few at a time (poppler calls: a suite reading tens of PDFs one after another leaves a core idle). */
export async function eachInTurns<T>(items: T[], work: (item: T) => Promise<void>, jobs = 3): Promise<void> {
  const queue = [...items];
  const worker = async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
  };
  await Promise.all(Array.from({ length: jobs }, worker));
}

export const execFileAsync = promisify(execFile);

/** Read many PDFs' lines ahead, a few at a time: the checks that follow find them read. */
export async function readPdfLinesAhead(pdfs: string[]): Promise<void> {
  await eachInTurns([...new Set(pdfs)], async (pdf) => {
    const stat = statSync(pdf);
    const { stdout } = await execFileAsync('pdftotext', ['-bbox-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 256 << 20 });
    read.set(`${pdf}\n${stat.size}\n${stat.mtimeMs}`, parseLines(stdout));
  });
}

function readLines(pdf: string): PdfPage[] {
  return parseLines(execFileSync('pdftotext', ['-bbox-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 256 << 20 }));
}

function parseLines(xml: string): PdfPage[] {
  return xml
    .split('<page ')
    .slice(1)
    .map((chunk) => {
      const size = /^width="([\d.]+)" height="([\d.]+)"/.exec(chunk);
      const lines = [...chunk.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g)].map((m) => ({
        xMin: Number(m[1]),
        yMin: Number(m[2]),
        xMax: Number(m[3]),
        yMax: Number(m[4]),
        text: [...(m[5] ?? '').matchAll(/<word [^>]*>([^<]*)<\/word>/g)].map((w) => unescapeXml(w[1] ?? '')).join(' '),
      }));
      return { width: Number(size?.[1]), height: Number(size?.[2]), lines };
    });
}

/**
 * Lines that repeat at the same height on most pages: the running header and footer (their text changes
 * with the part and the page number, their place does not).
 */
function runningLines(pages: PdfPage[]): Set<number> {
  const count = new Map<number, number>();
  for (const page of pages.slice(1)) {
    for (const y of new Set(page.lines.map((l) => Math.round(l.yMin)))) count.set(y, (count.get(y) ?? 0) + 1);
  }
  return new Set([...count].filter(([, n]) => n >= Math.max(3, (pages.length - 1) * 0.6)).map(([y]) => y));
}

export interface PageFill {
  page: number;
  /** How far down the text block the page's text reaches, 0–1. */
  fill: number;
  kind: 'front' | 'body' | 'part-end' | 'back';
}

/**
 * How full each page of a built guide is (#12), read from the PDF: the text block is the highest and lowest
 * line any page has outside the running header and footer; a page's fill is how far down it its last line
 * reaches. Pages are sorted into front matter (cover, contents), body, the last page of a part (may be short)
 * and back matter (notes, sources, back page), from the PDF's bookmarks and the number of parts.
 */
export function pageFill(pdf: string, parts: number): PageFill[] {
  const pages = pdfLines(pdf);
  const running = runningLines(pages);
  const body = pages.map((p) => p.lines.filter((l) => !running.has(Math.round(l.yMin))));
  const inner = body.slice(1).flat();
  const top = Math.min(...inner.map((l) => l.yMin));
  const bottom = Math.max(...inner.map((l) => l.yMax));
  const entries = outline(pdf).filter((e) => e.depth === 1);
  // Depth 1: the contents, each part, then the notes and sources.
  const starts = entries.slice(1, 1 + parts).map((e) => e.page);
  const backStart = entries[1 + parts]?.page ?? pages.length + 1;
  const firstBody = starts[0] ?? 2;
  const partEnds = new Set([...starts.slice(1).map((s) => s - 1), backStart - 1]);
  return body.map((lines, i) => {
    const page = i + 1;
    const lowest = Math.max(top, ...lines.map((l) => l.yMax));
    const fill = lines.length ? (lowest - top) / (bottom - top) : 0;
    const kind = page < firstBody ? 'front' : page >= backStart ? 'back' : partEnds.has(page) ? 'part-end' : 'body';
    return { page, fill, kind };
  });
}

/** The number of parts of a built guide, from its HTML. */
export function partsOf(html: string): number {
  return (readFileSync(html, 'utf8').match(/<section class="part part-\d+"/g) ?? []).length;
}

/**
 * Characters per full line of running text (#12): the measure. Lines of body pages (not the cover) as wide
 * as the text block (at least 92 % of the widest lines' width), which are what a paragraph's lines fill.
 */
export function lineLengths(pdf: string): number[] {
  const pages = pdfLines(pdf).slice(1);
  const running = runningLines([{ width: 0, height: 0, lines: [] }, ...pages]);
  const lines = pages.flatMap((p) => p.lines).filter((l) => !running.has(Math.round(l.yMin)));
  const full = quantile(
    lines.map((l) => l.xMax - l.xMin),
    0.95,
  );
  return lines.filter((l) => l.xMax - l.xMin >= 0.92 * full).map((l) => [...l.text].length);
}

/** The value below which `q` (0–1) of the numbers fall. */
export function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

/**
 * #12: pages whose running head or footer takes more than one line: the lines in the top and bottom
 * 6.5 % of each page after the cover, grouped into rows by their middles (Arabic words' boxes differ by
 * their marks, so not by their tops). `page: text` of each, or none.
 */
export function wrappedMarginLines(pdf: string): string[] {
  const wrapped: string[] = [];
  for (const [i, page] of pdfLines(pdf).entries()) {
    if (i === 0) continue;
    const regions = [page.lines.filter((l) => l.yMax < page.height * 0.065), page.lines.filter((l) => l.yMin > page.height * 0.935)];
    for (const lines of regions) {
      const middles = lines.map((l) => (l.yMin + l.yMax) / 2).sort((a, b) => a - b);
      const rows = middles.filter((y, k) => k === 0 || y - (middles[k - 1] as number) >= 4).length;
      if (rows > 1) wrapped.push(`p. ${i + 1}: ${lines.map((l) => l.text).join(' | ')}`);
    }
  }
  return wrapped;
}
