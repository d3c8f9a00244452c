import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ParseSpeeds, PDFArray, PDFBool, PDFDict, PDFDocument, PDFHexString, PDFName, type PDFObject, PDFString } from 'pdf-lib';
import { isInside } from '../project/read-inside.js';
import { pdfDestinationName } from './destination-names.js';
import { markPageArtifacts } from './mark-artifacts.js';
import { sanitizeActions } from './sanitize-actions.js';
import { tidyStructure } from './tidy-structure.js';
import { setXmpMetadata } from './xmp-metadata.js';

export interface PdfMetadata {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  lang: string;
  /** #10: a translation no professional has reviewed says so in the document information too. */
  translationStatus?: string;
  /** The headings' text in document order: the bookmarks' titles, when Chromium made one bookmark per heading. */
  headings?: string[];
  /** What each link of the HTML says, by its address (`#id`, `https://…`): the link annotations' descriptions (#12). */
  links?: Record<string, string>;
  /** Publication date: SOURCE_DATE_EPOCH or the project's date, never the build time. */
  date: Date;
  /** Seed of the file identifier: the same sources give the same ID. */
  idSeed: string;
  /** Folder the HTML was printed from, and the document's own path in it: links into it become relative. */
  printedFrom?: { root: string; document: string };
}

/**
 * How every PDF is parsed (#14): in one go. pdf-lib's default pauses every 100 objects for a timer (at least
 * 1 ms each): a guide's 3,000 objects waited about 30 ms on top of 64 ms of parsing, while its page stood idle.
 */
export const pdfParseOptions = { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest } as const;

export interface FinishOptions {
  /** Told what was taken out of the PDF's links and actions (#9), when anything was, so the build can report it. */
  onRemoved?: (removed: string[]) => void;
}

/**
 * Chromium stamps each PDF with the print time and a random ID, and sets neither author nor subject.
 * Replace both stamps with fixed values so two builds give the same bytes, add the metadata, and ask
 * viewers to show the title rather than the file name (#5).
 */
export async function finishPdf(bytes: Uint8Array | PDFDocument, meta: PdfMetadata, options: FinishOptions = {}): Promise<Uint8Array> {
  // #14: the printer hands over the document it already parsed, which saves writing and parsing it again.
  const pdf = bytes instanceof PDFDocument ? bytes : await PDFDocument.load(bytes, pdfParseOptions);
  pdf.setTitle(meta.title, { showInWindowTitleBar: true });
  pdf.setAuthor(meta.author);
  pdf.setSubject(meta.subject);
  pdf.setKeywords(meta.keywords);
  const creatorTool = 'Blueprints toolkit';
  const producer = 'Blueprints toolkit (Chromium, pdf-lib)';
  pdf.setCreator(creatorTool);
  pdf.setProducer(producer);
  pdf.setCreationDate(meta.date);
  pdf.setModificationDate(meta.date);
  pdf.setLanguage(meta.lang);
  // pdf-lib has no setter for a custom entry of the document information; its (private) dictionary is the place.
  if (meta.translationStatus)
    (pdf as unknown as { getInfoDict(): PDFDict }).getInfoDict().set(PDFName.of('TranslationStatus'), PDFHexString.fromText(meta.translationStatus));
  const prefs = pdf.catalog.lookupMaybe(PDFName.of('ViewerPreferences'), PDFDict) ?? pdf.context.obj({});
  prefs.set(PDFName.of('DisplayDocTitle'), PDFBool.True);
  pdf.catalog.set(PDFName.of('ViewerPreferences'), prefs);
  // Bookmarks open by default where the PDF has an outline.
  if (pdf.catalog.get(PDFName.of('Outlines'))) pdf.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
  if (meta.headings) retitleOutline(pdf, meta.headings);
  // #12: what a PDF/UA checker asks of the tagging: no NonStruct noise, every untagged mark an artifact,
  // the PDF/UA identifier in XMP that says the same as the document information.
  tidyStructure(pdf);
  markPageArtifacts(pdf);
  describeLinks(pdf, meta.links ?? {});
  const marked = pdf.catalog.lookupMaybe(PDFName.of('MarkInfo'), PDFDict) ?? pdf.context.obj({});
  marked.set(PDFName.of('Marked'), PDFBool.True);
  pdf.catalog.set(PDFName.of('MarkInfo'), marked);
  setXmpMetadata(pdf, { ...meta, creatorTool, producer });
  renumberNodeIds(pdf);
  const removed = meta.printedFrom ? relativizeLinks(pdf, meta.printedFrom.root, meta.printedFrom.document) : [];
  // #9: after the links are made relative, nothing that runs code or opens a program or file may remain.
  removed.push(...sanitizeActions(pdf).removed);
  if (removed.length > 0) options.onRemoved?.(removed);
  const id = createHash('sha256').update(meta.idSeed).digest('hex').slice(0, 32);
  pdf.context.trailerInfo.ID = PDFArray.withContext(pdf.context);
  (pdf.context.trailerInfo.ID as PDFArray).push(PDFHexString.of(id));
  (pdf.context.trailerInfo.ID as PDFArray).push(PDFHexString.of(id));
  // #12: object streams pack the thousands of small structure dictionaries (about half the file's size).
  // #14: written in one go, without pdf-lib's pause for a timer every 50 objects (the same bytes).
  return pdf.save({ useObjectStreams: true, updateFieldAppearances: false, objectsPerTick: Number.POSITIVE_INFINITY });
}

/**
 * Give each bookmark its heading's text (#10). Chromium titles bookmarks from the laid-out line, so an
 * Arabic heading came out with its words reversed and some twice; it makes one bookmark per heading, in
 * document order, so when the counts agree the n-th bookmark is the n-th heading. Otherwise they are left.
 */
function retitleOutline(pdf: PDFDocument, headings: string[]): void {
  const items: PDFDict[] = [];
  const walk = (item: PDFDict | undefined, depth: number) => {
    for (let node = item, guard = 0; node && guard < 100_000; guard++) {
      items.push(node);
      if (depth < 16) walk(node.lookupMaybe(PDFName.of('First'), PDFDict), depth + 1);
      node = node.lookupMaybe(PDFName.of('Next'), PDFDict);
    }
  };
  walk(pdf.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict)?.lookupMaybe(PDFName.of('First'), PDFDict), 0);
  if (items.length !== headings.length) return;
  for (const [i, item] of items.entries()) item.set(PDFName.of('Title'), PDFHexString.fromText(headings[i] as string));
}

/** The date stamped into PDFs: SOURCE_DATE_EPOCH (seconds) when set, else the project date, else 1 Jan 2000. */
export function pdfDate(env: Record<string, string | undefined>, projectDate?: string): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  if (projectDate) return new Date(`${projectDate}T00:00:00Z`);
  return new Date('2000-01-01T00:00:00Z');
}

const nodeId = /^node(\d+)$/;

/**
 * Chromium names structure elements after DOM node ids (`node00000037`), which depend on what the reused
 * page printed before. Renumber them in their original order so the same document gives the same bytes.
 */
function renumberNodeIds(pdf: PDFDocument): void {
  // #14: one walk that notes where each id is, then the new names set there (two walks, decoding every
  // string of the document twice, cost 15 ms a guide).
  const places: { holder: PDFDict | PDFArray; key: PDFName | number; id: number }[] = [];
  const idOf = (value: PDFString | PDFHexString) => {
    // A literal string without escapes is its own text: only the others are decoded.
    const raw = value instanceof PDFString ? value.asString() : undefined;
    const match = nodeId.exec(raw !== undefined && !raw.includes('\\') ? raw : value.decodeText());
    return match ? Number(match[1]) : undefined;
  };
  // Direct objects only (references are not followed), so this cannot loop.
  const visit = (object: PDFObject): void => {
    if (object instanceof PDFDict) {
      for (const [key, value] of object.entries()) {
        if (value instanceof PDFString || value instanceof PDFHexString) {
          const id = idOf(value);
          if (id !== undefined) places.push({ holder: object, key, id });
        } else visit(value);
      }
    } else if (object instanceof PDFArray) {
      for (let i = 0; i < object.size(); i++) {
        const value = object.get(i);
        if (value instanceof PDFString || value instanceof PDFHexString) {
          const id = idOf(value);
          if (id !== undefined) places.push({ holder: object, key: i, id });
        } else visit(value);
      }
    }
  };
  for (const [, object] of pdf.context.enumerateIndirectObjects()) visit(object);
  const found = [...new Set(places.map((place) => place.id))].sort((a, b) => a - b);
  const mapping = new Map(found.map((old, i) => [old, `node${String(i + 1).padStart(8, '0')}`]));
  for (const { holder, key, id } of places) {
    const renamed = PDFString.of(mapping.get(id) as string);
    if (holder instanceof PDFDict) holder.set(key as PDFName, renamed);
    else holder.set(key as number, renamed);
  }
}

/**
 * Links between documents print as absolute file:// addresses of the staging folder. Point them at the
 * sibling PDF by a relative path instead, so they work wherever the PDFs are published. A link to any
 * other local file (a .csv beside the guide) loses its action (#9): a PDF viewer would hand the file to
 * whatever program opens it (a Launch action), and a relative URI resolves differently in every viewer.
 * Returns what was removed. Links to files outside the folder are left to sanitizeActions, which removes them.
 */
function relativizeLinks(pdf: PDFDocument, root: string, document: string): string[] {
  const removed: string[] = [];
  for (const [index, page] of pdf.getPages().entries()) {
    const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    if (!annots) continue;
    for (let i = 0; i < annots.size(); i++) {
      const annot = annots.lookup(i);
      if (!(annot instanceof PDFDict)) continue;
      const action = annot.lookupMaybe(PDFName.of('A'), PDFDict);
      const uri = action?.lookupMaybe(PDFName.of('URI'), PDFString, PDFHexString)?.decodeText();
      if (!action || !uri?.startsWith('file:')) continue;
      const [address = '', fragment] = uri.split('#', 2);
      let target: string;
      try {
        target = fileURLToPath(address);
      } catch {
        continue;
      }
      if (!isInside(root, target)) continue;
      let relative = path.relative(path.dirname(document), target).split(path.sep).join('/');
      const isDocument = relative.endsWith('.html');
      if (isDocument) relative = relative.replace(/\.html$/, '.pdf');
      else if (!/\.pdf$/i.test(relative)) {
        annot.delete(PDFName.of('A'));
        removed.push(`page ${index + 1} link: to "${relative}", a local file that is not a PDF`);
        continue;
      }
      const replacement = pdf.context.obj({}) as PDFDict;
      replacement.set(PDFName.of('S'), PDFName.of('GoToR'));
      replacement.set(PDFName.of('F'), PDFString.of(relative));
      // #10: the other guide names its headings' destinations by the same hash of their ids.
      const destination = isDocument && fragment ? PDFString.of(pdfDestinationName(decodeFragment(fragment))) : pdf.context.obj([0, PDFName.of('Fit')]);
      replacement.set(PDFName.of('D'), destination);
      annot.set(PDFName.of('A'), replacement);
    }
  }
  return removed;
}

/** `#caf%C3%A9` → `café`; a malformed escape (`#50%`) is kept as written rather than failing the build. */
function decodeFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

/**
 * PDF/UA (7.18.5) asks every link annotation for a description, its Contents; Chromium writes none (#12).
 * Each gets the text of the HTML link it was printed from, found by its address: a named destination is
 * the hash of the target's id, a web address is itself. A link with no known text is described by its
 * address. Runs before links to other guides are made relative, while their file: address is intact.
 */
function describeLinks(pdf: PDFDocument, links: Record<string, string>): void {
  const byDestination = new Map<string, string>();
  for (const [href, text] of Object.entries(links)) if (href.startsWith('#')) byDestination.set(pdfDestinationName(decodeFragment(href.slice(1))), text);
  for (const page of pdf.getPages()) {
    const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    for (let i = 0; annots && i < annots.size(); i++) {
      const annot = annots.lookup(i);
      if (!(annot instanceof PDFDict) || annot.get(PDFName.of('Subtype')) !== PDFName.of('Link') || annot.has(PDFName.of('Contents'))) continue;
      const dest = annot.get(PDFName.of('Dest'));
      const uri = annot.lookupMaybe(PDFName.of('A'), PDFDict)?.lookupMaybe(PDFName.of('URI'), PDFString, PDFHexString)?.decodeText();
      let text: string | undefined;
      if (dest instanceof PDFName) text = byDestination.get(dest.decodeText());
      else if (uri?.startsWith('file:')) {
        // Another guide (or a file beside this one), linked from the HTML by a relative address.
        const file = decodeFragment(path.posix.basename(uri.split('#')[0] ?? ''));
        text = Object.entries(links).find(([href]) => href.split('#')[0] === file)?.[1] ?? file.replace(/\.html$/, '.pdf');
      } else if (uri) text = links[uri] ?? uri;
      if (text) annot.set(PDFName.of('Contents'), PDFHexString.fromText(text));
    }
  }
}
