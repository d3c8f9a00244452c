import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, type PDFObject, PDFRef } from 'pdf-lib';

/**
 * Reading a PDF's tagging the way a checker does, independently of src/pdf (#12): qpdf decompresses the
 * content streams (`--qdf` keeps Chromium's one operator per line), and the marked-content operators are
 * followed line by line.
 */
export const qdfOf = (pdf: string) => execFileSync('qpdf', ['--qdf', '--object-streams=disable', pdf, '-'], { encoding: 'latin1', maxBuffer: 256 << 20 });

/** Marked content is tagged (it has an MCID), an artifact, or neither (Skia's `/ReversedChars`, `/Span <</ActualText …>>`). */
type Mark = 'tagged' | 'artifact' | 'other';
const markOf = (op: string): Mark => (op.startsWith('/Artifact') ? 'artifact' : /\/MCID\s/.test(op) ? 'tagged' : 'other');

/** Each page's content stream, by page (qpdf writes them in object order, each headed by its page number). */
function pageContents(qdf: string): string[] {
  const pages: string[] = [];
  const parts = qdf.split(/%% Contents for page (\d+)\n/);
  for (let k = 1; k < parts.length; k += 2) {
    const body = parts[k + 1] as string;
    pages[Number(parts[k]) - 1] = body.slice(0, body.indexOf('endstream'));
  }
  return pages;
}

/** Text-showing operators in neither tagged nor artifact marked content; text objects, and those in artifacts. */
export function looseText(pdf: string): { textObjects: number; loose: number; artifacts: number } {
  let textObjects = 0;
  let loose = 0;
  let artifacts = 0;
  for (const page of pageContents(qdfOf(pdf))) {
    const stack: Mark[] = [];
    for (const line of page.split('\n')) {
      const op = line.trim();
      if (/\b(BDC|BMC)$/.test(op)) stack.push(markOf(op));
      else if (op === 'EMC') stack.pop();
      else if (op === 'BT') {
        textObjects++;
        if (stack.some((m) => m === 'artifact')) artifacts++;
      } else if (/(\bT[jJ]|'|")$/.test(op) && !stack.some((m) => m !== 'other')) loose++;
    }
  }
  return { textObjects, loose, artifacts };
}

/**
 * The text of each page with only the artifacts (`keep: 'artifacts'`) or only the tagged content
 * (`keep: 'tagged'`) left: the other's text-showing operators are dropped, then pdftotext reads it.
 */
export function textOf(pdf: string, keep: 'artifacts' | 'tagged'): string[] {
  const parts = qdfOf(pdf).split(/(%% Contents for page \d+\n)/);
  const out = [parts[0]];
  for (let k = 1; k < parts.length; k += 2) {
    const page = parts[k + 1] as string;
    const from = page.indexOf('stream\n') + 7;
    const to = page.indexOf('endstream');
    const stack: Mark[] = [];
    const lines = page
      .slice(from, to)
      .split('\n')
      .filter((line) => {
        const op = line.trim();
        if (/\b(BDC|BMC)$/.test(op)) stack.push(markOf(op));
        else if (op === 'EMC') stack.pop();
        else if (/(\bT[jJ]|'|")$/.test(op)) {
          const artifact = stack.includes('artifact');
          return keep === 'artifacts' ? artifact : !artifact && stack.includes('tagged');
        }
        return true;
      });
    out.push(parts[k] as string, page.slice(0, from) + lines.join('\n') + page.slice(to));
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bp-tagging-'));
  writeFileSync(path.join(dir, 'edited.qdf'), out.join(''), 'latin1');
  const fixed = spawnSync('fix-qdf', [path.join(dir, 'edited.qdf')], { maxBuffer: 256 << 20 });
  writeFileSync(path.join(dir, 'fixed.pdf'), fixed.stdout);
  return execFileSync('pdftotext', ['-layout', path.join(dir, 'fixed.pdf'), '-'], { encoding: 'utf8' })
    .split('\f')
    .slice(0, -1);
}

/** How many structure elements of each type the tree holds. */
export function structureTypes(pdf: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const object of qdfOf(pdf).split('endobj')) {
    const type = /\/Type \/StructElem\b/.test(object) ? /^ {2}\/S \/(\w+)/m.exec(object)?.[1] : undefined;
    if (type) counts[type] = (counts[type] ?? 0) + 1;
  }
  return counts;
}

/**
 * Every marked-content id on every page leads, through the parent tree, to a structure element that
 * claims it back (as a plain id on its own page or a marked-content reference). Returns the ones that do not.
 */
export async function brokenMarkedContent(pdf: string): Promise<string[]> {
  const doc = await PDFDocument.load(readFileSync(pdf), { updateMetadata: false });
  const root = doc.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict);
  const nums: PDFObject[] = [];
  const collect = (node: PDFDict) => {
    const list = node.lookupMaybe(PDFName.of('Nums'), PDFArray);
    if (list) nums.push(...list.asArray());
    const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
    for (const kid of kids?.asArray() ?? []) collect(doc.context.lookup(kid) as PDFDict);
  };
  collect(root.lookup(PDFName.of('ParentTree'), PDFDict));
  const parentTree = new Map<number, PDFObject>();
  for (let i = 0; i < nums.length; i += 2) parentTree.set((nums[i] as PDFNumber).asNumber(), nums[i + 1] as PDFObject);
  const broken: string[] = [];
  const pages = pageContents(qdfOf(pdf));
  for (const [index, page] of doc.getPages().entries()) {
    const ids = [...(pages[index] ?? '').matchAll(/\/MCID (\d+)/g)].map((m) => Number(m[1]));
    if (ids.length === 0) continue;
    const key = page.node.get(PDFName.of('StructParents'));
    const array = key instanceof PDFNumber ? doc.context.lookup(parentTree.get(key.asNumber())) : undefined;
    for (const id of ids) {
      const elementRef = array instanceof PDFArray ? array.get(id) : undefined;
      const element = elementRef instanceof PDFRef ? doc.context.lookup(elementRef) : undefined;
      if (!(element instanceof PDFDict)) {
        broken.push(`page ${index + 1} id ${id}: no element`);
        continue;
      }
      const k = element.get(PDFName.of('K'));
      const kids = k instanceof PDFArray ? k.asArray() : [k];
      const claimed = kids.some((kid) => {
        const value = kid instanceof PDFRef ? doc.context.lookup(kid) : kid;
        if (value instanceof PDFNumber) return value.asNumber() === id && element.get(PDFName.of('Pg')) === page.ref;
        return (
          value instanceof PDFDict &&
          value.get(PDFName.of('MCID'))?.toString() === String(id) &&
          (value.get(PDFName.of('Pg')) ?? element.get(PDFName.of('Pg'))) === page.ref
        );
      });
      if (!claimed) broken.push(`page ${index + 1} id ${id}: ${element.get(PDFName.of('S'))} does not hold it`);
    }
  }
  return broken;
}
