import type { CityConfig } from '../validate/schemas/city.js';
import type { ThemeConfig } from '../validate/schemas/theme.js';

export type EditionColors = { [K in keyof ThemeConfig['colors']]: string };

/**
 * The colours of one edition: the theme's, with the city's brand colours over them, and the focus ring
 * resolved when it names another token ("primary" follows the city's primary colour).
 */
export function editionColors(theme: ThemeConfig['colors'], city: CityConfig['colors']): EditionColors {
  const merged = { ...theme, ...(city ?? {}) };
  const focus = merged.focus === 'primary' || merged.focus === 'accent' || merged.focus === 'text' ? merged[merged.focus] : merged.focus;
  return { ...merged, focus };
}

/** What each colour is drawn on, and the contrast WCAG 2.1 AA asks of it: 4.5:1 for text, 3:1 for a focus ring. */
export const contrastPairs: { fg: keyof EditionColors; bg: keyof EditionColors; min: number; role: string }[] = [
  { fg: 'text', bg: 'background', min: 4.5, role: 'body text' },
  { fg: 'text', bg: 'surface', min: 4.5, role: 'text in case-study boxes' },
  { fg: 'primary', bg: 'background', min: 4.5, role: 'headings and links' },
  { fg: 'primary', bg: 'surface', min: 4.5, role: 'labels and links in case-study boxes' },
  { fg: 'muted', bg: 'background', min: 4.5, role: 'notes and running heads' },
  { fg: 'muted', bg: 'surface', min: 4.5, role: 'notes in case-study boxes' },
  { fg: 'on_primary', bg: 'primary', min: 4.5, role: 'the cover and table headers' },
  { fg: 'focus', bg: 'background', min: 3, role: 'the keyboard focus ring' },
  { fg: 'focus', bg: 'surface', min: 3, role: 'the keyboard focus ring in boxes' },
];

/** The pairs of an edition's colours that are too close to read (or to see focus on). */
export function lowContrast(colors: EditionColors): { fg: keyof EditionColors; bg: keyof EditionColors; ratio: number; min: number; role: string }[] {
  return contrastPairs.flatMap((pair) => {
    const ratio = contrastRatio(colors[pair.fg], colors[pair.bg]);
    // Rounded down to two decimals, as contrast checkers show it: 4.499 is not 4.5.
    return Math.floor(ratio * 100) / 100 < pair.min ? [{ ...pair, ratio }] : [];
  });
}

/** WCAG 2.1 contrast ratio of two #rrggbb colours. */
export function contrastRatio(a: string, b: string): number {
  const [la, lb] = [luminance(a), luminance(b)];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** WCAG 2.1 relative luminance of a #rrggbb colour. */
export function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = Number.parseInt(hex.slice(1 + i * 2, 3 + i * 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}
