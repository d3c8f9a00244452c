import type { VFile } from 'vfile';
import { location } from 'vfile-location';
import { report } from '../diagnostics/messages.js';
import type { DocumentPlan } from '../pipeline/plan-documents.js';
import type { Project } from '../project/load-project.js';
import type { Theme } from './load-theme.js';

/**
 * No tofu (#10): each character a document prints that none of its theme's fonts covers is reported
 * where it is written, at its first place in each source the document prints (sections, case studies,
 * titles, city and project files, and their translations into the document's language). A character no
 * source holds (an interface word of the toolkit) is reported on the theme.
 */
export function reportMissingGlyphs(project: Project, plan: DocumentPlan, theme: Theme, missing: number[]): void {
  const { blueprint, edition, lang } = plan;
  const files: (VFile | undefined)[] = [
    project.file,
    project.translations.get(lang)?.file,
    blueprint.file,
    blueprint.translations.get(lang)?.file,
    edition.city.file,
    edition.city.translations.get(lang)?.file,
    ...blueprint.sections.flatMap((section) => [section.file, section.translations.get(lang)?.file]),
    ...[...edition.fills.values()].flatMap((fill) => [fill.caseStudy.file, fill.caseStudy.translations.get(lang)?.file]),
  ];
  for (const code of missing) {
    const char = String.fromCodePoint(code);
    const params = { char, code: `U+${code.toString(16).toUpperCase().padStart(4, '0')}`, theme: theme.name, lang };
    let found = false;
    for (const file of files) {
      if (!file) continue;
      const text = String(file.value);
      const at = text.indexOf(char);
      if (at < 0) continue;
      found = true;
      const place = location(file);
      const start = place.toPoint(at);
      const end = place.toPoint(at + char.length);
      report(file, 'glyph-missing', params, { place: start && end ? { start, end } : undefined });
    }
    if (!found) report(theme.file, 'glyph-missing', params);
  }
}
