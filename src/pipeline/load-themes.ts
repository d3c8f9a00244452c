import type { VFile } from 'vfile';
import { loadTheme, type Theme } from '../theme/load-theme.js';

/** Theme stage: each theme the planned editions use (and the project default, for the index), once. */
export function loadThemes(root: string, names: Iterable<string>, files: VFile[]): Map<string, Theme> {
  const themes = new Map<string, Theme>();
  for (const name of [...new Set(names)].sort()) {
    const loaded = loadTheme(root, name);
    files.push(...loaded.files);
    if (loaded.theme) themes.set(name, loaded.theme);
  }
  return themes;
}
