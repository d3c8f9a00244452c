import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parse } from 'yaml';
import { didYouMean } from '../diagnostics/messages.js';
import { FontPackages } from '../theme/font-packages.js';
import { builtInThemesDir } from '../theme/load-theme.js';
import type { DoctorCheck } from './doctor-check.js';

/**
 * Every `@fontsource/*` package a theme names (body, heading, fallback), from the project's themes and
 * the toolkit's, is installed. A missing one does not stop the build: the PDF silently falls back to
 * the machine's fonts, which is why it is checked here (#9).
 */
export function checkFonts(root: string | undefined): DoctorCheck[] {
  const usedBy = fontPackages([...(root ? [path.join(root, 'themes')] : []), builtInThemesDir]);
  const resolvers = [...(root ? [createRequire(path.join(root, 'package.json'))] : []), createRequire(import.meta.url)];
  let installed: string[] | undefined;
  return [...usedBy].map(([pkg, themes]) => {
    const found = resolvePackage(pkg, resolvers);
    const uses = `used by theme ${themes.join(', ')}`;
    if (found) return { id: `font:${pkg}`, ok: true, required: true, detail: `version ${found.version}, ${uses}` };
    // A misspelt name (worksans for work-sans) is fixed in the theme, not by installing it: as check says.
    installed ??= new FontPackages(root).installed();
    const near = didYouMean(pkg, installed);
    return {
      id: `font:${pkg}`,
      ok: false,
      required: true,
      detail: `not installed where the project or the toolkit can load it, ${uses}${near ? `; did you mean ${near} (installed)?` : ''}`,
      fix: near ? `write "${near}" in the theme.yaml of ${themes.join(', ')}` : `npm install ${pkg}`,
    };
  });
}

/** Font package → the themes naming it, in the order themes list them (body, heading, fallbacks). */
function fontPackages(themeFolders: string[]): Map<string, string[]> {
  const usedBy = new Map<string, string[]>();
  const seen = new Set<string>();
  for (const folder of themeFolders) {
    for (const name of listFolders(folder)) {
      // A project's theme replaces the toolkit's of the same name, as the build does.
      if (seen.has(name)) continue;
      seen.add(name);
      for (const pkg of new Set(themeFonts(path.join(folder, name, 'theme.yaml')))) usedBy.set(pkg, [...(usedBy.get(pkg) ?? []), name]);
    }
  }
  return usedBy;
}

function listFolders(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
  } catch {
    return [];
  }
}

/** The font packages of one theme.yaml. A theme that does not parse is `blueprint check`'s to report, with its line. */
function themeFonts(file: string): string[] {
  let fonts: unknown;
  try {
    fonts = (parse(readFileSync(file, 'utf8')) as { fonts?: unknown } | null)?.fonts;
  } catch {
    return [];
  }
  if (!fonts || typeof fonts !== 'object') return [];
  const { body, heading, fallback } = fonts as { body?: unknown; heading?: unknown; fallback?: unknown };
  return [body, heading, ...(Array.isArray(fallback) ? fallback : [])].filter((v): v is string => typeof v === 'string' && v.startsWith('@fontsource/'));
}

function resolvePackage(pkg: string, resolvers: NodeJS.Require[]): { version: string } | undefined {
  for (const require of resolvers) {
    try {
      const manifest = JSON.parse(readFileSync(require.resolve(`${pkg}/package.json`), 'utf8')) as { version?: string };
      return { version: manifest.version ?? '(no version)' };
    } catch {
      // Not installed where this resolver looks; try the next.
    }
  }
  return undefined;
}
