import { report } from '../../diagnostics/messages.js';
import type { LoadContext } from '../../project/load-context.js';
import { keyPosition } from '../parse-yaml.js';

/** `missing-part`: every blueprint has a section for each part the project requires. */
export function missingPart(ctx: LoadContext): void {
  for (const blueprint of ctx.blueprints) {
    if (!blueprint.config) continue;
    const parts = new Set(blueprint.config.sections.map((s) => s.part));
    const missing = ctx.project.config.required_parts.filter((p) => !parts.has(p));
    if (missing.length > 0) report(blueprint.file, 'missing-part', { parts: missing.join(', ') }, { place: keyPosition(blueprint.parsed, [], 'sections') });
  }
}
