import path from 'node:path';
import { report } from '../../diagnostics/messages.js';
import type { LoadContext } from '../../project/load-context.js';
import { nodeAt, nodePosition } from '../parse-yaml.js';

/** `duplicate-slot`: slot ids are unique across the project; the first declaration (reading order) wins. */
export function duplicateSlot(ctx: LoadContext): void {
  const first = new Map<string, { blueprint: string; where: string }>();
  for (const blueprint of ctx.blueprints) {
    for (const [i, slot] of (blueprint.config?.slots ?? []).entries()) {
      const place = nodePosition(blueprint.parsed, nodeAt(blueprint.parsed, ['slots', i, 'id']).node);
      const other = first.get(slot.id);
      if (other) report(blueprint.file, 'duplicate-slot', { slot: slot.id, ...other }, { place });
      else first.set(slot.id, { blueprint: blueprint.id, where: `${path.relative(ctx.root, blueprint.file.path)}:${place.start.line}:${place.start.column}` });
    }
  }
}
