import type { VFile } from 'vfile';
import { type ExitCode, exitCodes } from '../diagnostics/exit-codes.js';
import { hasErrors } from '../diagnostics/messages.js';
import { resolveEdition } from '../edition/resolve-edition.js';
import { AssetRegistry } from '../project/asset-registry.js';
import { loadProject } from '../project/load-project.js';
import { loadTheme, type Theme } from '../theme/load-theme.js';
import { FontCatalog } from '../theme/select-fonts.js';
import { dedupeMessages, outputBase, renderPlannedDocument } from './render-edition.js';

export interface CheckResult {
  code: ExitCode;
  files: VFile[];
  /** How many documents were rendered (every city × language × blueprint). */
  documents: number;
}

/**
 * Validate everything without writing: the sources, then every edition rendered in memory, so a case
 * study or section problem that only one city's edition reaches is still found.
 */
export async function check(options: { root: string }): Promise<CheckResult> {
  const { project, files } = await loadProject(options.root);
  if (!project || hasErrors(files)) return { code: exitCodes.content, files, documents: 0 };
  const themes = new Map<string, Theme>();
  const assets = new AssetRegistry();
  const fonts = new FontCatalog();
  let documents = 0;
  for (const cityId of [...project.cities.keys()].sort()) {
    const edition = resolveEdition(project, { city: cityId });
    let theme = themes.get(edition.theme);
    if (!theme) {
      const loaded = await loadTheme(project.root, edition.theme);
      files.push(...loaded.files);
      if (!loaded.theme) continue;
      theme = loaded.theme;
      themes.set(edition.theme, theme);
    }
    for (const lang of project.config.languages) {
      for (const blueprint of project.blueprints) {
        const base = outputBase(project, blueprint.id, cityId, lang);
        await renderPlannedDocument(project, { blueprint, edition, lang, base }, theme, assets, fonts);
        documents++;
      }
    }
  }
  dedupeMessages(files);
  return { code: hasErrors(files) ? exitCodes.content : exitCodes.ok, files, documents };
}
