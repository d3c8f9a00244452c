import type { ThemeConfig } from '../validate/schemas/theme.js';

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
}

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
    `{content:${content};font-family:${input.fontFamily};font-size:8.5pt;color:${input.muted};text-align:${align};vertical-align:middle;direction:${input.dir};unicode-bidi:isolate}`;
  const header = fillPageText(input.page.header, input.values);
  const footer = fillPageText(input.page.footer, input.values);
  const rules = [
    `@page{size:${input.paper === 'a4' ? 'A4' : 'letter'};margin:${input.page.margin};background:${input.background};` +
      (header ? `@top-${start}${box(cssString(header), start)}` : '') +
      (footer ? `@bottom-${start}${box(cssString(footer), start)}` : '') +
      `@bottom-${end}${box(pageCounter(input.strings.pageOf, input.counterStyle), end)}}`,
    '@page cover{margin:0;@top-left{content:none}@top-right{content:none}@bottom-left{content:none}@bottom-right{content:none}}',
    `@page front{@top-${end}${box(cssString(input.strings.contents), end)}}`,
    `@page back{@top-${end}${box(cssString(input.strings.notesAndSources), end)}}`,
    // #14: the contents' page numbers sit in a box of fixed width with digits of one width, so writing the
    // numbers in never moves a line: the measures, made with a placeholder, lay out as the one full print.
    '@media print{nav [data-toc-for]{display:inline-block;flex:none;min-width:2.5em;text-align:end;font-variant-numeric:tabular-nums;white-space:nowrap}}',
    // #12: the back page (about the guide) is headed with its own title.
    `@page about{@top-${end}${box(cssString(input.strings.aboutGuide), end)}}`,
  ];
  if (input.partBreak === 'page') {
    input.parts.forEach((title, i) => {
      rules.push(`@media print{section.part-${i + 1}{page:part-${i + 1}}}`);
      rules.push(`@page part-${i + 1}{@top-${end}${box(cssString(title), end)}}`);
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
