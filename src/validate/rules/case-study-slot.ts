import { report, suggestion } from '../../diagnostics/messages.js';
import type { LoadContext } from '../../project/load-context.js';
import { nodeAt, nodePosition } from '../parse-yaml.js';

/** `unknown-slot`: a case study fills a slot some blueprint declares. */
export function caseStudySlot(ctx: LoadContext): void {
  // A blueprint whose file has errors declares slots we cannot read: its case studies are not blamed for
  // them (one typo, one message).
  if (ctx.blueprints.some((b) => !b.config)) return;
  const slots = ctx.blueprints.flatMap((b) => b.config?.slots.map((s) => s.id) ?? []);
  for (const study of ctx.caseStudies) {
    if (!study.config || !study.parsed || slots.includes(study.config.slot)) continue;
    const { known, expected } = suggestion(study.config.slot, slots, 'slots');
    report(
      study.file,
      'unknown-slot',
      { slot: study.config.slot, known },
      { place: nodePosition(study.parsed, nodeAt(study.parsed, ['slot']).node), expected },
    );
  }
}
