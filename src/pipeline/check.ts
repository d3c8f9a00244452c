import type { VFile } from 'vfile';
import type { ExitCode } from '../diagnostics/exit-codes.js';
import { AssetRegistry } from '../project/asset-registry.js';
import { loadProject } from '../project/load-project.js';
import { FontCatalog } from '../theme/select-fonts.js';
import { loadThemes } from './load-themes.js';
import { planDocuments } from './plan-documents.js';
import { dedupeMessages, renderDocuments } from './render-documents.js';
import { Run } from './run.js';

/** Warnings that `check --strict` makes errors. */
export const strictRules = ['translation-stale', 'translation-orphaned'];

export interface CheckResult {
  code: ExitCode;
  files: VFile[];
  /** How many documents were rendered (every city × language × blueprint). */
  documents: number;
}

/**
 * The build's first stages without print and publish (#8): load, plan every city's edition in every
 * language, load themes, render in memory, so a problem only one edition reaches is still found.
 */
export async function check(options: { root: string; signal?: AbortSignal; strict?: boolean }): Promise<CheckResult> {
  const run = new Run(options.signal);
  let documents = 0;
  try {
    const loaded = await loadProject(options.root);
    run.files.push(...loaded.files);
    const project = loaded.project;
    if (project && !run.shouldStop()) {
      const plan = planDocuments(project, { blueprints: [], cities: ['all'], languages: [], caseStudies: {}, shard: undefined }, run.request);
      if (plan && !run.shouldStop()) {
        const themes = loadThemes(project.root, [...plan.editions.map((e) => e.theme), project.config.default_theme], run.files);
        // Editions whose theme failed are skipped; the theme's messages say why.
        const renderable = plan.documents.filter((d) => themes.has(d.edition.theme));
        const shared = { assets: new AssetRegistry(project.root), fonts: new FontCatalog(), signal: options.signal };
        documents = (await renderDocuments(project, renderable, themes, shared)).length;
        run.shouldStop();
      }
    }
  } catch (cause) {
    run.internalError(cause);
  }
  dedupeMessages(run.files);
  // #10: with --strict, a stale or orphaned translation fails the check like any error.
  if (options.strict) {
    for (const file of run.files) for (const message of file.messages) if (strictRules.includes(message.ruleId ?? '')) message.fatal = true;
  }
  return { code: run.code, files: run.allFiles(), documents };
}
