/** The part of fontkit (no types of its own) the toolkit uses: a font file's character map (#10), and how wide a text sets (#12). */
declare module 'fontkit' {
  export interface Font {
    postscriptName: string;
    hasGlyphForCodePoint(codePoint: number): boolean;
    /** Every code point the character map maps to a glyph. */
    readonly characterSet: number[];
    readonly unitsPerEm: number;
    /** Shape a string (script found from its characters): its advance width in font units. */
    layout(text: string): { advanceWidth: number };
  }
  export function create(buffer: Uint8Array): Font;
}
