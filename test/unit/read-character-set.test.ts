import { readFileSync } from 'node:fs';
import path from 'node:path';
import { create as createFont } from 'fontkit';
import { describe, expect, it, vi } from 'vitest';
import { readCharacterSet } from '../../src/theme/read-character-set.js';
import { FontCatalog } from '../../src/theme/select-fonts.js';
import { fontFilesOf } from '../helpers.js';

/** A TrueType file holding only a `cmap` with the given subtables (platform, encoding, bytes). */
function sfntWithCmap(subtables: [number, number, Buffer][]): Buffer {
  const header = Buffer.alloc(4 + subtables.length * 8);
  header.writeUInt16BE(0, 0);
  header.writeUInt16BE(subtables.length, 2);
  let offset = header.length;
  subtables.forEach(([platform, encoding, table], i) => {
    header.writeUInt16BE(platform, 4 + i * 8);
    header.writeUInt16BE(encoding, 6 + i * 8);
    header.writeUInt32BE(offset, 8 + i * 8);
    offset += table.length;
  });
  const cmap = Buffer.concat([header, ...subtables.map(([, , table]) => table)]);
  const directory = Buffer.alloc(12 + 16);
  directory.writeUInt32BE(0x00010000, 0);
  directory.writeUInt16BE(1, 4);
  directory.write('cmap', 12, 'latin1');
  directory.writeUInt32BE(28, 20);
  directory.writeUInt32BE(cmap.length, 24);
  return Buffer.concat([directory, cmap]);
}

/** A format 4 subtable mapping each [first, last] segment (0xFFFF closes it, as the format asks). */
function format4(segments: [number, number][]): Buffer {
  const all = [...segments, [0xffff, 0xffff] as [number, number]];
  const n = all.length;
  const table = Buffer.alloc(16 + n * 8);
  table.writeUInt16BE(4, 0);
  table.writeUInt16BE(table.length, 2);
  table.writeUInt16BE(n * 2, 6);
  all.forEach(([first, last], i) => {
    table.writeUInt16BE(last, 14 + i * 2);
    table.writeUInt16BE(first, 16 + n * 2 + i * 2);
    table.writeUInt16BE((1 - first) & 0xffff, 16 + n * 4 + i * 2);
  });
  return table;
}

/** A format 12 subtable of [first, last] groups. */
function format12(groups: [number, number][]): Buffer {
  const table = Buffer.alloc(16 + groups.length * 12);
  table.writeUInt16BE(12, 0);
  table.writeUInt32BE(table.length, 4);
  table.writeUInt32BE(groups.length, 12);
  groups.forEach(([first, last], i) => {
    table.writeUInt32BE(first, 16 + i * 12);
    table.writeUInt32BE(last, 20 + i * 12);
    table.writeUInt32BE(1, 24 + i * 12);
  });
  return table;
}

/** #13: a font's characters read from its character map alone, without loading fontkit into a check. */
describe('readCharacterSet', () => {
  const files = [
    ...fontFilesOf('@fontsource/noto-sans', /-(latin|latin-ext|cyrillic|greek|vietnamese)-(400|700)-(normal|italic)\.woff2$/),
    ...fontFilesOf('@fontsource/noto-sans-arabic', /-arabic-(400|700)-normal\.woff2$/),
    ...fontFilesOf('@fontsource/noto-sans-sc', /-400-normal\.woff2$/).slice(0, 12),
    ...fontFilesOf('@fontsource/noto-sans-symbols-2', /-400-normal\.woff2$/),
  ];

  it('gives the characters fontkit gives, for the WOFF2 faces of the bundled fonts', () => {
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const buffer = readFileSync(file);
      const set = readCharacterSet(buffer);
      expect(set, path.basename(file)).toBeDefined();
      expect(set, path.basename(file)).toEqual(createFont(buffer).characterSet);
    }
  });

  it('reads a TrueType file’s map, preferring the 32-bit one as fontkit does', () => {
    const only16 = sfntWithCmap([
      [
        3,
        1,
        format4([
          [0x41, 0x5a],
          [0x3b1, 0x3c9],
        ]),
      ],
    ]);
    expect(readCharacterSet(only16)).toEqual(createFont(only16).characterSet);
    expect(readCharacterSet(only16)).toContain(0x3c9);
    const both = sfntWithCmap([
      [3, 1, format4([[0x41, 0x5a]])],
      [
        3,
        10,
        format12([
          [0x41, 0x5a],
          [0x1f600, 0x1f64f],
        ]),
      ],
    ]);
    expect(readCharacterSet(both)).toEqual(createFont(both).characterSet);
    expect(readCharacterSet(both)).toContain(0x1f600);
  });

  it('leaves to fontkit what it does not read: WOFF 1, a map in another encoding, a damaged file', () => {
    const woff = fontFilesOf('@fontsource/noto-sans', /-latin-400-normal\.woff$/)[0] as string;
    expect(readCharacterSet(readFileSync(woff))).toBeUndefined();
    expect(readCharacterSet(sfntWithCmap([[3, 0, format4([[0x41, 0x5a]])]]))).toBeUndefined();
    const damaged = Buffer.from(readFileSync(files[0] as string));
    for (let i = Math.floor(damaged.length / 2); i < Math.floor(damaged.length / 2) + 64; i++) damaged[i] = (damaged[i] as number) ^ 0xa5;
    expect(readCharacterSet(damaged)).toBeUndefined();
    expect(readCharacterSet(damaged.subarray(0, 60))).toBeUndefined();
  });

  it('lists a hostile map’s characters once each, within the code space, without a loop per claim (#9)', () => {
    // A group claiming four billion characters, and 2,000 segments claiming the same 65,535.
    const billions = readCharacterSet(sfntWithCmap([[3, 10, format12([[0x41, 0xffffffff]])]]));
    expect(billions).toHaveLength(0x110000 - 0x41);
    const overlapping = readCharacterSet(sfntWithCmap([[3, 1, format4(Array.from({ length: 2000 }, () => [0, 0xfffe] as [number, number]))]]));
    expect(overlapping).toHaveLength(0x10000);
    expect(new Set(overlapping).size).toBe(0x10000);
  });

  it('is what a catalog asks, so that checking for glyphs does not read the fonts with fontkit', () => {
    const catalog = new FontCatalog();
    const font = vi.spyOn(catalog, 'font');
    const face = catalog.facesFor('@fontsource/noto-sans', '400.css', 0x41)[0];
    expect(face).toBeDefined();
    expect(catalog.hasGlyph(face?.file as string, 0x41)).toBe(true);
    expect(catalog.hasGlyph(face?.file as string, 0x3400)).toBe(false);
    expect(font).not.toHaveBeenCalled();
  });
});
