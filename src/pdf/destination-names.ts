import { createHash } from 'node:crypto';

/**
 * The name a heading (or note) id gets as a PDF named destination (#10). Chromium writes the element id,
 * percent-encoded and then #-escaped, as the name: `qué` became `/qu#25C3#25A9`, a Chinese heading a name
 * far over the format's 127 bytes, and words such as `endobj` inside it broke readers that scan bytes.
 * A hash of the id is short, plain ASCII and the same in every build, so a link from another guide
 * (GoToR) can name it too.
 */
export function pdfDestinationName(id: string): string {
  return `bp-${createHash('sha256').update(id, 'utf8').digest('hex').slice(0, 20)}`;
}

/** Every id of a document → its destination name, and back; two ids may never share a name. */
export function destinationNames(ids: Iterable<string>): { toName: Map<string, string>; toId: Map<string, string> } {
  const toName = new Map<string, string>();
  const toId = new Map<string, string>();
  for (const id of ids) {
    if (toName.has(id)) continue;
    const name = pdfDestinationName(id);
    const other = toId.get(name);
    // 80 bits of SHA-256: a clash would be a fault in the toolkit, never a heading the reader loses quietly.
    if (other !== undefined) throw new Error(`Two ids share the PDF destination name ${name}: "${other}" and "${id}"`);
    toName.set(id, name);
    toId.set(name, id);
  }
  return { toName, toId };
}
