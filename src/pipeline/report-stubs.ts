import { VFile } from 'vfile';
import { report } from '../diagnostics/messages.js';
import { resolveEdition } from '../edition/resolve-edition.js';
import type { Project } from '../project/load-project.js';
import { nodeAt, nodePosition } from '../validate/parse-yaml.js';
import type { Plan } from './plan-documents.js';

/**
 * `case-study-stub` (#11), for `check`: every case study still to write, at its `status: stub` line, with
 * the city whose case study its edition prints meanwhile. Reported even when other sources have errors.
 */
export function reportStubs(project: Project): void {
  for (const stub of project.stubs) {
    // No --case-study overrides: resolving the edition of a known city reports nothing.
    const edition = resolveEdition(project, { city: stub.city }, new VFile());
    const other = edition?.fills.get(stub.slot)?.caseStudy.city ?? 'no other city';
    report(
      stub.file,
      'case-study-stub',
      { city: stub.city, slot: stub.slot, other },
      { place: nodePosition(stub.parsed, nodeAt(stub.parsed, ['status']).node) },
    );
  }
}

/**
 * `edition-stubs` (#11), for `build`: one line per edition whose city still has stubs in the guides being
 * built, not one per slot.
 */
export function reportEditionStubs(project: Project, plan: Plan): void {
  const built = new Set(plan.documents.map((d) => d.blueprint.id));
  for (const edition of plan.editions) {
    const slots = [...edition.stubs]
      .filter((slot) => edition.fills.get(slot)?.source === 'fallback' && built.has(project.slots.get(slot)?.blueprint.id ?? ''))
      .sort();
    if (slots.length === 0) continue;
    const shown = slots.length > 4 ? `${slots.slice(0, 4).join(', ')} and ${slots.length - 4} more` : slots.join(', ');
    report(edition.city.file, 'edition-stubs', { city: edition.city.id, count: slots.length, slots: shown });
  }
}
