import { suggestion } from '../diagnostics/messages.js';
import type { CaseStudy, CityProfile, Project } from '../project/load-project.js';

export interface EditionRequest {
  /** City id; the project's default city when absent. */
  city?: string;
  /** Slot id → city id, from `--case-study slot=city`. */
  caseStudies?: Record<string, string>;
}

export interface SlotFill {
  slot: string;
  caseStudy: CaseStudy;
  /** Why this city fills the slot: the edition's own, a `--case-study` choice, or the fallback chain. */
  source: 'edition' | 'override' | 'fallback';
}

export interface Edition {
  city: CityProfile;
  theme: string;
  fills: Map<string, SlotFill>;
}

/** A problem with what was asked for on the command line (not with the sources): exit code 2. */
export class RequestError extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
    this.name = 'RequestError';
  }
}

/**
 * Decide which city fills each case-study slot: the edition city when it has a case study, a
 * `--case-study` override, else the project's fallback chain (then any city, alphabetically).
 */
export function resolveEdition(project: Project, request: EditionRequest = {}): Edition {
  const cityId = request.city ?? project.config.default_city;
  const city = project.cities.get(cityId);
  if (!city) {
    const { hint } = suggestion(cityId, project.cities.keys(), 'cities');
    throw new RequestError(`Unknown city "${cityId}"`, hint);
  }
  const overrides = request.caseStudies ?? {};
  for (const [slot, overrideCity] of Object.entries(overrides)) {
    if (!project.slots.has(slot)) {
      throw new RequestError(`Unknown slot "${slot}" in --case-study`, suggestion(slot, project.slots.keys(), 'slots').hint);
    }
    if (!project.cities.has(overrideCity)) {
      throw new RequestError(`Unknown city "${overrideCity}" in --case-study`, suggestion(overrideCity, project.cities.keys(), 'cities').hint);
    }
    if (!find(project, slot, overrideCity)) {
      const available = project.caseStudies.filter((c) => c.slot === slot).map((c) => c.city);
      throw new RequestError(`${overrideCity} has no case study for slot "${slot}"`, `Cities with a case study for this slot: ${available.sort().join(', ')}.`);
    }
  }
  const fills = new Map<string, SlotFill>();
  for (const slot of [...project.slots.keys()].sort()) {
    const override = overrides[slot];
    if (override) {
      fills.set(slot, { slot, caseStudy: find(project, slot, override) as CaseStudy, source: 'override' });
      continue;
    }
    const own = find(project, slot, city.id);
    if (own) {
      fills.set(slot, { slot, caseStudy: own, source: 'edition' });
      continue;
    }
    const chain = [...project.config.fallback, ...[...project.cities.keys()].sort()];
    for (const candidate of chain) {
      const study = find(project, slot, candidate);
      if (study) {
        fills.set(slot, { slot, caseStudy: study, source: 'fallback' });
        break;
      }
    }
  }
  return { city, theme: city.config.theme ?? project.config.default_theme, fills };
}

const find = (project: Project, slot: string, city: string) => project.caseStudies.find((c) => c.slot === slot && c.city === city);
