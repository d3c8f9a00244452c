import { PDFArray, PDFDict, type PDFDocument, PDFName, PDFNumber, type PDFObject, PDFObjectCopier, PDFRawStream, PDFRef, PDFStream } from 'pdf-lib';
import { decodeStream } from './flate.js';

export type SpliceOutcome = { spliced: true } | { spliced: false; reason: string };

/**
 * Put the front pages of a second, short print (the cover and the contents with their page numbers written
 * in) in place of the first `count` pages of the full print (#14). Only each page's drawing (/Contents and
 * /Resources) is taken: the full print's page objects keep their links, their place in the structure tree
 * (/StructParents) and the bookmarks pointing at them. That is right only when both prints laid the pages
 * out alike, so nothing is changed unless, page by page, the marked-content sequence (the tags and MCIDs
 * the structure tree points at), the links' rectangles and the page size are the same; otherwise the
 * reason is returned and the caller prints the whole document again.
 */
export function spliceFrontPages(full: PDFDocument, front: PDFDocument, count: number): SpliceOutcome {
  const refusal = compareFrontPages(full, front, count);
  if (refusal) return { spliced: false, reason: refusal };
  return splicePages(
    full,
    front,
    Array.from({ length: count }, (_, i) => [i, i]),
  );
}

/**
 * #12: the same for any pages: each pair names a page of the full print (0-based) and the page of a
 * `pageRanges` reprint that replaces its drawing (the front pages, and the pages where a box goes on, which
 * carry its "continued" label). Refused, with the reason, unless every pair has the same marked content,
 * links and size.
 */
export function splicePages(full: PDFDocument, short: PDFDocument, pairs: [number, number][]): SpliceOutcome {
  const refusal = comparePages(full, short, pairs);
  if (refusal) return { spliced: false, reason: refusal };
  const copier = PDFObjectCopier.for(short.context, full.context);
  for (const [to, from] of pairs) {
    const target = full.getPage(to).node;
    const source = short.getPage(from).node;
    for (const key of ['Contents', 'Resources'].map((name) => PDFName.of(name))) {
      const value = source.get(key);
      if (value) target.set(key, copier.copy(value));
      else target.delete(key);
    }
  }
  dropUnreachable(full);
  return { spliced: true };
}

/** Why the first `count` pages of two prints are not interchangeable, or undefined when they are. */
export function compareFrontPages(full: PDFDocument, front: PDFDocument, count: number): string | undefined {
  if (count < 1) return 'no front pages';
  if (full.getPageCount() <= count) return `the full print has ${full.getPageCount()} pages, expected more than ${count}`;
  if (front.getPageCount() < count) return `the front print has ${front.getPageCount()} pages, expected ${count}`;
  return comparePages(
    full,
    front,
    Array.from({ length: count }, (_, i) => [i, i]),
  );
}

/** Why paired pages of two prints are not interchangeable (page numbers of the full print), or undefined. */
export function comparePages(full: PDFDocument, short: PDFDocument, pairs: [number, number][]): string | undefined {
  for (const [i, j] of pairs) {
    if (i >= full.getPageCount() || j >= short.getPageCount()) return `page ${i + 1}: not in both prints`;
    const a = describePage(full, i);
    const b = describePage(short, j);
    if (a.size !== b.size) return `page ${i + 1}: size ${a.size} ≠ ${b.size}`;
    if (a.marks === undefined || a.marks !== b.marks) return `page ${i + 1}: marked content differs`;
    // Chromium places the same link a fraction of a point apart in a long and a short print (layout units
    // rounded differently); a line that moved is a whole line height away.
    if (a.links.length !== b.links.length) return `page ${i + 1}: links differ (${a.links.length} and ${b.links.length})`;
    const moved = a.links.findIndex((rect, k) => rect.some((x, j) => !(Math.abs(x - (b.links[k]?.[j] ?? Number.NaN)) <= 1)));
    if (moved >= 0) return `page ${i + 1}: links differ (link ${moved + 1} at ${a.links[moved]?.join(' ')} and ${b.links[moved]?.join(' ')})`;
  }
  return undefined;
}

interface PageShape {
  size: string;
  /** Every marked-content operator of the page's content, in order: `/P<</MCID 3>>BDC`, `/Artifact BMC`, `EMC`. */
  marks: string | undefined;
  /** The rectangles of the page's annotations, in order. */
  links: number[][];
}

function describePage(pdf: PDFDocument, index: number): PageShape {
  const page = pdf.getPage(index);
  const box = page.getMediaBox();
  const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
  const rects: number[][] = [];
  for (let i = 0; annots && i < annots.size(); i++) {
    const rect = annots.lookupMaybe(i, PDFDict)?.lookupMaybe(PDFName.of('Rect'), PDFArray);
    rects.push(rect ? rect.asArray().map((x) => (x instanceof PDFNumber ? x.asNumber() : Number.NaN)) : [Number.NaN]);
  }
  // #12: only the marked content the structure tree points at (an MCID) must match: a "continued" label is
  // drawn outside the tags, but Skia wraps right-to-left text in marks of its own (/ReversedChars, /Span
  // with /ActualText) that tag nothing.
  const marks = markedContent(pdf, page.node.get(PDFName.of('Contents')));
  return {
    size: `${box.x} ${box.y} ${box.width} ${box.height}`,
    marks: marks
      ?.split('\n')
      .filter((op) => op.includes('MCID'))
      .join('\n'),
    links: rects,
  };
}

/** The marked-content operators of a page's content streams (a signature), undefined when they cannot be read. */
export function markedContent(pdf: PDFDocument, contents: PDFObject | undefined): string | undefined {
  const streams: PDFObject[] = [];
  const resolved = contents instanceof PDFRef ? pdf.context.lookup(contents) : contents;
  if (resolved instanceof PDFArray)
    for (let i = 0; i < resolved.size(); i++) {
      const stream = resolved.lookup(i);
      if (stream) streams.push(stream);
    }
  else if (resolved) streams.push(resolved);
  let text = '';
  for (const stream of streams) {
    if (!(stream instanceof PDFRawStream)) return undefined;
    text += `${Buffer.from(decodeStream(stream)).toString('latin1')}\n`;
  }
  // Chromium writes glyphs as hex strings, so the operator names cannot occur inside text; a false match
  // only makes the pages differ, which prints the whole document again: never a wrong PDF.
  const ops = text.match(/\/[^\s/<>[\]()]+\s*(?:<<[^>]*>>\s*BDC|\/[^\s/<>[\]()]+\s*BDC|BMC)|\bEMC\b/g) ?? [];
  return ops.map((op) => op.replace(/\s+/g, ' ')).join('\n');
}

/** Delete every object nothing refers to any more (the replaced pages' old drawings), so they are not saved. */
function dropUnreachable(pdf: PDFDocument): void {
  const seen = new Set<string>();
  const stack: PDFObject[] = [];
  for (const key of ['Root', 'Info', 'Encrypt'] as const) {
    const value = pdf.context.trailerInfo[key];
    if (value) stack.push(value);
  }
  while (stack.length > 0) {
    const object = stack.pop() as PDFObject;
    if (object instanceof PDFRef) {
      const tag = object.toString();
      if (seen.has(tag)) continue;
      seen.add(tag);
      const target = pdf.context.lookup(object);
      if (target) stack.push(target);
    } else if (object instanceof PDFDict) {
      for (const [, value] of object.entries()) stack.push(value);
    } else if (object instanceof PDFArray) {
      for (const value of object.asArray()) stack.push(value);
    } else if (object instanceof PDFStream) {
      stack.push(object.dict);
    }
  }
  for (const [ref] of pdf.context.enumerateIndirectObjects()) if (!seen.has(ref.toString())) pdf.context.delete(ref);
}
