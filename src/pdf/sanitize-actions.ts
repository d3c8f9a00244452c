import { PDFArray, PDFDict, type PDFDocument, PDFHexString, PDFName, type PDFObject, PDFRef, PDFStream, PDFString } from 'pdf-lib';

const name = (value: string) => PDFName.of(value);

/** Keys whose value is an action, or for /Next one action or an array of them. */
const actionKeys = [name('A'), name('PA'), name('OpenAction'), name('Next')];

/**
 * Annotations that play or open content of their own (video, sound, Flash, 3D, attached files): a guide
 * needs none, and each can run code or hand the reader a program.
 */
const activeAnnotations = new Set(['RichMedia', 'Screen', 'Movie', 'Sound', 'FileAttachment', '3D']);

/**
 * Remove from a PDF everything that can run code, open programs or files, or reach an address other
 * than a web page or an e-mail (#9). A guide built from a fork's Markdown must not carry a `javascript:`
 * link, a Launch action or a script that runs on opening. What stays: links inside the document (GoTo),
 * links to a PDF beside it by a relative path (GoToR), and http:, https: and mailto: links (URI).
 * Everything removed is listed (where, and what), so the build can report it.
 */
export function sanitizeActions(pdf: PDFDocument): { removed: string[] } {
  const removed: string[] = [];
  const where = describeObjects(pdf);
  const label = (ref: PDFRef) => where.get(ref.toString()) ?? `object ${ref.objectNumber}`;
  for (const [index, page] of pdf.getPages().entries()) {
    const annots = page.node.lookupMaybe(name('Annots'), PDFArray);
    for (let i = (annots?.size() ?? 0) - 1; annots && i >= 0; i--) {
      const subtype = lookupDict(pdf, annots.get(i))?.lookupMaybe(name('Subtype'), PDFName)?.decodeText();
      if (subtype && activeAnnotations.has(subtype)) {
        annots.remove(i);
        removed.push(`page ${index + 1}: ${subtype} annotation`);
      }
    }
  }
  const names = pdf.catalog.lookupMaybe(name('Names'), PDFDict);
  if (names?.has(name('JavaScript'))) {
    names.delete(name('JavaScript'));
    removed.push('document: scripts run on opening (/Names /JavaScript)');
  }
  const form = pdf.catalog.lookupMaybe(name('AcroForm'), PDFDict);
  if (form?.has(name('XFA'))) {
    form.delete(name('XFA'));
    removed.push('document: XFA form (/AcroForm /XFA)');
  }
  // Every object in use, not only where viewers are known to look: an action is unsafe wherever it sits.
  const inUse = reachable(pdf);
  for (const [ref, object] of pdf.context.enumerateIndirectObjects()) {
    if (inUse.has(ref)) removeUnsafe(pdf, object, () => label(ref), removed);
  }
  // pdf-lib writes every object it holds, referenced or not: what was cut loose above must go too.
  const keep = reachable(pdf);
  for (const [ref] of pdf.context.enumerateIndirectObjects()) if (!keep.has(ref)) pdf.context.delete(ref);
  // The trailer's /Size is one more than the largest object number: keep it true of what is written.
  pdf.context.largestObjectNumber = pdf.context.enumerateIndirectObjects().reduce((max, [ref]) => Math.max(max, ref.objectNumber), 0);
  return { removed };
}

/** `where` names the object for the report, asked only when something is removed. */
function removeUnsafe(pdf: PDFDocument, object: PDFObject, where: () => string, removed: string[]): void {
  if (object instanceof PDFStream) removeUnsafe(pdf, object.dict, where, removed);
  else if (object instanceof PDFArray) for (let i = 0; i < object.size(); i++) removeUnsafe(pdf, object.get(i), where, removed);
  else if (object instanceof PDFDict) removeUnsafeFromDict(pdf, object, where, removed);
}

function removeUnsafeFromDict(pdf: PDFDocument, object: PDFDict, where: () => string, removed: string[]): void {
  // Additional actions run on events the reader does not choose (opening, closing, printing, hovering).
  if (object.has(name('AA'))) {
    object.delete(name('AA'));
    removed.push(`${where()}: actions run on opening, printing or hovering (/AA)`);
  }
  for (const key of actionKeys) {
    const which = key === name('A') ? '' : ` (${key.asString()})`;
    const value = object.get(key);
    if (value === undefined) continue;
    const resolved = value instanceof PDFRef ? pdf.context.lookup(value) : value;
    if (resolved instanceof PDFArray && key === name('Next')) {
      for (let i = resolved.size() - 1; i >= 0; i--) {
        const problem = unsafeAction(pdf, lookupDict(pdf, resolved.get(i)));
        if (problem) {
          resolved.remove(i);
          removed.push(`${where()}: ${problem}${which}`);
        }
      }
    } else if (resolved instanceof PDFDict) {
      const problem = unsafeAction(pdf, resolved);
      if (problem) {
        object.delete(key);
        removed.push(`${where()}: ${problem}${which}`);
      }
    }
  }
  // Direct children only: every indirect object gets its own visit.
  for (const [, value] of object.entries()) removeUnsafe(pdf, value, where, removed);
}

/**
 * Why an action is unsafe, or undefined when it may stay. A dictionary without /S is no action (a
 * structure element's /A holds its attributes) and is left alone.
 */
function unsafeAction(pdf: PDFDocument, action: PDFDict | undefined): string | undefined {
  const type = action?.lookupMaybe(name('S'), PDFName)?.decodeText();
  if (!action || !type) return undefined;
  if (type === 'GoTo') return undefined;
  if (type === 'URI') {
    const uri = text(action.lookup(name('URI'))) ?? '';
    return /^(?:https?|mailto):/i.test(uri) ? undefined : `link to "${shorten(uri)}" (only http:, https: and mailto: links are kept)`;
  }
  if (type === 'GoToR') {
    const file = fileName(pdf, action.get(name('F')));
    return file !== undefined && isRelativePdf(file) ? undefined : `link to "${shorten(file ?? '?')}" (only PDFs beside this one are kept)`;
  }
  return `${type} action`;
}

/** The file a GoToR names: a string, or a file specification without a file system (/FS /URL) or embedded file. */
function fileName(pdf: PDFDocument, value: PDFObject | undefined): string | undefined {
  const direct = text(value instanceof PDFRef ? pdf.context.lookup(value) : value);
  if (direct !== undefined) return direct;
  const spec = lookupDict(pdf, value);
  if (!spec || spec.has(name('FS')) || spec.has(name('EF'))) return undefined;
  const names = ['UF', 'F', 'Unix', 'DOS', 'Mac'].map((key) => text(spec.lookup(name(key))));
  const given = names.filter((n): n is string => n !== undefined);
  // Every name a viewer might pick must pass, so report the first that does not.
  return given.find((n) => !isRelativePdf(n)) ?? given[0];
}

/** `guide.pdf`, `../es/guide.pdf`; not `/etc/x.pdf`, `C:x.pdf`, `\\server\share\x.pdf`, `http://…`. */
function isRelativePdf(file: string): boolean {
  if (/^[a-z][a-z0-9+.-]*:/i.test(file) || file.startsWith('/') || file.includes('\\')) return false;
  if ([...file].some((c) => c.charCodeAt(0) < 0x20)) return false;
  return /\.pdf$/i.test(file);
}

function text(value: PDFObject | undefined): string | undefined {
  return value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : undefined;
}

function lookupDict(pdf: PDFDocument, value: PDFObject | undefined): PDFDict | undefined {
  const resolved = value instanceof PDFRef ? pdf.context.lookup(value) : value;
  return resolved instanceof PDFDict ? resolved : undefined;
}

const shorten = (value: string) => (value.length > 80 ? `${value.slice(0, 77)}…` : value);

/** Names for the objects a reader would recognise: pages, their annotations, bookmarks, the document. */
function describeObjects(pdf: PDFDocument): Map<string, string> {
  const where = new Map<string, string>();
  const catalogRef = pdf.context.trailerInfo.Root;
  if (catalogRef instanceof PDFRef) where.set(catalogRef.toString(), 'document');
  for (const [index, page] of pdf.getPages().entries()) {
    where.set(page.ref.toString(), `page ${index + 1}`);
    const annots = page.node.lookupMaybe(name('Annots'), PDFArray);
    for (let i = 0; annots && i < annots.size(); i++) {
      const ref = annots.get(i);
      const subtype = lookupDict(pdf, ref)?.lookupMaybe(name('Subtype'), PDFName)?.decodeText() ?? 'annotation';
      if (ref instanceof PDFRef) where.set(ref.toString(), `page ${index + 1} ${subtype === 'Link' ? 'link' : `${subtype} annotation`}`);
    }
  }
  const seen = new Set<string>();
  const outline = (ref: PDFObject | undefined) => {
    for (let item = ref; item instanceof PDFRef && !seen.has(item.toString()); ) {
      seen.add(item.toString());
      const dict = lookupDict(pdf, item);
      where.set(item.toString(), `bookmark "${shorten(text(dict?.lookup(name('Title'))) ?? '')}"`);
      outline(dict?.get(name('First')));
      item = dict?.get(name('Next'));
    }
  };
  outline(pdf.catalog.lookupMaybe(name('Outlines'), PDFDict)?.get(name('First')));
  return where;
}

/** Objects reachable from the trailer (catalog, document information, encryption). pdf-lib keeps one PDFRef per object number. */
function reachable(pdf: PDFDocument): Set<PDFRef> {
  const found = new Set<PDFRef>();
  const { Root, Info, Encrypt } = pdf.context.trailerInfo;
  const stack: PDFObject[] = [Root, Info, Encrypt].filter((o): o is PDFObject => o !== undefined);
  while (stack.length > 0) {
    const object = stack.pop() as PDFObject;
    if (object instanceof PDFRef) {
      if (found.has(object)) continue;
      found.add(object);
      const target = pdf.context.lookup(object);
      if (target) stack.push(target);
    } else if (object instanceof PDFStream) stack.push(object.dict);
    else if (object instanceof PDFDict) for (const [, value] of object.entries()) stack.push(value);
    else if (object instanceof PDFArray) for (let i = 0; i < object.size(); i++) stack.push(object.get(i));
  }
  return found;
}
