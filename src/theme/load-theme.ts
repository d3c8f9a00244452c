import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { VFile } from 'vfile';
import { hasErrors } from '../diagnostics/messages.js';
import { SourceReader } from '../project/read-sources.js';
import { nodeAt, nodePosition } from '../validate/parse-yaml.js';
import { type ThemeConfig, themeSchema } from '../validate/schemas/theme.js';
import { validateYaml } from '../validate/validate-yaml.js';

export interface Theme {
  name: string;
  dir: string;
  file: VFile;
  config: ThemeConfig;
  /** The theme's stylesheets, concatenated in the order theme.yaml lists them. */
  css: string;
  /** The stylesheets as files, to point at the line that asked for a blocked resource. */
  cssFiles: VFile[];
}

/** The themes shipped with the toolkit, usable by any project that has no folder of that name. */
export const builtInThemesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../themes');

/** Where a theme's folder is: the project's own `themes/<name>/` first, else the toolkit's. */
export function themeDir(root: string, name: string): string | undefined {
  for (const base of [path.join(root, 'themes'), builtInThemesDir]) {
    const dir = path.join(base, name);
    if (existsSync(path.join(dir, 'theme.yaml'))) return dir;
  }
  return undefined;
}

/**
 * Read `themes/<name>/theme.yaml` and its stylesheets, each through the one confined reader (#8, #9: a
 * stylesheet that is a link to a file outside the theme was inlined). Problems are messages on the files.
 */
export function loadTheme(root: string, name: string): { theme?: Theme; files: VFile[] } {
  const dir = themeDir(root, name);
  // A theme name that does not exist is reported when the project loads (unknown-theme).
  if (!dir) return { files: [] };
  const reader = new SourceReader(dir);
  const file = reader.read(path.join(dir, 'theme.yaml'));
  if (!file) return { files: reader.files };
  const { parsed, config } = validateYaml(file, String(file.value), themeSchema, 'the theme');
  if (!config) return { files: reader.files };
  const parts: string[] = [];
  const cssFiles: VFile[] = [];
  for (const [i, css] of config.css.entries()) {
    const ref = { from: file, place: nodePosition(parsed, nodeAt(parsed, ['css', i]).node), what: 'Stylesheet', written: css };
    const cssPath = reader.locate(dir, ref);
    const cssFile = cssPath ? reader.read(cssPath, ref) : undefined;
    if (!cssFile) continue;
    parts.push(`/* ${css} */\n${String(cssFile.value)}`);
    cssFiles.push(cssFile);
  }
  if (hasErrors(reader.files)) return { files: reader.files };
  return { theme: { name, dir, file, config, css: parts.join('\n'), cssFiles }, files: reader.files };
}
