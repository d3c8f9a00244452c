import { report, suggestion } from '../../diagnostics/messages.js';
import type { LoadContext } from '../../project/load-context.js';
import { keyPosition, nodeAt, nodePosition } from '../parse-yaml.js';

/** `unknown-blueprint`, `duplicate-blueprint`, `unused-blueprint`: the project's list and the folders agree. */
export function blueprintList(ctx: LoadContext): void {
  const { file, parsed, config } = ctx.project;
  const seen = new Set<string>();
  for (const [index, id] of config.blueprints.entries()) {
    const place = nodePosition(parsed, nodeAt(parsed, ['blueprints', index]).node);
    if (seen.has(id)) report(file, 'duplicate-blueprint', { id }, { place });
    else if (!ctx.blueprintFolders.includes(id)) {
      const { known, expected } = suggestion(id, ctx.blueprintFolders, 'blueprints');
      report(file, 'unknown-blueprint', { id, known }, { place, expected });
    }
    seen.add(id);
  }
  for (const folder of ctx.blueprintFolders) {
    if (!seen.has(folder)) report(file, 'unused-blueprint', { id: folder }, { place: keyPosition(parsed, [], 'blueprints') });
  }
}
