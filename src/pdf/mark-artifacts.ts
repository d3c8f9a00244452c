import { PDFArray, type PDFDocument, PDFName, PDFRawStream, PDFRef, PDFStream } from 'pdf-lib';
import { type ContentOperator, tokenizeContent } from './content-stream.js';
import { decodeStream, flateStream } from './flate.js';

const pathConstruction = new Set(['m', 'l', 'c', 'v', 'y', 'h', 're']);
const pathPainting = new Set(['S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*']);
const textShowing = new Set(['Tj', 'TJ', "'", '"']);
const marking = new Set(['BDC', 'BMC', 'EMC']);

type Kind = 'Pagination' | 'Layout';

/**
 * Wrap everything a page draws outside tagged content in `/Artifact <</Type …>> BDC … EMC` (#12). Chromium tags the
 * document's own content and leaves the rest unmarked: the running head and footer of the @page margin
 * boxes, page backgrounds and rules. PDF/UA wants every piece of content either tagged (in marked content
 * with an MCID) or an artifact. Marked content that is neither, such as Skia's `/ReversedChars BMC` and
 * `/Span <</ActualText …>> BDC` around right-to-left text and ligatures, covers nothing: what it holds is
 * wrapped too. A run of such content is wrapped as a whole, and closed before any `q`, `Q` or
 * marked-content operator, so the new sequences nest with the graphics state and with what Chromium
 * marked. A text object that holds tagged content has its loose text-showing operators wrapped one by
 * one, inside it. Returns the new stream and how many sequences were added (0: the stream as it was).
 */
export function markContentArtifacts(bytes: Uint8Array): { bytes: Uint8Array; added: number } {
  const ops = tokenizeContent(bytes);
  const decoder = new TextDecoder('latin1');
  /** Tagged (an MCID) or already an artifact: what it holds needs nothing more. */
  const covers = (op: ContentOperator) => {
    const text = decoder.decode(bytes.subarray(op.start, op.end));
    return text.startsWith('/Artifact') || (op.op === 'BDC' && /\/MCID\s/.test(text));
  };
  const inserts: { at: number; text: string }[] = [];
  // One entry per open marked-content sequence: whether it covers its content.
  const stack: boolean[] = [];
  let covered = 0;
  let pathStart = -1;
  // #12: each artifact says what it is (PDF 32000-1, 14.8.2.2): text drawn outside the tags is the running
  // head, the folio or a "continued" label (Pagination); paths and images are rules, backgrounds and
  // decoration (Layout). A run changes sequence where its kind changes.
  let open: Kind | undefined;
  const begin = (at: number, kind: Kind) => {
    if (covered > 0 || open === kind) return;
    close(at);
    inserts.push({ at, text: `\n/Artifact <</Type /${kind}>> BDC\n` });
    open = kind;
  };
  const close = (at: number) => {
    if (!open) return;
    inserts.push({ at, text: '\nEMC\n' });
    open = undefined;
  };
  const mark = (op: ContentOperator) => {
    close(op.start);
    if (op.op === 'EMC') {
      if (stack.pop()) covered--;
    } else {
      const covering = covers(op);
      stack.push(covering);
      if (covering) covered++;
    }
  };
  for (let k = 0; k < ops.length; k++) {
    const current = ops[k] as ContentOperator;
    const { op, start } = current;
    if (marking.has(op)) mark(current);
    else if (op === 'q' || op === 'Q') close(start);
    else if (op === 'BT') {
      let et = k + 1;
      let tagged = false;
      for (; et < ops.length && ops[et]?.op !== 'ET'; et++) if ((ops[et] as ContentOperator).op === 'BDC' && covers(ops[et] as ContentOperator)) tagged = true;
      if (!tagged) {
        // A whole text object with nothing tagged in it: one unit (any marked content in it stays inside).
        if (covered === 0) begin(start, 'Pagination');
        for (k = k + 1; k < et; k++) {
          const inner = ops[k] as ContentOperator;
          if (inner.op === 'EMC') {
            if (stack.pop()) covered--;
          } else if (inner.op === 'BDC' || inner.op === 'BMC') stack.push(false);
        }
        continue;
      }
      // Tagged content inside the text object: artifacts may open and close only within it.
      close(start);
      for (k = k + 1; k < et; k++) {
        const inner = ops[k] as ContentOperator;
        if (marking.has(inner.op)) mark(inner);
        else if (textShowing.has(inner.op)) begin(inner.start, 'Pagination');
      }
      if (et < ops.length) close((ops[et] as ContentOperator).start);
    } else if (pathConstruction.has(op)) {
      if (pathStart === -1) pathStart = start;
    } else if (pathPainting.has(op)) {
      begin(pathStart === -1 ? start : pathStart, 'Layout');
      pathStart = -1;
    } else if (op === 'n') pathStart = -1;
    else if (op === 'Do' || op === 'sh' || op === 'EI') begin(start, 'Layout');
  }
  close(bytes.length);
  if (inserts.length === 0) return { bytes, added: 0 };
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  let from = 0;
  for (const { at, text } of inserts) {
    parts.push(bytes.subarray(from, at), encoder.encode(text));
    from = at;
  }
  parts.push(bytes.subarray(from));
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return { bytes: out, added: inserts.length / 2 };
}

/**
 * Mark every page's unmarked content as artifacts (see markContentArtifacts). A page whose contents are
 * several streams gets them joined into one, so that a sequence may run across their boundary.
 * Returns how many sequences were added over the document.
 */
export function markPageArtifacts(pdf: PDFDocument): number {
  let added = 0;
  for (const page of pdf.getPages()) {
    const contents = page.node.get(PDFName.of('Contents'));
    const streams = (contents instanceof PDFArray ? contents.asArray() : [contents]).map((item) => {
      const stream = pdf.context.lookup(item);
      return stream instanceof PDFStream ? stream : undefined;
    });
    if (streams.length === 0 || streams.some((s) => !(s instanceof PDFRawStream))) continue;
    const decoded = (streams as PDFRawStream[]).map(decodeStream);
    const joined = new Uint8Array(decoded.reduce((sum, d) => sum + d.length + 1, 0));
    let offset = 0;
    for (const d of decoded) {
      joined.set(d, offset);
      joined[offset + d.length] = 0x0a;
      offset += d.length + 1;
    }
    const marked = markContentArtifacts(joined);
    if (marked.added === 0) continue;
    added += marked.added;
    const refs: PDFRef[] = [];
    for (const item of contents instanceof PDFArray ? contents.asArray() : [contents]) if (item instanceof PDFRef) refs.push(item);
    page.node.set(PDFName.of('Contents'), pdf.context.register(flateStream(pdf.context, marked.bytes)));
    for (const ref of refs) pdf.context.delete(ref);
  }
  return added;
}
