import { createRequire } from 'node:module';
import { brotliDecompressSync } from 'node:zlib';
import type { Font } from 'fontkit';

/**
 * fontkit, loaded the first time a font file is read (a tenth of a second): a run whose fonts' character
 * sets are all in its cache (a check after a save, the preview) never needs it.
 */
let fontkit: typeof import('fontkit') | undefined;
const createFont = (buffer: Uint8Array): Font => {
  fontkit ??= createRequire(import.meta.url)('fontkit') as typeof import('fontkit');
  return fontkit.create(buffer);
};

/** What fontkit's WOFF2 reader keeps before it decompresses its tables (fontkit 2's WOFF2Font). */
interface Woff2Internals {
  type?: string;
  _decompressed?: boolean;
  _dataPos?: number;
  directory?: { totalCompressedSize: number; tables: Record<string, { offset?: number; length: number; transformLength?: number }> };
  stream?: { pos: number; readBuffer(length: number): Uint8Array; constructor: new (buffer: Uint8Array) => unknown };
  _decompress?: () => void;
}

/**
 * A font file read by fontkit (#10), a WOFF2 file's tables decompressed by Node's own Brotli (#13): fontkit
 * decodes them with a Brotli decoder written in JavaScript, ten times slower, and reading the character
 * sets of a Chinese font's subsets was most of a `check`'s font time. Where fontkit's reader does not look
 * as expected, its own decoder is used; the character sets are the same either way (unit-tested).
 */
export function readFont(buffer: Uint8Array): Font {
  const font = createFont(buffer);
  const woff2 = font as unknown as Woff2Internals;
  const { directory, stream } = woff2;
  if (woff2.type !== 'WOFF2' || typeof woff2._decompress !== 'function' || typeof woff2._dataPos !== 'number' || !directory || !stream) return font;
  const fallback = woff2._decompress.bind(woff2);
  woff2._decompress = () => {
    if (woff2._decompressed) return;
    const at = stream.pos;
    stream.pos = woff2._dataPos as number;
    let size = 0;
    const entries = Object.values(directory.tables);
    for (const entry of entries) size += entry.transformLength ?? entry.length;
    let tables: Uint8Array | undefined;
    try {
      tables = brotliDecompressSync(stream.readBuffer(directory.totalCompressedSize));
    } catch {
      tables = undefined;
    }
    if (!tables || tables.length !== size) {
      stream.pos = at;
      fallback();
      return;
    }
    let offset = 0;
    for (const entry of entries) {
      entry.offset = offset;
      offset += entry.transformLength ?? entry.length;
    }
    woff2.stream = new stream.constructor(tables) as Woff2Internals['stream'];
    woff2._decompressed = true;
  };
  return font;
}
