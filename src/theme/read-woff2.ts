import { brotliDecompressSync } from 'node:zlib';

/** A WOFF2 file's tables, decompressed by Node's own Brotli (#13). */
export interface Woff2Tables {
  /** The tables one after another, as the file's Brotli stream holds them (`glyf` and `loca` maybe transformed). */
  data: Buffer;
  /** Each table by its tag ("cmap", "OS/2", "cvt "): where it starts in `data`, its length there, whether transformed. */
  tables: Map<string, { offset: number; length: number; transformed: boolean }>;
}

/** The versions of one TrueType or OpenType font (`\0\1\0\0`, "OTTO", "true"); a collection is "ttcf". */
export const isFontVersion = (version: number) => version === 0x00010000 || version === 0x4f54544f || version === 0x74727565;

/**
 * The tables of a WOFF2 file (W3C WOFF 2.0, section 5): its table directory names each table and its
 * length, and the tables follow one another in one Brotli stream. Undefined when the file is not WOFF2 or
 * holds a collection (a second directory), or when the stream's length is not the directory's sum; a
 * directory that ends early throws a RangeError, a damaged stream Brotli's error. The one WOFF2 reader of
 * the toolkit: fontkit decodes the stream with a Brotli decoder written in JavaScript, ten times slower.
 */
export function readWoff2Tables(buffer: Uint8Array): Woff2Tables | undefined {
  const bytes = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  if (bytes.byteLength < 48 || bytes.getUint32(0) !== woff2Signature || !isFontVersion(bytes.getUint32(4))) return undefined;
  const count = bytes.getUint16(12);
  const compressedLength = bytes.getUint32(20);
  let at = 48;
  const readBase128 = () => {
    let value = 0;
    for (let i = 0; i < 5; i++) {
      const byte = bytes.getUint8(at++);
      if (i === 0 && byte === 0x80) throw new RangeError('UIntBase128 with a leading zero');
      value = value * 128 + (byte & 0x7f);
      if ((byte & 0x80) === 0) return value;
    }
    throw new RangeError('UIntBase128 longer than five bytes');
  };
  const tables: Woff2Tables['tables'] = new Map();
  let offset = 0;
  for (let i = 0; i < count; i++) {
    const flags = bytes.getUint8(at++);
    let tag = knownTags[flags & 0x3f] as string;
    if ((flags & 0x3f) === 63) {
      tag = String.fromCharCode(bytes.getUint8(at), bytes.getUint8(at + 1), bytes.getUint8(at + 2), bytes.getUint8(at + 3));
      at += 4;
    }
    const version = flags >> 6;
    const length = readBase128();
    // glyf and loca are transformed at version 0, every other table at any other version (§5.1).
    const transformed = tag === 'glyf' || tag === 'loca' ? version === 0 : version !== 0;
    const stored = transformed ? readBase128() : length;
    tables.set(tag, { offset, length: stored, transformed });
    offset += stored;
  }
  const data = brotliDecompressSync(new Uint8Array(bytes.buffer, bytes.byteOffset + at, compressedLength));
  return data.length === offset ? { data, tables } : undefined;
}

const woff2Signature = 0x774f4632; // 'wOF2'
/** WOFF2's known table tags, by their index in a directory entry's flags (WOFF 2.0, table 1). */
const knownTags = (
  'cmap head hhea hmtx maxp name OS/2 post cvt_ fpgm glyf loca prep CFF_ VORG EBDT EBLC gasp hdmx kern LTSH PCLT VDMX vhea vmtx ' +
  'BASE GDEF GPOS GSUB EBSC JSTF MATH CBDT CBLC COLR CPAL SVG_ sbix acnt avar bdat bloc bsln cvar fdsc feat fmtx fvar gvar hsty ' +
  'just lcar mort morx opbd prop trak Zapf Silf Glat Gloc Feat Sill'
)
  .split(' ')
  .map((name) => name.replace('_', ' '));
