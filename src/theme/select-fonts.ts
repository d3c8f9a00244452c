import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Font } from 'fontkit';
import { FontPackages } from './font-packages.js';
import { cssString } from './page-rules.js';
import { readCharacterSet } from './read-character-set.js';
import { readFont } from './read-font.js';

export interface FontFile {
  /** Absolute path of the woff2 file inside the @fontsource package. */
  source: string;
  /** Path under the output folder. */
  output: string;
}

export interface FontSelection {
  /** @font-face rules pointing at the copied files. */
  css: string;
  files: FontFile[];
  /** Characters of the text that no face of any of the fonts covers: they would print as empty boxes (#10). */
  missing: number[];
}

interface FontFace {
  family: string;
  style: string;
  weight: string;
  file: string;
  ranges: [number, number][];
}

const facePattern = /@font-face\s*{([^}]*)}/g;
const propPatterns = {
  family: /font-family:\s*([^;]+);/,
  style: /font-style:\s*([^;]+);/,
  weight: /font-weight:\s*([^;]+);/,
  range: /unicode-range:\s*([^;]+);/,
};

/** The @font-face rules of one @fontsource stylesheet, e.g. `@fontsource/noto-sans/700.css`. */
function readFaces(packages: FontPackages, pkg: string, sheet: string): FontFace[] {
  // A package without this weight or style (a font with no italic) has no faces for it; a package that is
  // not installed at all is reported when the theme loads (font-package-missing, #11), never skipped here.
  const cssPath = packages.resolve(`${pkg}/${sheet}`);
  if (!cssPath) return [];
  return parsedOnce(parsedSheets, cssPath, () => parseFaces(readFileSync(cssPath, 'utf8'), cssPath));
}

function parseFaces(css: string, cssPath: string): FontFace[] {
  const faces: FontFace[] = [];
  for (const block of css.matchAll(facePattern)) {
    const body = block[1] ?? '';
    const get = (prop: keyof typeof propPatterns) => propPatterns[prop].exec(body)?.[1]?.trim() ?? '';
    const url = /url\(\.\/files\/([^)]+\.woff2)\)/.exec(body)?.[1];
    if (!url) continue;
    const ranges = get('range')
      .split(',')
      .filter(Boolean)
      .map((r) => {
        const [a = '0', b] = r.trim().replace(/^U\+/i, '').split('-');
        return [Number.parseInt(a, 16), Number.parseInt(b ?? a, 16)] as [number, number];
      });
    faces.push({
      family: get('family').replace(/^'|'$/g, ''),
      style: get('style'),
      weight: get('weight'),
      file: path.join(path.dirname(cssPath), 'files', url),
      ranges: ranges.length ? ranges : [[0, 0x10ffff]],
    });
  }
  return faces;
}

/**
 * What font files give, read once per process (#13, #14): a stylesheet's faces, a sheet's range index, a
 * font file's character set and fontkit's reading of it. Each is kept with the file's stamp (size and
 * time) and read again when the file changed, so a process that runs many builds and checks (the preview,
 * the library in a script, the tests) neither reads nor parses the same font files for each. The catalogs
 * share nothing else. Bounded by the font files the themes use.
 */
const parsedSheets = new Map<string, { stamp: string; value: FontFace[] }>();
const parsedFonts = new Map<string, { stamp: string; value: Font | null }>();
const glyphSets = new Map<string, { stamp: string; value: Set<number> }>();
const rangeIndexes = new WeakMap<FontFace[], RangeIndex>();

/** The value kept for `file` while its stamp holds, else `read()`'s, kept. */
function parsedOnce<T>(memo: Map<string, { stamp: string; value: T }>, file: string, read: () => T, stamp = fileStamp(file)): T {
  const known = memo.get(file);
  if (known && known.stamp === stamp) return known.value;
  const value = read();
  memo.set(file, { stamp, value });
  return value;
}

/**
 * The @font-face rules of the font packages, looked up once per build (many documents share them). One
 * catalog per build: what two builds in a process share is only what the font files themselves give
 * (see parsedOnce), each checked against its file's stamp.
 */
export class FontCatalog {
  private readonly sheets = new Map<string, FontFace[]>();
  private readonly fonts = new Map<string, Font | null>();
  /** Each font file's character set, by file, size and time: read from its character map, or saved by an earlier run. */
  private readonly glyphs = new Map<string, { stamp: string; codePoints: Set<number> }>();
  private readonly stamps = new Map<string, string>();
  private readonly covered = new Map<string, Map<number, boolean>>();
  private readonly indexes = new Map<string, RangeIndex>();
  readonly packages: FontPackages;

  /** `root`: the project, whose own node_modules may hold fonts its themes name (#11). */
  constructor(root?: string) {
    this.packages = new FontPackages(root);
  }

  faces(pkg: string, sheet: string): FontFace[] {
    const key = `${pkg}/${sheet}`;
    let faces = this.sheets.get(key);
    if (!faces) {
      faces = readFaces(this.packages, pkg, sheet);
      this.sheets.set(key, faces);
    }
    return faces;
  }

  /** Which characters a font stack has a glyph for, as far as asked: one map per stack, kept with the catalog. */
  coverage(stack: string): Map<number, boolean> {
    let known = this.covered.get(stack);
    if (!known) {
      known = new Map();
      this.covered.set(stack, known);
    }
    return known;
  }

  /**
   * The faces of a stylesheet whose unicode-range holds a character, in the sheet's order: a binary search
   * in the sheet's ranges sorted by their start (an index per sheet, built once; #13: a Chinese font's
   * sheet lists tens of thousands of code points, which a map by code point spent a tenth of a check on).
   */
  facesFor(pkg: string, sheet: string, codePoint: number): FontFace[] {
    const key = `${pkg}/${sheet}`;
    let index = this.indexes.get(key);
    if (!index) {
      const faces = this.faces(pkg, sheet);
      index = rangeIndexes.get(faces);
      if (!index) {
        index = rangeIndex(faces);
        rangeIndexes.set(faces, index);
      }
      this.indexes.set(key, index);
    }
    const known = index.answers.get(codePoint);
    if (known) return known;
    const { starts, ends, reach, owners } = index;
    // The last range starting at or before the character; earlier ones may still reach it.
    let a = 0;
    let b = starts.length;
    while (a < b) {
      const mid = (a + b) >> 1;
      if ((starts[mid] as number) <= codePoint) a = mid + 1;
      else b = mid;
    }
    const found = new Set<number>();
    for (let i = a - 1; i >= 0 && (reach[i] as number) >= codePoint; i--) if ((ends[i] as number) >= codePoint) found.add(owners[i] as number);
    const faces = this.faces(pkg, sheet);
    const answer = [...found].sort((x, y) => x - y).map((i) => faces[i] as FontFace);
    index.answers.set(codePoint, answer);
    return answer;
  }

  /**
   * Whether a font file really has a glyph for a character (#10): a subset's unicode-range says which
   * characters it is for, its character map which it has (Noto Sans's latin subset claims U+2000-206F but
   * lacks some of them). Each file is read once per catalog, or not at all when an earlier run saved its set.
   */
  hasGlyph(file: string, codePoint: number): boolean {
    let known = this.glyphs.get(file);
    const stamp = this.stampOf(file);
    if (!known || known.stamp !== stamp) {
      // #13: decoding a WOFF2 file costs milliseconds each; its character set is kept between runs. Read
      // from the file's character map alone where it can be; fontkit, loaded for that, reads the rest.
      known = { stamp, codePoints: parsedOnce(glyphSets, file, () => new Set(characterSetOf(file) ?? this.font(file)?.characterSet ?? []), stamp) };
      this.glyphs.set(file, known);
    }
    return known.codePoints.has(codePoint);
  }

  /** A font file as fontkit reads it, once per process while the file is unchanged; null when it cannot be read. */
  font(file: string): Font | null {
    let font = this.fonts.get(file);
    if (font === undefined) {
      font = parsedOnce(
        parsedFonts,
        file,
        () => {
          try {
            return readFont(readFileSync(file));
          } catch {
            return null;
          }
        },
        this.stampOf(file),
      );
      this.fonts.set(file, font);
    }
    return font;
  }

  /** A font file's stamp, taken once per catalog. */
  private stampOf(file: string): string {
    let stamp = this.stamps.get(file);
    if (stamp === undefined) {
      stamp = fileStamp(file);
      this.stamps.set(file, stamp);
    }
    return stamp;
  }

  /** The character sets read so far, for the next run (see SourceCache.snapshot). */
  glyphSets(): Record<string, number[]> {
    const sets: Record<string, number[]> = {};
    for (const [file, { stamp, codePoints }] of [...this.glyphs].sort(([a], [b]) => (a < b ? -1 : 1)))
      sets[`${stamp}\n${file}`] = [...codePoints].sort((a, b) => a - b);
    return sets;
  }

  /** Character sets an earlier run read: used while the file keeps its size and time. */
  seedGlyphSets(sets: Record<string, number[]>): void {
    for (const [key, codePoints] of Object.entries(sets)) {
      const at = key.indexOf('\n');
      if (at > 0) this.glyphs.set(key.slice(at + 1), { stamp: key.slice(0, at), codePoints: new Set(codePoints) });
    }
  }

  familyName(pkg: string): string {
    return this.faces(pkg, '400.css')[0]?.family ?? pkg.replace('@fontsource/', '');
  }
}

/** A font file's characters from its character map alone (see readCharacterSet); undefined for fontkit to read. */
function characterSetOf(file: string): number[] | undefined {
  try {
    return readCharacterSet(readFileSync(file));
  } catch {
    return undefined;
  }
}

/** A sheet's unicode ranges sorted by start: each one's end, its face (by index) and the furthest end so far. */
interface RangeIndex {
  /** Each character asked about so far and its faces (#13: every document of a language asks for the same ones). */
  answers: Map<number, FontFace[]>;
  starts: Uint32Array;
  ends: Uint32Array;
  reach: Uint32Array;
  owners: Uint32Array;
}

function rangeIndex(faces: FontFace[]): RangeIndex {
  const ranges = faces
    .flatMap((face, owner) => face.ranges.map(([lo, hi]) => ({ lo, hi, owner })))
    .sort((x, y) => x.lo - y.lo || x.hi - y.hi || x.owner - y.owner);
  const index: RangeIndex = {
    answers: new Map(),
    starts: Uint32Array.from(ranges, (r) => r.lo),
    ends: Uint32Array.from(ranges, (r) => r.hi),
    reach: new Uint32Array(ranges.length),
    owners: Uint32Array.from(ranges, (r) => r.owner),
  };
  let furthest = 0;
  for (const [i, r] of ranges.entries()) {
    furthest = Math.max(furthest, r.hi);
    index.reach[i] = furthest;
  }
  return index;
}

/** A font file's size and modification time: a reinstalled or upgraded package changes them. */
function fileStamp(file: string): string {
  try {
    const stat = statSync(file);
    return `${stat.size}:${stat.mtimeMs}`;
  } catch {
    return 'missing';
  }
}

/**
 * Fonts come from npm packages, never from the machine, so a PDF looks the same everywhere. Only the
 * unicode-range subsets that the document's characters need are emitted and copied, which keeps each
 * edition small even with Chinese and Korean fallbacks.
 */
export function selectFonts(
  catalog: FontCatalog,
  packages: { pkg: string; sheets: string[]; fallback?: boolean }[],
  text: string,
  toOutRoot: string,
): FontSelection {
  // Digits, punctuation and the page-number words always print in headers and footers.
  const all = codePointsOf(text, 0x20, 0x7e);
  // A fallback font is only needed for characters the body font does not cover, so Chinese or Arabic
  // subsets are not shipped for English text that those packages also happen to cover.
  let uncovered = all;
  const rules: string[] = [];
  const files: FontFile[] = [];
  for (const [index, { pkg, sheets, fallback }] of packages.entries()) {
    const codePoints = fallback ? uncovered : all;
    const covered = new Set<number>();
    for (const sheet of sheets) {
      // The faces the characters need, by a search per character (#13: a fallback's share is most often a
      // few characters or none, and a Chinese sheet has some 10,000 ranges to try against the text).
      const needed = new Set<FontFace>();
      for (const c of codePoints) {
        const faces = catalog.facesFor(pkg, sheet, c);
        if (faces.length === 0) continue;
        covered.add(c);
        for (const face of faces) needed.add(face);
      }
      if (needed.size === 0) continue;
      for (const face of catalog.faces(pkg, sheet)) {
        if (!needed.has(face)) continue;
        const output = `assets/fonts/${path.basename(face.file)}`;
        files.push({ source: face.file, output });
        const range = face.ranges.map(([a, b]) => (a === b ? `U+${a.toString(16)}` : `U+${a.toString(16)}-${b.toString(16)}`)).join(',');
        rules.push(
          `@font-face{font-family:${cssString(face.family)};font-style:${face.style};font-weight:${face.weight};font-display:block;src:url(${toOutRoot}${output}) format('woff2');unicode-range:${range}}`,
        );
      }
    }
    // Only the body font (first) takes characters out of the fallbacks' share: two fallbacks may both be
    // needed for one script (Korean text may ask for Noto Sans KR through :lang(ko) though SC covers it).
    if (index === 0) uncovered = uncovered.filter((c) => !covered.has(c));
  }
  // #10 (no tofu): what none of the fonts covers, in any of its faces. Format characters (bidi marks and
  // isolates, joiners, soft hyphens) and controls draw nothing, so they need no glyph.
  const known = catalog.coverage(packages.map(({ pkg, sheets }) => `${pkg}:${sheets.join(',')}`).join(' '));
  const missing = all.filter((c) => {
    let covered = known.get(c);
    if (covered === undefined) {
      covered =
        invisible.test(String.fromCodePoint(c)) ||
        packages.some(({ pkg, sheets }) => sheets.some((sheet) => catalog.facesFor(pkg, sheet, c).some((face) => catalog.hasGlyph(face.file, c))));
      known.set(c, covered);
    }
    return !covered;
  });
  return { css: rules.join('\n'), files, missing: [...missing] };
}

const invisible = /^[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]$/u;

/**
 * The code points of a text, sorted, each once, and those from `lo` to `hi`. A table of the 65,536 UTF-16
 * units instead of a set of every character: a guide's text is some 100,000 of them (#13, #14).
 */
export function codePointsOf(text: string, lo: number, hi: number): Uint32Array {
  const seen = new Uint8Array(0x10000);
  const astral = new Set<number>();
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        astral.add(((unit - 0xd800) << 10) + (next - 0xdc00) + 0x10000);
        i++;
        continue;
      }
    }
    seen[unit] = 1;
  }
  for (let c = lo; c <= hi; c++) seen[c] = 1;
  const points: number[] = [];
  for (let c = 0; c < 0x10000; c++) if (seen[c]) points.push(c);
  return Uint32Array.from([...points, ...[...astral].sort((a, b) => a - b)]);
}
