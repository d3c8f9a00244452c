import type { ThemeConfig, ThemeExtension } from '../validate/schemas/theme.js';

/**
 * A child theme's tokens over its parent's (#11): each group (colours, spacing, type, cover, page, fonts)
 * token by token, so a child that sets only `colors.primary` keeps every other colour of its parent.
 * A child's `fonts.fallback` replaces the list; its `css` is read after the parent's (see loadTheme).
 */
export function mergeThemeConfig(parent: ThemeConfig, child: ThemeExtension): ThemeConfig {
  return {
    name: child.name ?? parent.name,
    fonts: { ...parent.fonts, ...defined(child.fonts) },
    colors: { ...parent.colors, ...defined(child.colors) },
    spacing: { ...parent.spacing, ...defined(child.spacing) },
    type: { ...parent.type, ...defined(child.type) },
    cover: { ...parent.cover, ...defined(child.cover) },
    page: { ...parent.page, ...defined(child.page) },
    css: [...parent.css, ...(child.css ?? [])],
    part_break: child.part_break ?? parent.part_break,
    toc_depth: child.toc_depth ?? parent.toc_depth,
  };
}

/** The keys a child set: an absent optional key must not blank its parent's value. */
function defined<T extends object>(values: T | undefined): Partial<T> {
  return Object.fromEntries(Object.entries(values ?? {}).filter(([, value]) => value !== undefined)) as Partial<T>;
}
