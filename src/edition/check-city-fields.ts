import type { TextDirective } from 'mdast-util-directive';
import { toString as mdastToString } from 'mdast-util-to-string';
import { report } from '../diagnostics/messages.js';
import { visit } from '../markdown/visit-tree.js';
import type { CityProfile, MarkdownSource, Project } from '../project/load-project.js';
import { cityVariables } from '../validate/schemas/city.js';

/**
 * `city-field-missing` for every city at once (#13): `check` renders each guide in one edition, and the
 * other editions differ only in the values `:city[…]` prints and in their case studies. Reported at the
 * variable, naming the cities that leave the field empty: for a section every city (each edition prints
 * it), for a case study its own city (its variables are its city's values, in whichever edition it is).
 */
export function checkCityFields(project: Project): void {
  const every = [...project.cities.values()];
  const sources: { source: MarkdownSource; cities: CityProfile[] }[] = [
    ...project.blueprints.flatMap((b) => b.sections.flatMap((s) => [s, ...s.translations.values()]).map((source) => ({ source, cities: every }))),
    ...project.caseStudies.flatMap((c) => {
      const own = project.cities.get(c.city);
      return [c, ...c.translations.values()].map((source) => ({ source, cities: own ? [own] : [] }));
    }),
  ];
  for (const { source, cities } of sources) {
    visit(source.tree, 'textDirective', (node: TextDirective) => {
      if (node.name !== 'city') return;
      const field = mdastToString(node).trim();
      if (!(cityVariables as readonly string[]).includes(field)) return;
      const lacking = cities.filter((city) => typeof (city.config as Record<string, unknown>)[field] !== 'string').map((city) => city.config.name);
      if (lacking.length) report(source.file, 'city-field-missing', { name: field, cities: listNames(lacking) }, { place: node.position });
    });
  }
}

/** "Austin, Los Angeles and 3 more": the first few names of a list. */
function listNames(names: string[]): string {
  const shown = names.slice(0, 4).join(', ');
  return names.length > 4 ? `${shown} and ${names.length - 4} more` : shown;
}
