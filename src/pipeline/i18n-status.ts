import type { VFile } from 'vfile';
import type { ExitCode } from '../diagnostics/exit-codes.js';
import { type TranslationStatusEntry, translationStatus } from '../i18n/translation-status.js';
import { loadProject } from '../project/load-project.js';
import { planDocuments } from './plan-documents.js';
import { Run } from './run.js';

export interface I18nStatusResult {
  code: ExitCode;
  files: VFile[];
  entries: TranslationStatusEntry[];
}

/** `blueprint i18n status` (#10): load the project, then say per language and file what is translated. */
export async function i18nStatus(options: { root: string; languages?: string[] }): Promise<I18nStatusResult> {
  const run = new Run();
  let entries: TranslationStatusEntry[] = [];
  try {
    const loaded = await loadProject(options.root);
    run.files.push(...loaded.files);
    const project = loaded.project;
    // Unknown languages are usage errors, said the way build says them.
    if (project && planDocuments(project, { blueprints: [], cities: [], languages: options.languages ?? [], caseStudies: {}, shard: undefined }, run.request)) {
      entries = translationStatus(project, options.languages);
    }
  } catch (cause) {
    run.internalError(cause);
  }
  return { code: run.code, files: run.allFiles(), entries };
}
