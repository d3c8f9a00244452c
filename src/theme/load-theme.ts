import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { VFile } from 'vfile';
import { error } from '../diagnostics/messages.js';
import { readSource } from '../project/read-sources.js';
import { resolveInside } from '../project/safe-path.js';
import { checkSchema } from '../validate/check-schema.js';
import { nodeAt, nodePosition, parseYaml } from '../validate/parse-yaml.js';
import { type ThemeConfig, themeSchema } from '../validate/schemas/theme.js';

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

/** Read `themes/<name>/theme.yaml` and its stylesheets. Problems are messages on the returned files. */
export async function loadTheme(root: string, name: string): Promise<{ theme?: Theme; files: VFile[] }> {
  const dir = themeDir(root, name);
  if (!dir) return { files: [] };
  const file = await readSource(path.join(dir, 'theme.yaml'));
  if (!file) return { files: [] };
  const files = [file];
  const parsed = parseYaml(file, String(file.value));
  const config = checkSchema(parsed, themeSchema, 'the theme');
  if (!config) return { files };
  const parts: string[] = [];
  const cssFiles: VFile[] = [];
  for (const [i, css] of config.css.entries()) {
    const place = nodePosition(parsed, nodeAt(parsed, ['css', i]).node);
    const cssPath = resolveInside(dir, dir, css);
    const cssFile = cssPath ? await readSource(cssPath) : undefined;
    if (!cssFile) {
      error(
        file,
        cssPath ? 'missing-file' : 'unsafe-path',
        cssPath ? `Stylesheet "${css}" does not exist` : `Stylesheet path "${css}" leaves the theme folder`,
        {
          place,
          hint: `Add themes/${name}/${css} or remove it from the list.`,
        },
      );
      continue;
    }
    parts.push(`/* ${css} */\n${String(cssFile.value)}`);
    cssFiles.push(cssFile);
  }
  return { theme: { name, dir, file, config, css: parts.join('\n'), cssFiles }, files: [...files, ...cssFiles] };
}
