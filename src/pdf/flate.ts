import { deflateSync, inflateSync } from 'node:zlib';
import { decodePDFRawStream, type PDFContext, PDFName, PDFRawStream } from 'pdf-lib';

/**
 * A stream's decoded bytes. pdf-lib decodes Flate in JavaScript, which took about a second per guide in
 * the PDF stage (#14); a stream that is only FlateDecode (what Chromium writes for page contents) is
 * inflated by Node's zlib instead, anything else by pdf-lib.
 */
export function decodeStream(stream: PDFRawStream): Uint8Array {
  const filter = stream.dict.get(PDFName.of('Filter'));
  if (filter === PDFName.of('FlateDecode') && !stream.dict.has(PDFName.of('DecodeParms'))) {
    try {
      return inflateSync(stream.contents);
    } catch {}
  }
  return decodePDFRawStream(stream).decode();
}

/** A Flate-compressed stream of `bytes`, compressed by Node's zlib (pdf-lib's `flateStream` uses pako, in JavaScript). */
export function flateStream(context: PDFContext, bytes: Uint8Array): PDFRawStream {
  const compressed = deflateSync(bytes);
  return PDFRawStream.of(context.obj({ Filter: 'FlateDecode', Length: compressed.length }), compressed);
}
