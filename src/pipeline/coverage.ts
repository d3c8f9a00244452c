import { VFile } from 'vfile';
import { resolveEdition } from '../edition/resolve-edition.js';
import type { Project } from '../project/load-project.js';

/** How one city's edition fills one slot. */
export interface CoverageCell {
  /** own: the city's case study; stub: the city's is still a stub; fallback: it has none; none: no city has one. */
  state: 'own' | 'stub' | 'fallback' | 'none';
  /** The city whose case study the edition prints, when not its own. */
  from: string | null;
}

export interface Coverage {
  defaultCity: string;
  /** City ids, sorted. */
  cities: string[];
  blueprints: { id: string; title: string; slots: { id: string; title: string; cities: Record<string, CoverageCell> }[] }[];
  /** Per city: how many slots it fills itself, has stubs for, and takes from other cities. */
  totals: Record<string, { slots: number; own: number; stub: number; fallback: number; none: number }>;
}

/**
 * The blueprint × city matrix of case-study slots (#11): for each city's edition, which slots its own case
 * studies fill, which it still has stubs for and which fall back (and to whom), as the build would fill them.
 */
export function projectCoverage(project: Project): Coverage {
  const cities = [...project.cities.keys()].sort();
  const totals: Coverage['totals'] = Object.fromEntries(cities.map((c) => [c, { slots: 0, own: 0, stub: 0, fallback: 0, none: 0 }]));
  // No --case-study overrides, so resolving an edition of a known city reports nothing.
  const editions = new Map(cities.map((city) => [city, resolveEdition(project, { city }, new VFile())]));
  const blueprints = project.blueprints.map((blueprint) => ({
    id: blueprint.id,
    title: blueprint.config.title,
    slots: blueprint.config.slots.map((slot) => {
      const cells: Record<string, CoverageCell> = {};
      for (const city of cities) {
        const edition = editions.get(city);
        const fill = edition?.fills.get(slot.id);
        const state: CoverageCell['state'] = fill?.source === 'edition' ? 'own' : edition?.stubs.has(slot.id) ? 'stub' : fill ? 'fallback' : 'none';
        cells[city] = { state, from: fill && state !== 'own' ? fill.caseStudy.city : null };
        const total = totals[city] as Coverage['totals'][string];
        total.slots++;
        total[state]++;
      }
      return { id: slot.id, title: slot.title, cities: cells };
    }),
  }));
  return { defaultCity: project.config.default_city, cities, blueprints, totals };
}
