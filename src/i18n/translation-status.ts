import path from 'node:path';
import type { Project } from '../project/load-project.js';
import { translationPath } from '../project/read-translations.js';
import type { TranslationMeta } from '../validate/schemas/translation.js';

export type TranslationState = 'translated' | 'stale' | 'untracked' | 'missing' | 'orphaned';

export interface TranslationStatusEntry {
  lang: string;
  /** The source file, relative to the project. */
  source: string;
  /** The translation's file (existing or expected), relative to the project. */
  translation: string;
  /**
   * translated: made from the current source; stale: from an earlier one; untracked: records no source
   * hash, so it cannot be told; missing: no translation; orphaned: a translation nothing uses.
   */
  state: TranslationState;
  review?: 'draft' | 'reviewed';
  /** The source's hash now: what a current translation records. */
  sourceHash?: string;
  recorded?: string;
}

/**
 * Per language and source file, whether a translation exists and is current (#10). Every document a
 * reader may see: the project's title, each blueprint's titles and sections, each city's profile and
 * case studies; then the translation files nothing uses.
 */
export function translationStatus(project: Project, languages?: string[]): TranslationStatusEntry[] {
  const rel = (file: string) => path.relative(project.root, file).split(path.sep).join('/');
  const entries: TranslationStatusEntry[] = [];
  const langs = (languages?.length ? languages : project.config.languages.slice(1)).filter((l) => l !== project.config.languages[0]);
  for (const lang of langs) {
    const add = (sourceFile: string, hash: string, found: { meta: TranslationMeta | undefined } | undefined) => {
      const recorded = found?.meta?.source;
      const state: TranslationState = !found ? 'missing' : !recorded ? 'untracked' : recorded === hash ? 'translated' : 'stale';
      entries.push({
        lang,
        source: rel(sourceFile),
        translation: rel(translationPath(sourceFile, lang)),
        state,
        ...(found ? { review: found.meta?.review ?? 'draft' } : {}),
        sourceHash: hash,
        ...(recorded ? { recorded } : {}),
      });
    };
    add(project.file.path, project.sourceHash, project.translations.get(lang));
    for (const blueprint of project.blueprints) {
      add(blueprint.file.path, blueprint.sourceHash, blueprint.translations.get(lang));
      for (const section of blueprint.sections) add(section.file.path, section.sourceHash, section.translations.get(lang));
    }
    for (const city of [...project.cities.values()]) add(city.file.path, city.sourceHash, city.translations.get(lang));
    for (const study of project.caseStudies) add(study.file.path, study.sourceHash, study.translations.get(lang));
  }
  for (const orphan of project.orphanTranslations) {
    if (languages?.length && !languages.includes(orphan.lang)) continue;
    entries.push({ lang: orphan.lang, source: '', translation: rel(orphan.path), state: 'orphaned' });
  }
  return entries;
}
