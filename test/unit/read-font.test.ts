import { readFileSync } from 'node:fs';
import path from 'node:path';
import { create as createFont } from 'fontkit';
import { describe, expect, it } from 'vitest';
import { readFont } from '../../src/theme/read-font.js';
import { fontFilesOf } from '../helpers.js';

/** #13: a WOFF2 file's tables are decompressed by Node's Brotli; what the toolkit reads must not change. */
describe('readFont', () => {
  const files = [
    ...fontFilesOf('@fontsource/noto-sans', /-(latin|latin-ext|cyrillic|vietnamese)-400-normal\.woff2$/),
    ...fontFilesOf('@fontsource/noto-sans-arabic', /-arabic-700-normal\.woff2$/),
    ...fontFilesOf('@fontsource/noto-sans-sc', /-400-normal\.woff2$/).slice(0, 6),
  ];

  it('reads the same character map as fontkit’s own decoder, through Node’s Brotli', () => {
    expect(files.length).toBeGreaterThan(8);
    for (const file of files) {
      const buffer = readFileSync(file);
      const fast = readFont(buffer);
      const slow = createFont(buffer);
      // The faster decoder is in place (fontkit's reader looks as expected), not silently skipped.
      expect(Object.hasOwn(fast, '_decompress'), path.basename(file)).toBe(true);
      expect(fast.characterSet, path.basename(file)).toEqual(slow.characterSet);
      expect(fast.characterSet.length, path.basename(file)).toBeGreaterThan(20);
      const sample = slow.characterSet.slice(0, 5);
      for (const c of sample) expect(fast.hasGlyphForCodePoint(c)).toBe(true);
      expect(fast.postscriptName).toBe(slow.postscriptName);
    }
  });

  it('falls back to fontkit’s decoder, then its error, when the compressed tables are damaged', () => {
    const buffer = Buffer.from(readFileSync(files[0] as string));
    // Damage the middle of the compressed stream: both decoders must refuse it, neither may return a wrong map.
    for (let i = Math.floor(buffer.length / 2); i < Math.floor(buffer.length / 2) + 64; i++) buffer[i] = (buffer[i] as number) ^ 0xa5;
    const read = () => readFont(buffer).characterSet;
    const slow = () => createFont(buffer).characterSet;
    let slowResult: number[] | Error;
    try {
      slowResult = slow();
    } catch (error) {
      slowResult = error as Error;
    }
    if (slowResult instanceof Error) expect(read).toThrow();
    else expect(read()).toEqual(slowResult);
  });
});
