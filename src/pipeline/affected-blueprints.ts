import path from 'node:path';
import type { Project } from '../project/load-project.js';

/**
 * Which guides a set of changed files can change (#13: the preview re-renders only those, and check), or undefined
 * for all of them: a section or its translation changes its own guide, a case study the guide that
 * declares its slot; anything else (YAML, themes, images, a new file) may change every guide.
 */
export function affectedBlueprints(project: Project, changed: Iterable<string>): Set<string> | undefined {
  const affected = new Set<string>();
  const languages = project.config.languages.slice(1);
  const sourceOf = (file: string) => {
    for (const lang of languages) if (file.endsWith(`.${lang}.md`)) return `${file.slice(0, -`.${lang}.md`.length)}.md`;
    return file;
  };
  for (const file of changed) {
    if (path.extname(file) !== '.md') return undefined;
    const source = sourceOf(file);
    const section = project.sectionOwners.get(source);
    if (section) {
      affected.add(section);
      continue;
    }
    const study = project.caseStudies.find((c) => c.file.path === source);
    const owner = study ? project.slots.get(study.slot)?.blueprint.id : undefined;
    if (!owner) return undefined;
    affected.add(owner);
  }
  return affected;
}
