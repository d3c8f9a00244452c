import type { VFile } from 'vfile';
import { loadTheme, type Theme, type ThemeReads } from '../theme/load-theme.js';

/** Theme stage: each theme the planned editions use (and the project default, for the index), with the themes they extend, once. */
export function loadThemes(root: string, names: Iterable<string>, files: VFile[]): Map<string, Theme> {
  const themes = new Map<string, Theme>();
  // Themes that extend one parent share its files: read once, each file listed once.
  const reads: ThemeReads = new Map();
  for (const name of [...new Set(names)].sort()) {
    const loaded = loadTheme(root, name, reads);
    files.push(...loaded.files.filter((f) => !files.includes(f)));
    if (loaded.theme) themes.set(name, loaded.theme);
  }
  return themes;
}
