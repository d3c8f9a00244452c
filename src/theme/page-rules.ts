import type { ThemeConfig } from '../validate/schemas/theme.js';
import { fitMarginLines, type MarginLines, type Measure } from './fit-running-heads.js';

export interface PageRulesInput {
  paper: 'letter' | 'a4';
  page: ThemeConfig['page'];
  partBreak: ThemeConfig['part_break'];
  /** Values of the placeholders the running header and footer may print ({title}, {government} …). */
  values: Record<string, string>;
  muted: string;
  /** The page colour, painted to the edges of every PDF page (margins too), not only behind the text. */
  background: string;
  parts: string[];
  strings: { pageOf: string; contents: string; notesAndSources: string; aboutGuide: string };
  fontFamily: string;
  /** Counter style for page numbers in the language's digits (`decimal`, `bengali`, `arabic-indic`). */
  counterStyle: string;
  /** Right-to-left documents mirror their running heads and footers (#10). */
  dir: 'ltr' | 'rtl';
  /**
   * #12: keep each running head and footer on one line: the line's width in points and how wide a text
   * prints at the boxes' size (see fitMarginLines). Without it the texts are written as they are.
   */
  fit?: { width: number; measure: Measure };
}

/** The boxes' type size, in points (the measure of `fit` is taken at this size). */
export const marginTextSize = 8.5;

/**
 * A value from the sources as a CSS string (#9): quotes, backslashes, line breaks and every character that
 * could end the <style> element or start markup are written as CSS escapes, so a title such as
 * `</style><script>…` stays text in a running head.
 */
export const cssString = (value: string) => `"${[...value].map(escapeCssChar).join('')}"`;

const plainCss = /[\p{L}\p{N}\p{M} .,;:!?()[\]{}\-–—_/+*=#%@$^|~`’‘“”…·]/u;
const escapeCssChar = (ch: string) => (plainCss.test(ch) ? ch : `\\${(ch.codePointAt(0) as number).toString(16)} `);

/** A theme's running header or footer text with its placeholders filled (#11); unknown ones stay as written. */
export const fillPageText = (template: string, values: Record<string, string>) =>
  template.replace(/\{([a-z]+)\}/g, (whole, key: string) => values[key] ?? whole).trim();

/**
 * Paged-media rules of one document: paper size and margins, the running header (the theme's text, by
 * default the guide title; the current part) and footer (by default the government; "Page X of Y"), none
 * on the cover. Chromium has no string-set, so each part is a named page with its own header text (#5).
 */
export function pageRules(input: PageRulesInput): string {
  // Page-margin boxes are physical (left, right): the start of a line is the right in right-to-left text.
  const [start, end] = input.dir === 'rtl' ? ['right', 'left'] : ['left', 'right'];
  const box = (content: string, align: string) =>
    `{content:${content};font-family:${input.fontFamily};font-size:${marginTextSize}pt;color:${input.muted};text-align:${align};vertical-align:middle;direction:${input.dir};unicode-bidi:isolate}`;
  // #12: each line of the margin on one line (a long guide title beside a long part title took two).
  const oneLine = (lines: MarginLines): MarginLines => (input.fit ? fitMarginLines(lines, input.fit.width, marginTextSize * 2, input.fit.measure) : lines);
  const named = [input.strings.contents, input.strings.notesAndSources, input.strings.aboutGuide, ...(input.partBreak === 'page' ? input.parts : [])];
  const {
    start: header,
    ends: [contents = '', notes = '', about = '', ...parts],
  } = oneLine({ start: fillPageText(input.page.header, input.values), ends: named });
  // The page number as it prints in a long guide, in the language's words.
  const pageNumber = input.strings.pageOf.replace(/\{pages?\}/g, '888');
  const footer = oneLine({ start: fillPageText(input.page.footer, input.values), ends: [pageNumber] }).start;
  const headed = (name: string, title: string) => `@page ${name}{@top-${end}${box(cssString(title), end)}}`;
  const rules = [
    `@page{size:${input.paper === 'a4' ? 'A4' : 'letter'};margin:${input.page.margin};background:${input.background};` +
      (header ? `@top-${start}${box(cssString(header), start)}` : '') +
      (footer ? `@bottom-${start}${box(cssString(footer), start)}` : '') +
      `@bottom-${end}${box(pageCounter(input.strings.pageOf, input.counterStyle), end)}}`,
    '@page cover{margin:0;@top-left{content:none}@top-right{content:none}@bottom-left{content:none}@bottom-right{content:none}}',
    headed('front', contents),
    headed('back', notes),
    // #14: the contents' page numbers sit in a box of fixed width with digits of one width, so writing the
    // numbers in never moves a line: the measures, made with a placeholder, lay out as the one full print.
    '@media print{nav [data-toc-for]{display:inline-block;flex:none;min-width:2.5em;text-align:end;font-variant-numeric:tabular-nums;white-space:nowrap}}',
    // #12: the back page (about the guide) is headed with its own title.
    headed('about', about),
  ];
  if (input.partBreak === 'page') {
    parts.forEach((title, i) => {
      rules.push(`@media print{section.part-${i + 1}{page:part-${i + 1}}}`);
      rules.push(headed(`part-${i + 1}`, title));
    });
  }
  return rules.join('\n');
}

/** `Page {page} of {pages}` as CSS content: the words as strings, the numbers as counters in the language's digits. */
export function pageCounter(template: string, counterStyle: string): string {
  const parts = template.split(/(\{page\}|\{pages\})/).filter((part) => part !== '');
  return parts
    .map((part) => (part === '{page}' ? `counter(page,${counterStyle})` : part === '{pages}' ? `counter(pages,${counterStyle})` : cssString(part)))
    .join(' ');
}
