import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Element } from 'hast';
import { selectAll } from 'hast-util-select';
import { toString as hastToString } from 'hast-util-to-string';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString } from 'pdf-lib';
import { pdfDestinationName } from '../src/pdf/destination-names.js';
import { readHtml } from './helpers.js';

export interface ContentsEntry {
  id: string;
  /** The entry's text in the HTML contents. */
  text: string;
  /** Page of the contents where the entry's link is. */
  contentsPage: number;
  /** The number printed in the entry (any script's digits), read inside the link's rectangle. */
  printed: number | undefined;
  /** The page the entry's link leads to in the PDF. */
  target: number | undefined;
}

interface Word {
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  text: string;
}

/** Words of one page with their boxes (top-left origin), as poppler reads them. */
export function pageWords(pdf: string, page: number): { width: number; height: number; words: Word[] } {
  const xml = execFileSync('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const size = /<page width="([\d.]+)" height="([\d.]+)"/.exec(xml);
  const words = [...xml.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    xMin: Number(m[1]),
    yMin: Number(m[2]),
    xMax: Number(m[3]),
    yMax: Number(m[4]),
    text: m[5]?.replaceAll('&amp;', '&').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"') ?? '',
  }));
  return { width: Number(size?.[1]), height: Number(size?.[2]), words };
}

/** A number written in Latin, Arabic-Indic, Eastern Arabic-Indic or Bengali digits. */
export function readDigits(text: string): number | undefined {
  if (!/^[0-9\u0660-\u0669\u06f0-\u06f9\u09e6-\u09ef]+$/.test(text)) return undefined;
  const latin = [...text]
    .map((ch) => {
      const c = ch.codePointAt(0) as number;
      for (const zero of [0x30, 0x660, 0x6f0, 0x9e6]) if (c >= zero && c <= zero + 9) return String(c - zero);
      return ch;
    })
    .join('');
  return Number(latin);
}

/**
 * Every entry of a built document's contents, read from the PDF itself: where its link is, what number is
 * printed inside the link, and where the link leads. The entries come from the HTML's contents.
 */
export async function readContents(pdfFile: string, htmlFile: string, dir: 'ltr' | 'rtl' = 'ltr'): Promise<ContentsEntry[]> {
  const html = readHtml(htmlFile);
  const wanted = selectAll('nav.toc a', html).map((a) => ({
    id: decodeURIComponent(String((a as Element).properties.href).slice(1)),
    text: hastToString(selectAll('.toc-text', a)[0] as Element),
  }));
  const pdf = await PDFDocument.load(readFileSync(pdfFile), { updateMetadata: false });
  const pages = pdf.getPages();
  const pageOf = new Map(pages.map((p, i) => [p.ref.toString(), i + 1]));
  const dests = pdf.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  const targetOf = (name: string) => {
    const dest = dests?.lookupMaybe(PDFName.of(name), PDFArray);
    const ref = dest?.get(0);
    return ref instanceof PDFRef ? pageOf.get(ref.toString()) : undefined;
  };
  // Every link of a name: an entry at the foot of a page can leave an empty fragment of its link there.
  const links = new Map<string, { page: number; rect: number[] }[]>();
  for (const [i, page] of pages.entries()) {
    const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    for (let k = 0; annots && k < annots.size(); k++) {
      const annot = annots.lookup(k, PDFDict);
      const dest = annot.get(PDFName.of('Dest'));
      const name = dest instanceof PDFName ? dest.decodeText() : dest instanceof PDFString || dest instanceof PDFHexString ? dest.decodeText() : undefined;
      if (!name) continue;
      const rect = annot.lookup(PDFName.of('Rect'), PDFArray);
      const found = { page: i + 1, rect: [0, 1, 2, 3].map((j) => (rect.lookup(j, PDFNumber) as PDFNumber).asNumber()) };
      links.set(name, [...(links.get(name) ?? []), found]);
    }
  }
  const wordsByPage = new Map<number, ReturnType<typeof pageWords>>();
  return wanted.map(({ id, text }) => {
    const name = pdfDestinationName(id);
    const found = links.get(name) ?? [];
    if (found.length === 0) return { id, text, contentsPage: 0, printed: undefined, target: targetOf(name) };
    const read = (link: { page: number; rect: number[] }) => {
      let words = wordsByPage.get(link.page);
      if (!words) {
        words = pageWords(pdfFile, link.page);
        wordsByPage.set(link.page, words);
      }
      const [x1 = 0, y1 = 0, x2 = 0, y2 = 0] = link.rect;
      const top = words.height - Math.max(y1, y2);
      const bottom = words.height - Math.min(y1, y2);
      const inside = words.words.filter((w) => {
        const cx = (w.xMin + w.xMax) / 2;
        const cy = (w.yMin + w.yMax) / 2;
        return cx >= Math.min(x1, x2) && cx <= Math.max(x1, x2) && cy >= top && cy <= bottom;
      });
      // The page number is the digits at the end of the line: the right in left-to-right text, the left in right-to-left.
      const numbers = inside.filter((w) => readDigits(w.text) !== undefined).sort((a, b) => (dir === 'ltr' ? a.xMax - b.xMax : b.xMin - a.xMin));
      const last = numbers.at(-1);
      return last ? readDigits(last.text) : undefined;
    };
    // The fragment of the link that holds the entry's text (the others hold nothing).
    for (const link of found) {
      const printed = read(link);
      if (printed !== undefined) return { id, text, contentsPage: link.page, printed, target: targetOf(name) };
    }
    return { id, text, contentsPage: (found[0] as { page: number }).page, printed: undefined, target: targetOf(name) };
  });
}

/**
 * Text for comparing what poppler reads with what was written: without whitespace, bidi controls (poppler
 * wraps right-to-left runs in U+202B…U+202C) and Arabic vowel marks (poppler puts a shadda before the
 * letter it sits on). The letters themselves must come in logical order.
 */
export const compact = (text: string) => text.replace(/[\s\u200e\u200f\u202a-\u202e\u2066-\u2069\u064b-\u065f\u0670]+/g, '');

/** Page texts as pdftotext gives them (reading order), compacted, for finding a heading. */
export function compactPages(pdfFile: string): string[] {
  const text = execFileSync('pdftotext', [pdfFile, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return text.split('\f').map(compact);
}
