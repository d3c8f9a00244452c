import { PDFArray, PDFDict, type PDFDocument, PDFHexString, PDFName, PDFNumber, type PDFObject, PDFRef, PDFString } from 'pdf-lib';

/**
 * Page number (1-based) of every named destination in a PDF. Chromium writes one for each element that an
 * internal link targets, so the contents' links tell us where each heading landed (#5: the browser has no
 * target-counter()).
 */
export function readDestinations(pdf: PDFDocument): Map<string, number> {
  return new Map([...readDestinationPlaces(pdf)].map(([name, place]) => [name, place.page]));
}

/** Where a named destination points: its page (1-based) and how far below the top of the page area. */
export interface DestinationPlace {
  page: number;
  /** Points from the top of the page's area (Chromium writes `/XYZ left top` with top measured from the page's foot). */
  below: number;
}

/** Page and height on the page of every named destination (#12: where a box goes on, where a part ends). */
export function readDestinationPlaces(pdf: PDFDocument): Map<string, DestinationPlace> {
  const pageIndex = new Map<string, { n: number; height: number }>();
  for (const [i, page] of pdf.getPages().entries()) pageIndex.set(page.ref.toString(), { n: i + 1, height: page.getMediaBox().height });
  const result = new Map<string, DestinationPlace>();
  const add = (name: string, value: PDFObject | undefined) => {
    let target = value instanceof PDFRef ? pdf.context.lookup(value) : value;
    if (target instanceof PDFDict) target = target.get(PDFName.of('D'));
    if (target instanceof PDFRef) target = pdf.context.lookup(target);
    if (!(target instanceof PDFArray)) return;
    const page = target.get(0);
    if (page instanceof PDFRef) {
      const found = pageIndex.get(page.toString());
      const top = target.get(3);
      if (found !== undefined) result.set(name, { page: found.n, below: top instanceof PDFNumber ? found.height - top.asNumber() : 0 });
    }
  };
  const dests = pdf.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  if (dests) for (const [key, value] of dests.entries()) add(decodeName(key.asString()), value);
  const names = pdf.catalog.lookupMaybe(PDFName.of('Names'), PDFDict)?.lookupMaybe(PDFName.of('Dests'), PDFDict);
  if (names) walkNameTree(pdf, names, add);
  return result;
}

/** Take named destinations out of a PDF: those only the printer's own hidden links made (#12). */
export function dropDestinations(pdf: PDFDocument, names: ReadonlySet<string>): void {
  if (names.size === 0) return;
  const dests = pdf.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  if (dests) for (const [key] of dests.entries()) if (names.has(decodeName(key.asString()))) dests.delete(key);
  const drop = (node: PDFDict) => {
    const list = node.lookupMaybe(PDFName.of('Names'), PDFArray);
    if (list) {
      const kept: PDFObject[] = [];
      for (let i = 0; i + 1 < list.size(); i += 2) {
        const key = list.lookup(i);
        const name = key instanceof PDFString || key instanceof PDFHexString ? fragmentId(key.decodeText()) : '';
        if (!names.has(name)) kept.push(list.get(i), list.get(i + 1));
      }
      node.set(PDFName.of('Names'), pdf.context.obj(kept));
    }
    const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
    if (kids) for (let i = 0; i < kids.size(); i++) drop(kids.lookup(i, PDFDict));
  };
  const tree = pdf.catalog.lookupMaybe(PDFName.of('Names'), PDFDict)?.lookupMaybe(PDFName.of('Dests'), PDFDict);
  if (tree) drop(tree);
}

function walkNameTree(pdf: PDFDocument, node: PDFDict, add: (name: string, value: PDFObject | undefined) => void) {
  const names = node.lookupMaybe(PDFName.of('Names'), PDFArray);
  if (names) {
    for (let i = 0; i + 1 < names.size(); i += 2) {
      const key = names.lookup(i);
      if (key instanceof PDFString || key instanceof PDFHexString) add(fragmentId(key.decodeText()), names.get(i + 1));
    }
  }
  const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
  if (kids) for (let i = 0; i < kids.size(); i++) walkNameTree(pdf, kids.lookup(i, PDFDict), add);
}

/** `/foo#2Dbar` → `foo-bar`: PDF names escape bytes as #xx. */
function decodeName(raw: string): string {
  const name = raw.startsWith('/') ? raw.slice(1) : raw;
  const bytes = name.replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  return fragmentId(Buffer.from(bytes, 'latin1').toString('utf8'));
}

/**
 * Chromium names a destination after the link's URL fragment, percent-encoded: the heading id
 * `por-qué-importa` becomes `por-qu%C3%A9-importa` (#8: such headings had no page number in the contents).
 */
function fragmentId(name: string): string {
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}
