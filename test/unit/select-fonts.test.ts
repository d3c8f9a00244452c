import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
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

/**
 * #13, #14: what a font file gives is read once per process, so a process that runs many builds and checks
 * (the preview, a script, the tests) does not parse the same stylesheets and fonts for each; a file that
 * changed is read again.
 */
describe('font files read once per process', () => {
  it('gives a new catalog what an earlier one read, and reads a changed stylesheet or font file again', () => {
    const resolve = createRequire(import.meta.url).resolve;
    const latin = resolve('@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2');
    const arabic = resolve('@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-400-normal.woff2');
    // A font package of the project's own, as a fork installs one.
    const root = mkdtempSync(path.join(os.tmpdir(), 'bp-fonts-'));
    const dir = path.join(root, 'node_modules/@fontsource/test-face');
    mkdirSync(path.join(dir, 'files'), { recursive: true });
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: '@fontsource/test-face', version: '1.0.0' }));
    const sheet = (range: string) =>
      `@font-face {\n  font-family: 'Test Face';\n  font-style: normal;\n  font-weight: 400;\n  src: url(./files/face.woff2) format('woff2');\n  unicode-range: ${range};\n}\n`;
    writeFileSync(path.join(dir, '400.css'), sheet('U+0000-00FF'));
    const file = path.join(dir, 'files/face.woff2');
    copyFileSync(latin, file);
    const pkg = '@fontsource/test-face';

    const first = new FontCatalog(root);
    expect(first.facesFor(pkg, '400.css', 0x41).map((face) => face.file)).toEqual([file]);
    expect(first.hasGlyph(file, 0x41)).toBe(true);
    const again = new FontCatalog(root);
    expect(again.faces(pkg, '400.css')).toBe(first.faces(pkg, '400.css'));
    expect(again.font(file)).toBe(first.font(file));

    // Both files change: the sheet now covers Arabic, and the font is an Arabic subset without "A".
    writeFileSync(path.join(dir, '400.css'), sheet('U+0600-06FF, U+FE70-FEFF'));
    copyFileSync(arabic, file);
    const changed = new FontCatalog(root);
    expect(changed.facesFor(pkg, '400.css', 0x41)).toEqual([]);
    expect(changed.facesFor(pkg, '400.css', 0x627).map((face) => face.file)).toEqual([file]);
    expect(changed.hasGlyph(file, 0x627)).toBe(true);
    expect(changed.hasGlyph(file, 0x41)).toBe(false);
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
