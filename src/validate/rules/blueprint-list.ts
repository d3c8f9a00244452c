import { report, suggestion } from '../../diagnostics/messages.js';
import type { LoadContext } from '../../project/load-context.js';
import { keyPosition, nodeAt, nodePosition } from '../parse-yaml.js';

/**
 * `unknown-blueprint`, `duplicate-blueprint`, `unused-blueprint`: the lists of blueprints (project.yaml's
 * `blueprints`, then a fork's `add_blueprints`, #11) and the folders agree.
 */
export function blueprintList(ctx: LoadContext): void {
  const { file, parsed, config, fork } = ctx.project;
  // config.blueprints is the project's list followed by the fork's (see applyFork).
  const added = fork?.config.add_blueprints ?? [];
  const own = config.blueprints.slice(0, config.blueprints.length - added.length);
  const listed = [
    ...own.map((id, index) => ({ id, file, parsed, path: ['blueprints', index] })),
    ...(fork ? added.map((id, index) => ({ id, file: fork.file, parsed: fork.parsed, path: ['add_blueprints', index] })) : []),
  ];
  const seen = new Set<string>();
  for (const entry of listed) {
    const place = nodePosition(entry.parsed, nodeAt(entry.parsed, entry.path).node);
    if (seen.has(entry.id)) report(entry.file, 'duplicate-blueprint', { id: entry.id }, { place });
    else if (!ctx.blueprintFolders.includes(entry.id)) {
      const { known, expected } = suggestion(entry.id, ctx.blueprintFolders, 'blueprints');
      report(entry.file, 'unknown-blueprint', { id: entry.id, known }, { place, expected });
    }
    seen.add(entry.id);
  }
  for (const folder of ctx.blueprintFolders) {
    if (!seen.has(folder)) report(file, 'unused-blueprint', { id: folder }, { place: keyPosition(parsed, [], 'blueprints') });
  }
}
