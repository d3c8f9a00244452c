import type { TextDirective } from 'mdast-util-directive';
import { toString as mdastToString } from 'mdast-util-to-string';
import { report } from '../diagnostics/messages.js';
import { visit } from '../markdown/visit-tree.js';
import type { MarkdownSource, Project } from '../project/load-project.js';
import { cityVariables } from '../validate/schemas/city.js';

/**
 * `city-field-missing` for every city at once (#13): `check` renders each guide in one edition, and the
 * other editions differ only in the values `:city[…]` prints and in their case studies. Reported at the
 * variable when any city leaves that field empty, as rendering every edition did.
 */
export function checkCityFields(project: Project): void {
  const cities = [...project.cities.values()];
  const sources: MarkdownSource[] = [
    ...project.blueprints.flatMap((b) => b.sections.flatMap((s) => [s, ...s.translations.values()])),
    ...project.caseStudies.flatMap((c) => [c, ...c.translations.values()]),
  ];
  for (const source of sources) {
    visit(source.tree, 'textDirective', (node: TextDirective) => {
      if (node.name !== 'city') return;
      const field = mdastToString(node).trim();
      if (!(cityVariables as readonly string[]).includes(field)) return;
      if (cities.some((city) => typeof (city.config as Record<string, unknown>)[field] !== 'string'))
        report(source.file, 'city-field-missing', { name: field }, { place: node.position });
    });
  }
}
