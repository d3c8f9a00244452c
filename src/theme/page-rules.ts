import type { ThemeConfig } from '../validate/schemas/theme.js';

export interface PageRulesInput {
  paper: 'letter' | 'a4';
  theme: ThemeConfig;
  colors: { primary: string; accent: string; text: string; muted: string };
  title: string;
  city: string;
  parts: string[];
  strings: { page: string; of: string; contents: string; notesAndSources: string };
  fontFamily: string;
}

/**
 * A value from the sources as a CSS string (#9): quotes, backslashes, line breaks and every character that
 * could end the <style> element or start markup are written as CSS escapes, so a title such as
 * `</style><script>…` stays text in a running head.
 */
export const cssString = (value: string) => `"${[...value].map(escapeCssChar).join('')}"`;

const plainCss = /[\p{L}\p{N}\p{M} .,;:!?()[\]{}\-–—_/+*=#%@$^|~`’‘“”…·]/u;
const escapeCssChar = (ch: string) => (plainCss.test(ch) ? ch : `\\${(ch.codePointAt(0) as number).toString(16)} `);

/**
 * Paged-media rules of one document: paper size and margins, the running header (guide title, current
 * part) and footer (city, "Page X of Y"), none on the cover. Chromium has no string-set, so each part is
 * a named page with its own header text (#5).
 */
export function pageRules(input: PageRulesInput): string {
  const { colors } = input;
  const box = (content: string, align: string) =>
    `{content:${content};font-family:${input.fontFamily};font-size:8.5pt;color:${colors.muted};text-align:${align};vertical-align:middle}`;
  const pageCounter = `${cssString(`${input.strings.page} `)} counter(page) ${cssString(` ${input.strings.of} `)} counter(pages)`;
  const rules = [
    `@page{size:${input.paper === 'a4' ? 'A4' : 'letter'};margin:20mm 19mm 20mm 19mm;` +
      `@top-left${box(cssString(input.title), 'left')}` +
      `@bottom-left${box(cssString(input.city), 'left')}` +
      `@bottom-right${box(pageCounter, 'right')}}`,
    '@page cover{margin:0;@top-left{content:none}@top-right{content:none}@bottom-left{content:none}@bottom-right{content:none}}',
    `@page front{@top-right${box(cssString(input.strings.contents), 'right')}}`,
    `@page back{@top-right${box(cssString(input.strings.notesAndSources), 'right')}}`,
  ];
  if (input.theme.part_break === 'page') {
    input.parts.forEach((title, i) => {
      rules.push(`@media print{section.part-${i + 1}{page:part-${i + 1}}}`);
      rules.push(`@page part-${i + 1}{@top-right${box(cssString(title), 'right')}}`);
    });
  }
  return rules.join('\n');
}
