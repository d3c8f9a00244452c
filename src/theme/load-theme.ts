import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { VFile } from 'vfile';
import { hasErrors, type Position, report, suggestion } from '../diagnostics/messages.js';
import { checkInside } from '../project/read-inside.js';
import { listFolders, SourceReader } from '../project/read-sources.js';
import { nodeAt, nodePosition, type ParsedYaml } from '../validate/parse-yaml.js';
import { type ThemeConfig, type ThemeExtension, themeExtensionSchema, themeSchema } from '../validate/schemas/theme.js';
import { validateYaml } from '../validate/validate-yaml.js';
import { checkStylesheetUrls } from './check-stylesheet-urls.js';
import { checkThemeFonts } from './check-theme-fonts.js';
import { mergeThemeConfig } from './merge-theme-config.js';

/** One theme.yaml of a chain: the theme itself, or one it extends. */
export interface ThemeLayer {
  name: string;
  dir: string;
  file: VFile;
  parsed: ParsedYaml;
  config: ThemeConfig | ThemeExtension;
}

export interface Theme {
  name: string;
  dir: string;
  /** The theme's own theme.yaml. */
  file: VFile;
  /** Every token, the parents' overridden by the children's (#11). */
  config: ThemeConfig;
  /** The chain, the theme that extends nothing first and this theme last. */
  layers: ThemeLayer[];
  /** The stylesheets, the parents' first, each theme's in the order its theme.yaml lists them. */
  css: string;
  /** The stylesheets as files, to point at the line that asked for a blocked resource. */
  cssFiles: VFile[];
  /** The cover logo the theme gives editions whose city has none: the file and the folder it must stay in. */
  logo?: { path: string; root: string; file: VFile; place: Position };
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

/** Names of every theme a project can use: its own and the toolkit's. */
export function themeNames(root: string): string[] {
  const names = [...listFolders(path.join(root, 'themes')), ...listFolders(builtInThemesDir)];
  return [...new Set(names.filter((name) => themeDir(root, name)))].sort();
}

/**
 * Read a theme and every theme it extends (#11), each theme.yaml and stylesheet through the one confined
 * reader of its own folder (#8, #9: a stylesheet that is a link to a file outside the theme was inlined),
 * then merge them: the child's tokens over the parent's, its stylesheets after the parent's. A cycle or an
 * unknown parent is reported at the `extends:` line that leads to it. Problems are messages on the files.
 */
export function loadTheme(root: string, name: string, reads: ThemeReads = new Map()): { theme?: Theme; files: VFile[] } {
  const files: VFile[] = [];
  const layers: ThemeLayer[] = [];
  let current = name;
  let asker: { layer: ThemeLayer; place: Position } | undefined;
  for (;;) {
    const seen = layers.find((l) => l.name === current);
    if (seen && asker) {
      const chain = [...[...layers].reverse().map((l) => l.name), current].join(' → ');
      report(asker.layer.file, 'theme-cycle', { theme: asker.layer.name, parent: current, chain }, { place: asker.place });
      return { files };
    }
    const dir = themeDir(root, current);
    if (!dir) {
      // A city's unknown theme is reported when the project loads (unknown-theme at city.yaml); a parent here.
      if (asker) {
        const { known, expected } = suggestion(current, themeNames(root), 'themes (folders under themes/)');
        report(asker.layer.file, 'unknown-theme', { theme: current, known }, { place: asker.place, expected });
      }
      return { files };
    }
    const layer = readLayer(dir, current, files, reads);
    if (!layer) return { files };
    layers.unshift(layer);
    if (!('extends' in layer.config)) break;
    asker = { layer, place: nodePosition(layer.parsed, nodeAt(layer.parsed, ['extends']).node) };
    current = layer.config.extends;
  }

  const [base, ...extensions] = layers as [ThemeLayer & { config: ThemeConfig }, ...ThemeLayer[]];
  const config = extensions.reduce<ThemeConfig>((merged, layer) => mergeThemeConfig(merged, layer.config as ThemeExtension), base.config);
  const parts: string[] = [];
  const cssFiles: VFile[] = [];
  let logo: Theme['logo'];
  for (const layer of layers) {
    const reader = new SourceReader(layer.dir);
    const css = readStylesheets(layer, reads);
    parts.push(...css.parts);
    cssFiles.push(...css.cssFiles);
    files.push(...css.files.filter((f) => !files.includes(f)));
    if (layer.config.cover?.logo) {
      const place = nodePosition(layer.parsed, nodeAt(layer.parsed, ['cover', 'logo']).node);
      const ref = { from: layer.file, place, what: 'Logo', written: layer.config.cover.logo };
      const logoPath = reader.locate(layer.dir, ref);
      const found = logoPath ? checkInside(layer.dir, logoPath) : undefined;
      if (found && 'path' in found) logo = { path: found.path, root: layer.dir, file: layer.file, place };
      else if (found?.problem === 'outside') report(layer.file, 'unsafe-path', { what: 'Logo', path: ref.written }, { place });
      else if (found) report(layer.file, 'missing-image', { url: ref.written, expected: path.join('themes', layer.name, ref.written) }, { place });
    }
  }
  checkThemeFonts(root, config, layers);
  if (hasErrors(files)) return { files };
  const own = layers.at(-1) as ThemeLayer;
  return {
    theme: { name, dir: own.dir, file: own.file, config, layers, css: parts.join('\n'), cssFiles, ...(logo ? { logo } : {}) },
    files,
  };
}

/**
 * What one loadThemes() has read of each theme folder (#11: many themes extend the default; its files are
 * read, and their problems reported, once). One map per build: never shared between builds.
 */
export type ThemeReads = Map<string, { layer: ThemeLayer | undefined; files: VFile[]; css?: { parts: string[]; cssFiles: VFile[]; files: VFile[] } }>;

/** Read and validate one theme.yaml: a theme of its own, or one that extends another. */
function readLayer(dir: string, name: string, files: VFile[], reads: ThemeReads): ThemeLayer | undefined {
  const known = reads.get(dir);
  if (known) {
    files.push(...known.files.filter((f) => !files.includes(f)));
    return known.layer;
  }
  const reader = new SourceReader(dir);
  const file = reader.read(path.join(dir, 'theme.yaml'));
  files.push(...reader.files);
  let layer: ThemeLayer | undefined;
  if (file) {
    const text = String(file.value);
    // Which schema applies depends on whether the theme extends another; a peek at the top-level keys says.
    const extending = /^extends\s*:/m.test(text);
    const { parsed, config } = extending ? validateYaml(file, text, themeExtensionSchema, 'the theme') : validateYaml(file, text, themeSchema, 'the theme');
    if (config) layer = { name, dir, file, parsed, config };
  }
  reads.set(dir, { layer, files: reader.files });
  return layer;
}

/** A layer's own stylesheets, each through the reader confined to its folder; read once per build. */
function readStylesheets(layer: ThemeLayer, reads: ThemeReads): { parts: string[]; cssFiles: VFile[]; files: VFile[] } {
  const entry = reads.get(layer.dir);
  if (entry?.css) return entry.css;
  const reader = new SourceReader(layer.dir);
  const parts: string[] = [];
  const cssFiles: VFile[] = [];
  for (const [i, css] of (layer.config.css ?? []).entries()) {
    const ref = { from: layer.file, place: nodePosition(layer.parsed, nodeAt(layer.parsed, ['css', i]).node), what: 'Stylesheet', written: css };
    const cssPath = reader.locate(layer.dir, ref);
    const cssFile = cssPath ? reader.read(cssPath, ref) : undefined;
    if (!cssFile) continue;
    checkStylesheetUrls(cssFile);
    parts.push(`/* ${layer.name}/${css} */\n${String(cssFile.value)}`);
    cssFiles.push(cssFile);
  }
  const read = { parts, cssFiles, files: reader.files };
  if (entry) entry.css = read;
  return read;
}
