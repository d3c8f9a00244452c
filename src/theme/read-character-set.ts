import { isFontVersion, readWoff2Tables } from './read-woff2.js';

/**
 * The characters a font file maps, read from its `cmap` table alone (#13): the same set fontkit's
 * `characterSet` gives, without loading fontkit (a sixth of a second in a new process) or reading the rest
 * of the font. For a WOFF2 file (every face of an @fontsource package) or a plain TrueType or OpenType
 * file whose Unicode map has one of the formats fonts use (4 and 12, and 0, 6, 10, 13). Undefined for
 * anything else — a collection, a WOFF 1 file, a map in another encoding, a damaged table — so the
 * caller asks fontkit, as before. The set is fontkit's to the letter (the unit test compares every face of
 * the bundled fonts): each segment or group from its first character to its last.
 */
export function readCharacterSet(buffer: Uint8Array): number[] | undefined {
  try {
    const bytes = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    const cmap = bytes.byteLength >= 4 && isFontVersion(bytes.getUint32(0)) ? sfntCmap(bytes) : woff2Cmap(buffer);
    return cmap ? unicodeCharacters(cmap) : undefined;
  } catch {
    // A table that ends early (RangeError) or a stream Brotli refuses: fontkit decides.
    return undefined;
  }
}

const cmapTag = 0x636d6170; // 'cmap'

/** The `cmap` table of a TrueType or OpenType file, by its table directory. */
function sfntCmap(bytes: DataView): DataView | undefined {
  const tables = bytes.getUint16(4);
  for (let i = 0; i < tables; i++) {
    const record = 12 + i * 16;
    if (bytes.getUint32(record) !== cmapTag) continue;
    const offset = bytes.getUint32(record + 8);
    const length = bytes.getUint32(record + 12);
    return slice(bytes, offset, length);
  }
  return undefined;
}

/** The `cmap` table of a WOFF2 file (never transformed). */
function woff2Cmap(buffer: Uint8Array): DataView | undefined {
  const woff2 = readWoff2Tables(buffer);
  const cmap = woff2?.tables.get('cmap');
  if (!woff2 || !cmap || cmap.transformed) return undefined;
  return slice(new DataView(woff2.data.buffer, woff2.data.byteOffset, woff2.data.byteLength), cmap.offset, cmap.length);
}

function slice(bytes: DataView, offset: number, length: number): DataView | undefined {
  if (offset + length > bytes.byteLength) return undefined;
  return new DataView(bytes.buffer, bytes.byteOffset + offset, length);
}

/** fontkit's order of preference among a cmap's subtables: the Unicode ones, 32-bit first. */
const unicodeEncodings: [number, number][] = [
  [3, 10],
  [0, 6],
  [0, 4],
  [3, 1],
  [0, 3],
  [0, 2],
  [0, 1],
  [0, 0],
];

/** The characters of the cmap's preferred Unicode subtable, as fontkit's CmapProcessor lists them. */
function unicodeCharacters(cmap: DataView): number[] | undefined {
  const count = cmap.getUint16(2);
  let subtable: number | undefined;
  for (const [platform, encoding] of unicodeEncodings) {
    for (let i = 0; i < count && subtable === undefined; i++) {
      const record = 4 + i * 8;
      if (cmap.getUint16(record) === platform && cmap.getUint16(record + 2) === encoding) subtable = cmap.getUint32(record + 4);
    }
    if (subtable !== undefined) break;
  }
  if (subtable === undefined) return undefined;
  const format = cmap.getUint16(subtable);
  const ranges: [number, number][] = [];
  switch (format) {
    case 0:
      ranges.push([0, 255]);
      break;
    case 4: {
      const segments = cmap.getUint16(subtable + 6) / 2;
      const ends = subtable + 14;
      const starts = ends + segments * 2 + 2;
      for (let i = 0; i < segments; i++) ranges.push([cmap.getUint16(starts + i * 2), cmap.getUint16(ends + i * 2)]);
      break;
    }
    case 6: {
      const first = cmap.getUint16(subtable + 6);
      ranges.push([first, first + cmap.getUint16(subtable + 8) - 1]);
      break;
    }
    case 10: {
      const first = cmap.getUint32(subtable + 12);
      ranges.push([first, first + cmap.getUint32(subtable + 16) - 1]);
      break;
    }
    case 12:
    case 13: {
      const groups = cmap.getUint32(subtable + 12);
      // A count past the table's end is damage (a RangeError: fontkit decides), not a loop of billions.
      cmap.getUint32(subtable + 16 + groups * 12 - 4);
      for (let i = 0; i < groups; i++) ranges.push([cmap.getUint32(subtable + 16 + i * 12), cmap.getUint32(subtable + 20 + i * 12)]);
      break;
    }
    default:
      return undefined;
  }
  return characterList(ranges);
}

/**
 * The characters of the ranges, in their order, as fontkit lists them. A hostile or damaged font's ranges
 * (overlapping segments, a group reaching past the code space) are merged and cut to the code space
 * first: at most 1,114,112 characters, however many ranges claim them (the set is the same).
 */
function characterList(ranges: [number, number][]): number[] {
  const ordered = ranges.every(([first, last], i) => last <= 0x10ffff && (i === 0 || first > (ranges[i - 1] as [number, number])[1]));
  const list = ordered ? ranges : merged(ranges);
  const characters: number[] = [];
  for (const [first, last] of list) for (let c = first; c <= last; c++) characters.push(c);
  return characters;
}

function merged(ranges: [number, number][]): [number, number][] {
  const sorted = ranges.filter(([first, last]) => first <= last && first <= 0x10ffff).sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [first, last] of sorted) {
    const end = Math.min(last, 0x10ffff);
    const previous = out.at(-1);
    if (previous && first <= previous[1] + 1) previous[1] = Math.max(previous[1], end);
    else out.push([first, end]);
  }
  return out;
}
