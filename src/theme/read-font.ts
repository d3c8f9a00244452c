import { createRequire } from 'node:module';
import type { Font } from 'fontkit';
import { readWoff2Tables, type Woff2Tables } from './read-woff2.js';

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
  directory?: { tables: Record<string, { offset?: number }> };
  stream?: { constructor: new (buffer: Uint8Array) => unknown };
  _decompress?: () => void;
}

/**
 * A font file read by fontkit (#10), a WOFF2 file's tables decompressed by the toolkit's WOFF2 reader, with
 * Node's own Brotli (#13): fontkit decodes them with a Brotli decoder written in JavaScript, ten times
 * slower. Where fontkit's reader does not look as expected, or the file's tables are not what it read,
 * its own decoder is used; the character sets are the same either way (unit-tested).
 */
export function readFont(buffer: Uint8Array): Font {
  const font = createFont(buffer);
  const woff2 = font as unknown as Woff2Internals;
  const { directory, stream } = woff2;
  if (woff2.type !== 'WOFF2' || typeof woff2._decompress !== 'function' || !directory || !stream) return font;
  const fallback = woff2._decompress.bind(woff2);
  woff2._decompress = () => {
    if (woff2._decompressed) return;
    let read: Woff2Tables | undefined;
    try {
      read = readWoff2Tables(buffer);
    } catch {
      read = undefined;
    }
    const entries = Object.entries(directory.tables);
    if (!read || entries.length !== read.tables.size || entries.some(([tag]) => !read.tables.has(tag))) return fallback();
    for (const [tag, entry] of entries) entry.offset = read.tables.get(tag)?.offset;
    woff2.stream = new stream.constructor(read.data) as Woff2Internals['stream'];
    woff2._decompressed = true;
  };
  return font;
}
