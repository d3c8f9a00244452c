import { report } from '../diagnostics/messages.js';
import type { Edition } from '../edition/resolve-edition.js';
import type { Project } from '../project/load-project.js';
import { nodeAt, nodePosition } from '../validate/parse-yaml.js';

/**
 * `case-study-stub` (#11), for `check`: every case study still to write, at its `status: stub` line, with
 * the city whose case study its edition prints meanwhile.
 */
export function reportStubs(project: Project, editions: Edition[]): void {
  for (const stub of project.stubs) {
    const edition = editions.find((e) => e.city.id === stub.city);
    const other = edition?.fills.get(stub.slot)?.caseStudy.city ?? 'no other city';
    report(
      stub.file,
      'case-study-stub',
      { city: stub.city, slot: stub.slot, other },
      { place: nodePosition(stub.parsed, nodeAt(stub.parsed, ['status']).node) },
    );
  }
}

/** `edition-stubs` (#11), for `build`: one line per edition whose city still has stubs, not one per slot. */
export function reportEditionStubs(editions: Edition[]): void {
  for (const edition of editions) {
    const slots = [...edition.stubs].filter((slot) => edition.fills.get(slot)?.source === 'fallback').sort();
    if (slots.length === 0) continue;
    const shown = slots.length > 4 ? `${slots.slice(0, 4).join(', ')} and ${slots.length - 4} more` : slots.join(', ');
    report(edition.city.file, 'edition-stubs', { city: edition.city.id, count: slots.length, slots: shown });
  }
}
