import { type PDFDocument, PDFName } from 'pdf-lib';

export interface XmpFields {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  lang: string;
  date: Date;
  creatorTool: string;
  producer: string;
}

const escapeXml = (text: string) =>
  // Characters XML 1.0 cannot hold at all are dropped; the five with a meaning are escaped.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters to drop.
  text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** `2026-11-01T00:00:00Z`: XMP dates are ISO 8601; the seconds are the Info dictionary's. */
const xmpDate = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * The XMP packet PDF/UA asks for (ISO 14289-1, 7.1): the title as dc:title and the PDF/UA identifier
 * (pdfuaid:part 1), with the same author, subject, keywords, language, dates and producer as the document
 * information dictionary, so no reader sees two different descriptions of one file (#12).
 */
export function xmpPacket(fields: XmpFields): string {
  const e = escapeXml;
  const date = xmpDate(fields.date);
  return `<?xpacket begin="\u{feff}" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">${e(fields.title)}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>${e(fields.author)}</rdf:li></rdf:Seq></dc:creator>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">${e(fields.subject)}</rdf:li></rdf:Alt></dc:description>
   <dc:subject><rdf:Bag>${fields.keywords.map((k) => `<rdf:li>${e(k)}</rdf:li>`).join('')}</rdf:Bag></dc:subject>
   <dc:language><rdf:Bag><rdf:li>${e(fields.lang)}</rdf:li></rdf:Bag></dc:language>
   <xmp:CreatorTool>${e(fields.creatorTool)}</xmp:CreatorTool>
   <xmp:CreateDate>${date}</xmp:CreateDate>
   <xmp:ModifyDate>${date}</xmp:ModifyDate>
   <xmp:MetadataDate>${date}</xmp:MetadataDate>
   <pdf:Producer>${e(fields.producer)}</pdf:Producer>
   <pdf:Keywords>${e(fields.keywords.join(' '))}</pdf:Keywords>
   <pdfuaid:part>1</pdfuaid:part>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;
}

/** Attach the packet as the catalog's Metadata stream, uncompressed (as XMP readers that scan files expect). */
export function setXmpMetadata(pdf: PDFDocument, fields: XmpFields): void {
  const stream = pdf.context.stream(new TextEncoder().encode(xmpPacket(fields)), { Type: 'Metadata', Subtype: 'XML' });
  pdf.catalog.set(PDFName.of('Metadata'), pdf.context.register(stream));
}
