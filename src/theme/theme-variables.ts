import type { ThemeConfig } from '../validate/schemas/theme.js';
import type { EditionColors } from './edition-colors.js';
import { cssString } from './page-rules.js';
import type { FontCatalog } from './select-fonts.js';

export interface FontFamilies {
  /** The body font alone, for rules that put a script's own font after it (`:lang(ko)`). */
  main: string;
  /** The body font, then the fallbacks for other scripts. */
  body: string;
  heading: string;
}

/** The font-family lists of a theme, each name a CSS string (#9: names come from installed packages). */
export function fontFamilies(catalog: FontCatalog, fonts: ThemeConfig['fonts']): FontFamilies {
  const name = (pkg: string) => cssString(catalog.familyName(pkg));
  const main = name(fonts.body);
  const body = [main, ...fonts.fallback.map(name), 'sans-serif'].join(',');
  return { main, body, heading: [name(fonts.heading), body].join(',') };
}

/**
 * The theme's tokens as CSS custom properties (#11), `--bp-<token>`, for the stylesheets of the theme and
 * of every theme that extends it. Every value was checked by its form in the schema (colours, lengths,
 * numbers), so none can end the rule or the <style> element.
 */
export function themeVariables(config: ThemeConfig, colors: EditionColors, fonts: FontFamilies): string {
  const tokens: Record<string, string | number> = {
    ...colors,
    ...config.spacing,
    size: config.type.size,
    'print-size': config.type.print_size,
    'line-height': config.type.line_height,
    'font-main': fonts.main,
    'font-body': fonts.body,
    'font-heading': fonts.heading,
  };
  const declarations = Object.entries(tokens).map(([key, value]) => `--bp-${key.replaceAll('_', '-')}:${value}`);
  return `:root{${declarations.join(';')}}`;
}
