import { PDFArray, PDFDict, type PDFDocument, PDFHexString, PDFName, type PDFObject, PDFRef, PDFString } from 'pdf-lib';

/**
 * Page number (1-based) of every named destination in a PDF. Chromium writes one for each element that an
 * internal link targets, so the contents' links tell us where each heading landed (#5: the browser has no
 * target-counter()).
 */
export function readDestinations(pdf: PDFDocument): Map<string, number> {
  const pageIndex = new Map<string, number>();
  for (const [i, page] of pdf.getPages().entries()) pageIndex.set(page.ref.toString(), i + 1);
  const result = new Map<string, number>();
  const add = (name: string, value: PDFObject | undefined) => {
    let target = value instanceof PDFRef ? pdf.context.lookup(value) : value;
    if (target instanceof PDFDict) target = target.get(PDFName.of('D'));
    if (target instanceof PDFRef) target = pdf.context.lookup(target);
    if (!(target instanceof PDFArray)) return;
    const page = target.get(0);
    if (page instanceof PDFRef) {
      const n = pageIndex.get(page.toString());
      if (n !== undefined) result.set(name, n);
    }
  };
  const dests = pdf.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  if (dests) for (const [key, value] of dests.entries()) add(decodeName(key.asString()), value);
  const names = pdf.catalog.lookupMaybe(PDFName.of('Names'), PDFDict)?.lookupMaybe(PDFName.of('Dests'), PDFDict);
  if (names) walkNameTree(pdf, names, add);
  return result;
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
