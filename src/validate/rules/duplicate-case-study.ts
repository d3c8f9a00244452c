import path from 'node:path';
import { report } from '../../diagnostics/messages.js';
import type { LoadContext } from '../../project/load-context.js';
import { nodeAt, nodePosition } from '../parse-yaml.js';

/** `duplicate-case-study`: one case study per city and slot (the first file, by name, is used). */
export function duplicateCaseStudy(ctx: LoadContext): void {
  const first = new Map<string, string>();
  for (const study of ctx.caseStudies) {
    if (!study.config || !study.parsed) continue;
    const key = `${study.folder}/${study.config.slot}`;
    const other = first.get(key);
    if (other) {
      report(
        study.file,
        'duplicate-case-study',
        { slot: study.config.slot, city: study.folder, other },
        { place: nodePosition(study.parsed, nodeAt(study.parsed, ['slot']).node) },
      );
    } else first.set(key, path.relative(ctx.root, study.file.path));
  }
}
