import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { VFile } from 'vfile';
import type { ExitCode } from '../diagnostics/exit-codes.js';
import { report, suggestion } from '../diagnostics/messages.js';
import { type TranslatableFile, translatableFiles } from '../i18n/translatable-files.js';
import { writeXliff } from '../i18n/write-xliff.js';
import type { CaseStudy } from '../project/project.js';
import { planDocuments } from './plan-documents.js';
import { Run } from './run.js';
import { loadProjectCached } from './source-cache-file.js';

export interface ExtractOptions {
  root: string;
  /** The language to translate into (not the source language). */
  lang: string;
  /** Blueprint ids (default: all). */
  blueprints?: string[];
  /** City ids, or "all" (default: the project's default city): their profiles and the case studies their editions print. */
  cities?: string[];
  /** Write the XLIFF file here (absolute); else it is only returned. */
  out?: string;
  /** Only the cities' own text (profiles and case studies): what a fork translates of its own. */
  citiesOnly?: boolean;
}

export interface ExtractResult {
  code: ExitCode;
  files: VFile[];
  /** The XLIFF 2.0 document. */
  xliff?: string;
  /** Per source file: its translation, how many units, how many already have a target. */
  sources: { source: string; translation: string; units: number; translated: number }[];
}

/**
 * `blueprint i18n extract` (#10): the translatable text of the chosen blueprints and editions as one XLIFF
 * 2.0 file, existing translations filled in as targets.
 */
export async function extractTranslations(options: ExtractOptions): Promise<ExtractResult> {
  const run = new Run();
  let xliff: string | undefined;
  let chosen: TranslatableFile[] = [];
  try {
    const { loaded, save } = await loadProjectCached(options.root);
    run.files.push(...loaded.files);
    await save(run.files);
    const project = loaded.project;
    if (project) {
      const [source, ...targets] = project.config.languages;
      if (options.lang === source || !targets.includes(options.lang)) {
        const { known, expected } = suggestion(options.lang, targets, 'languages to translate into (project.yaml "languages" after the first)');
        report(run.request, 'unknown-option-value', { option: 'language', value: options.lang, where: '', known }, { expected });
      }
      const plan = run.shouldStop()
        ? undefined
        : planDocuments(
            project,
            { blueprints: options.blueprints ?? [], cities: options.cities ?? [], languages: [options.lang], caseStudies: {}, shard: undefined },
            run.request,
          );
      if (plan) {
        const blueprints = options.blueprints?.length ? options.blueprints : project.blueprints.map((b) => b.id);
        const slots = new Set(project.blueprints.filter((b) => blueprints.includes(b.id)).flatMap((b) => b.config.slots.map((s) => s.id)));
        const caseStudies = new Set<CaseStudy>();
        for (const edition of plan.editions) for (const fill of edition.fills.values()) if (slots.has(fill.slot)) caseStudies.add(fill.caseStudy);
        chosen = translatableFiles(project, options.lang, {
          blueprints,
          cities: plan.editions.map((e) => e.city.id),
          caseStudies: [...caseStudies].sort((a, b) => a.file.path.localeCompare(b.file.path)),
          warn: true,
          ...(options.citiesOnly ? { citiesOnly: true } : {}),
        });
        xliff = writeXliff(chosen, source as string, options.lang);
        if (options.out) {
          try {
            mkdirSync(path.dirname(options.out), { recursive: true });
            writeFileSync(options.out, xliff);
          } catch (cause) {
            report(run.request, 'output-not-writable', { dir: options.out, reason: (cause as Error).message });
          }
        }
      }
    }
  } catch (cause) {
    run.internalError(cause);
  }
  return {
    code: run.code,
    files: run.allFiles(),
    ...(xliff !== undefined ? { xliff } : {}),
    sources: chosen.map((file) => ({
      source: file.original,
      translation: file.translation,
      units: file.units.length,
      translated: file.units.filter((u) => u.target).length,
    })),
  };
}
