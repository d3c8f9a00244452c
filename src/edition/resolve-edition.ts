import type { VFile } from 'vfile';
import { report, suggestion } from '../diagnostics/messages.js';
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
  /** Slots the edition city has a stub for (#11): they fall back like empty ones, but are its to-do list. */
  stubs: Set<string>;
}

/**
 * Decide which city fills each case-study slot: the edition city when it has a case study, a
 * `--case-study` override, else the project's fallback chain (then any city, alphabetically). A request
 * the project cannot meet is reported on `requestFile` (usage errors) and gives undefined.
 */
export function resolveEdition(project: Project, request: EditionRequest, requestFile: VFile): Edition | undefined {
  const cityId = request.city ?? project.config.default_city;
  const city = project.cities.get(cityId);
  const unknown = (option: string, value: string, known: Iterable<string>, what: string) => {
    const { known: hint, expected } = suggestion(value, known, what);
    const [kind = option, where = ''] = option.split(/(?= in )/);
    report(requestFile, 'unknown-option-value', { option: kind, value, where, known: hint }, { expected });
  };
  if (!city) {
    // A city whose profile has an error is not unknown: that error says what to fix (exit code 1, not 2).
    if (!project.brokenCities.has(cityId)) unknown('city', cityId, project.cities.keys(), 'cities');
    return undefined;
  }
  const overrides = request.caseStudies ?? {};
  let bad = 0;
  for (const [slot, overrideCity] of Object.entries(overrides)) {
    const before = requestFile.messages.length;
    if (!project.slots.has(slot)) unknown('slot in --case-study', slot, project.slots.keys(), 'slots');
    else if (!project.cities.has(overrideCity)) unknown('city in --case-study', overrideCity, project.cities.keys(), 'cities');
    else if (!find(project, slot, overrideCity)) {
      const available = project.caseStudies.filter((c) => c.slot === slot).map((c) => c.city);
      report(requestFile, 'no-case-study', { city: overrideCity, slot, available: available.sort().join(', ') });
    }
    if (requestFile.messages.length > before) bad++;
  }
  if (bad > 0) return undefined;
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
  const stubs = new Set(project.stubs.filter((s) => s.city === city.id).map((s) => s.slot));
  return { city, theme: city.config.theme ?? project.config.default_theme, fills, stubs };
}

const find = (project: Project, slot: string, city: string) => project.caseStudies.find((c) => c.slot === slot && c.city === city);
