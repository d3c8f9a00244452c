import { report } from '../../diagnostics/messages.js';
import type { LoadContext } from '../../project/load-context.js';
import { nodeAt, nodePosition } from '../parse-yaml.js';
import { isWritten } from '../schemas/case-study.js';

/** `empty-slot`: every declared slot has a case study from at least one city. */
export function emptySlot(ctx: LoadContext): void {
  // A stub fills nothing: it is a to-do (#11).
  const filled = new Set(ctx.caseStudies.flatMap((c) => (c.config && isWritten(c.config) ? [c.config.slot] : [])));
  for (const blueprint of ctx.blueprints) {
    for (const [i, slot] of (blueprint.config?.slots ?? []).entries()) {
      if (!filled.has(slot.id))
        report(blueprint.file, 'empty-slot', { slot: slot.id }, { place: nodePosition(blueprint.parsed, nodeAt(blueprint.parsed, ['slots', i, 'id']).node) });
    }
  }
}
