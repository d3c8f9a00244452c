import type { FontCatalog } from './select-fonts.js';

/** How wide a text sets, in points. */
export type Measure = (text: string) => number;

/** Points in one unit of the lengths a theme's page margin may use (the schema allows only these). */
const pointsPer: Record<string, number> = { pt: 1, in: 72, cm: 72 / 2.54, mm: 72 / 25.4 };
/** Page widths in points. */
const paperWidths = { letter: 612, a4: 595.28 } as const;

/**
 * The width a running head and footer may take: the paper less the theme's left and right margins
 * (`margin` as in CSS: top, right, bottom, left). Undefined when a length is not one the schema allows.
 */
export function lineWidth(paper: keyof typeof paperWidths, margin: string): number | undefined {
  const lengths = margin
    .trim()
    .split(/\s+/)
    .map((value) => {
      if (value === '0') return 0;
      const match = /^(\d+(?:\.\d+)?)(mm|cm|in|pt)$/.exec(value);
      return match ? Number(match[1]) * (pointsPer[match[2] as string] as number) : Number.NaN;
    });
  if (lengths.length === 0 || lengths.length > 4 || lengths.some(Number.isNaN)) return undefined;
  const [top = 0, right = top, , left = right] = lengths;
  const width = paperWidths[paper] - left - right;
  return width > 0 ? width : undefined;
}

/**
 * #12: how wide a text prints in a font stack, measured with the fonts' own advance widths (fontkit lays out
 * each run, kerning and shaping included): for each character the first package of the stack whose regular
 * face has a glyph for it, as the browser picks them. A character no face has counts as half an em.
 */
export function textMeasure(catalog: FontCatalog, packages: string[], size: number): Measure {
  // One per catalog and stack: every edition of a guide measures the same titles (#14: 5 ms a document).
  const key = `${size}\n${packages.join('\n')}`;
  let byStack = measures.get(catalog);
  if (!byStack) {
    byStack = new Map();
    measures.set(catalog, byStack);
  }
  const known = byStack.get(key);
  if (known) return known;
  const measure = newMeasure(catalog, packages, size);
  byStack.set(key, measure);
  return measure;
}

const measures = new WeakMap<FontCatalog, Map<string, Measure>>();

function newMeasure(catalog: FontCatalog, packages: string[], size: number): Measure {
  const widths = new Map<string, number>();
  const faceFor = (codePoint: number): string | undefined => {
    for (const pkg of packages) {
      for (const face of catalog.facesFor(pkg, '400.css', codePoint)) if (face.style === 'normal' && catalog.hasGlyph(face.file, codePoint)) return face.file;
    }
    return undefined;
  };
  const runWidth = (file: string | undefined, run: string) => {
    const font = file ? catalog.font(file) : null;
    if (!font) return [...run].length * size * 0.5;
    return (font.layout(run).advanceWidth / font.unitsPerEm) * size;
  };
  return (text: string) => {
    let width = widths.get(text);
    if (width !== undefined) return width;
    width = 0;
    let run = '';
    let runFile: string | undefined;
    for (const ch of text) {
      // Spaces and the like take the face of the run they are in.
      const file = /\s/.test(ch) && run ? runFile : faceFor(ch.codePointAt(0) as number);
      if (run && file !== runFile) {
        width += runWidth(runFile, run);
        run = '';
      }
      runFile = file;
      run += ch;
    }
    if (run) width += runWidth(runFile, run);
    widths.set(text, width);
    return width;
  };
}

/** The margin's lines of a document: one text at their start on every page, and each page's text at their end. */
export interface MarginLines {
  start: string;
  ends: string[];
}

/**
 * #12: running heads (or footers) on one line. The text at the start (the guide's title) is the same on
 * every page; when a page's text at the end (its part's title, the page number) does not fit beside it with
 * `gap` between them, the start drops a "Series: " before its title, or what follows a " · ". If an end text is still too long, it
 * keeps what the start leaves it, and at least two fifths of the line, and ends after its last whole word
 * that fits, with an ellipsis; the start then takes what the widest end leaves, shortened the same way.
 * `width` and `gap` in the measure's points; a margin of 3 % for the browser's own rounding.
 */
export function fitMarginLines(lines: MarginLines, width: number, gap: number, measure: Measure): MarginLines {
  // A text longer than any line holds is not measured whole (#9: a title of 100,000 characters must not
  // be laid out again for every word tried): it does not fit, and its shortening stops within a line's length.
  const m = (text: string) => (!text ? 0 : text.length > maxLineCharacters ? width * 2 : measure(text) * 1.03);
  const roomBeside = (start: string, end: string) => width - m(start) - (start && end ? gap : 0);
  // Shorter forms of the start: the title after a "Series: ", the first of texts joined by " · " (a
  // footer's "government · office"). A series closes every bracket it opens: the colon of "Acceso
  // lingüístico (versión: borrador)" is inside the title, which must not run as "borrador)".
  const title = /^(?:[^:()[\]]|\([^()]*\)|\[[^[\]]*\]){2,}:\s+(.+)$/u.exec(lines.start)?.[1];
  const first = /^(.+?)\s+·\s+/u.exec(lines.start)?.[1];
  const forms = [lines.start, ...(title ? [title] : []), ...(first ? [first] : [])];
  for (const start of forms) {
    if (lines.ends.every((end) => m(end) <= roomBeside(start, end))) return { start, ends: lines.ends };
  }
  const wanted = forms.reduce((a, b) => (m(b) < m(a) ? b : a));
  const ends = lines.ends.map((end) => shorten(end, Math.max(roomBeside(wanted, end), width * 0.4), m));
  const room = Math.min(width, ...ends.map((end) => width - m(end) - (end && wanted ? gap : 0)));
  return { start: shorten(wanted, room, m), ends };
}

/** More characters than a running head's line holds at any size the themes set. */
const maxLineCharacters = 400;

/** The text, or as many of its first words as fit `room` followed by an ellipsis (characters, if no word does). */
function shorten(text: string, room: number, m: Measure): string {
  if (!text || m(text) <= room) return text;
  const ellipsis = '…';
  const words = text.split(/(?<=\s)/u);
  let kept = '';
  for (const word of words) {
    const next = kept + word;
    if (m(`${trimEnd(next)}${ellipsis}`) > room) break;
    kept = next;
  }
  if (!trimEnd(kept)) {
    // A first word too long for the line, or a script written without spaces (Chinese): by characters.
    for (const ch of text) {
      if (m(`${kept}${ch}${ellipsis}`) > room) break;
      kept += ch;
    }
  }
  return `${trimEnd(kept)}${ellipsis}`;
}

/** Without the spaces and the punctuation that should not come before an ellipsis. */
const trimEnd = (text: string) => text.replace(/[\s,;:–—\-·،、，；：]+$/u, '');
