import { describe, expect, it } from 'vitest';
import { codePointsOf, FontCatalog } from '../../src/theme/select-fonts.js';

/** #13: the faces for a character, by a binary search in a sheet's ranges, are those whose ranges hold it. */
describe('FontCatalog.facesFor', () => {
  const catalog = new FontCatalog();
  const sheets: [string, string][] = [
    ['@fontsource/noto-sans-sc', '400.css'],
    ['@fontsource/noto-sans', '400.css'],
    ['@fontsource/noto-sans-arabic', '700.css'],
    ['@fontsource/noto-sans-symbols-2', '400.css'],
  ];
  it.each(sheets)('finds in %s/%s the faces a search of every range finds', (pkg, sheet) => {
    const faces = catalog.faces(pkg, sheet);
    expect(faces.length).toBeGreaterThan(0);
    // Every range's ends and their neighbours, and a spread of other characters.
    const points = new Set<number>();
    for (const face of faces) for (const [lo, hi] of face.ranges) for (const c of [lo - 1, lo, lo + 1, hi - 1, hi, hi + 1]) if (c >= 0) points.add(c);
    for (let c = 0; c < 0x30000; c += 97) points.add(c);
    let held = 0;
    for (const c of points) {
      const expected = faces.filter((face) => face.ranges.some(([lo, hi]) => c >= lo && c <= hi));
      const actual = catalog.facesFor(pkg, sheet, c);
      expect(actual, `U+${c.toString(16)}`).toEqual(expected);
      if (expected.length) held++;
    }
    expect(held).toBeGreaterThan(100);
  });
});

/** #13: the characters a document's fonts must cover: each code point once, sorted, with the ones always printed. */
describe('codePointsOf', () => {
  const reference = (text: string, lo: number, hi: number) => {
    const used = new Set<number>();
    for (const ch of text) used.add(ch.codePointAt(0) as number);
    for (let c = lo; c <= hi; c++) used.add(c);
    return [...used].sort((a, b) => a - b);
  };
  it.each([
    ['plain English', 'The City of New York — “welcome”.'],
    ['Arabic, Chinese and emoji', 'مرحبا 你好 𠀋 👋🏽 ﷺ'],
    ['astral characters next to each other and at the end', '𝐀𝐁x𝐂'],
    ['a lone surrogate at the end and in the middle', `a\ud83d b\udc4b c\ud83d`],
    ['nothing', ''],
  ])('%s', (_name, text) => {
    expect([...codePointsOf(text, 0x20, 0x7e)]).toEqual(reference(text, 0x20, 0x7e));
  });
});
