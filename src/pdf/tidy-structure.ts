import { PDFArray, PDFDict, type PDFDocument, PDFName, PDFNumber, type PDFObject, PDFRef } from 'pdf-lib';

/** Structure types that hold blocks rather than text: a NonStruct around one of these groups blocks. */
const blocks = new Set([
  'Document',
  'Part',
  'Art',
  'Sect',
  'Div',
  'BlockQuote',
  'Caption',
  'TOC',
  'TOCI',
  'Index',
  'P',
  'H',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'L',
  'LI',
  'LBody',
  'Table',
  'THead',
  'TBody',
  'TFoot',
  'TR',
  'TH',
  'TD',
  'Figure',
  'Formula',
  'Form',
  'Aside',
  'Note',
  'NonStruct',
]);
/** Keys a structure element has whatever it is; any other (Lang, ID, attributes) is worth keeping. */
const plainKeys = new Set(['Type', 'S', 'P', 'K', 'Pg']);

export interface TidyCounts {
  /** NonStruct elements replaced by their contents in their parent. */
  hoisted: number;
  /** NonStruct elements that group blocks, renamed Div. */
  div: number;
  /** NonStruct elements around text that carry something of their own (a language), renamed Span. */
  span: number;
}

/**
 * Chromium tags every node it has no role for as NonStruct: each run of text (a NonStruct inside every
 * P, H2, Link, TD…) and every generic container (section, div). #12 measured 782 in one guide; checkers
 * and screen readers see noise. Rewrite them: a NonStruct around blocks becomes a Div (the grouping it
 * is); one around text or inline elements gives its contents to its parent (the parent tree follows, so
 * every marked-content id and link still leads to an element); one that carries a language or an id
 * becomes a Span, so nothing it says is lost.
 */
export function tidyStructure(pdf: PDFDocument): TidyCounts {
  const counts: TidyCounts = { hoisted: 0, div: 0, span: 0 };
  const root = pdf.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
  if (!root) return counts;
  const { context } = pdf;
  const S = PDFName.of('S');
  const K = PDFName.of('K');
  const P = PDFName.of('P');
  const Pg = PDFName.of('Pg');
  const dictOf = (object: PDFObject | undefined) => {
    const value = object instanceof PDFRef ? context.lookup(object) : object;
    return value instanceof PDFDict ? value : undefined;
  };
  const typeOf = (dict: PDFDict | undefined) => {
    const type = dict?.get(S);
    return type instanceof PDFName ? type.asString().slice(1) : undefined;
  };
  const isElement = (dict: PDFDict | undefined) => typeOf(dict) !== undefined;
  const kidsOf = (dict: PDFDict): PDFObject[] => {
    const k = dict.get(K);
    return k instanceof PDFArray ? k.asArray() : k ? [k] : [];
  };

  // Where the parent tree names each element: page arrays (by marked-content id) and annotation entries.
  const mentions = new Map<PDFRef, { array: PDFArray; index: number }[]>();
  const note = (ref: PDFObject | undefined, array: PDFArray, index: number) => {
    if (ref instanceof PDFRef) mentions.set(ref, [...(mentions.get(ref) ?? []), { array, index }]);
  };
  const walkNumberTree = (node: PDFDict | undefined, depth: number) => {
    if (!node || depth > 32) return;
    const nums = node.lookupMaybe(PDFName.of('Nums'), PDFArray);
    for (let i = 1; nums && i < nums.size(); i += 2) {
      const value = nums.get(i);
      const array = value instanceof PDFRef ? context.lookup(value) : value;
      if (array instanceof PDFArray) for (let j = 0; j < array.size(); j++) note(array.get(j), array, j);
      else note(value, nums, i);
    }
    const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
    for (let i = 0; kids && i < kids.size(); i++) walkNumberTree(dictOf(kids.get(i)), depth + 1);
  };
  walkNumberTree(root.lookupMaybe(PDFName.of('ParentTree'), PDFDict), 0);

  // Children before parents, so a NonStruct inside a NonStruct is settled first.
  const order: { ref: PDFRef; dict: PDFDict }[] = [];
  const seen = new Set<PDFRef>();
  const visit = (ref: PDFObject, depth: number) => {
    const dict = dictOf(ref);
    if (!(ref instanceof PDFRef) || !dict || !isElement(dict) || seen.has(ref) || depth > 256) return;
    seen.add(ref);
    for (const kid of kidsOf(dict)) visit(kid, depth + 1);
    order.push({ ref, dict });
  };
  for (const kid of kidsOf(root)) visit(kid, 0);

  for (const { ref, dict } of order) {
    if (typeOf(dict) !== 'NonStruct') continue;
    const kids = kidsOf(dict);
    const kidTypes = kids.map((kid) => typeOf(dictOf(kid)));
    const parentRef = dict.get(P);
    const parent = dictOf(parentRef);
    if (kidTypes.some((type) => type && blocks.has(type)) || !parent || !isElement(parent) || !(parentRef instanceof PDFRef)) {
      dict.set(S, PDFName.of('Div'));
      counts.div++;
      continue;
    }
    if (dict.keys().some((key) => !plainKeys.has(key.asString().slice(1)))) {
      dict.set(S, PDFName.of('Span'));
      counts.span++;
      continue;
    }
    // Hoist: the kids take the NonStruct's place in its parent. A marked-content id is relative to its
    // element's page, so one that moves to a parent on another page (or none) becomes a reference.
    const page = dict.get(Pg);
    const siblings = kidsOf(parent);
    // A parent with no page of its own and no marked-content ids yet takes this one's page: its ids stay plain.
    if (page && !parent.get(Pg) && !siblings.some((kid) => kid instanceof PDFNumber)) parent.set(Pg, page);
    const samePage = page !== undefined && parent.get(Pg) === page;
    const moved = kids.map((kid) => {
      if (kid instanceof PDFNumber && !samePage && page) return context.obj({ Type: 'MCR', Pg: page, MCID: kid });
      const kidDict = dictOf(kid);
      if (isElement(kidDict)) kidDict?.set(P, parentRef);
      return kid;
    });
    const at = siblings.indexOf(ref);
    if (at === -1) {
      dict.set(S, PDFName.of('Span'));
      counts.span++;
      continue;
    }
    const replaced = context.obj([]) as PDFArray;
    for (const item of [...siblings.slice(0, at), ...moved, ...siblings.slice(at + 1)]) replaced.push(item);
    parent.set(K, replaced);
    for (const { array, index } of mentions.get(ref) ?? []) array.set(index, parentRef);
    mentions.set(parentRef, [...(mentions.get(parentRef) ?? []), ...(mentions.get(ref) ?? [])]);
    mentions.delete(ref);
    context.delete(ref);
    counts.hoisted++;
  }
  return counts;
}
