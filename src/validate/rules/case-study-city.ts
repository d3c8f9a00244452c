import { report, suggestion } from '../../diagnostics/messages.js';
import type { LoadContext } from '../../project/load-context.js';
import { nodeAt, nodePosition } from '../parse-yaml.js';

/** `unknown-city` and `city-mismatch`: a case study names an existing city, the one whose folder it is in. */
export function caseStudyCity(ctx: LoadContext): void {
  // A city whose profile has errors still exists: references to it are not errors of their own.
  const known = ctx.cities.filter((c) => c.file).map((c) => c.id);
  for (const study of ctx.caseStudies) {
    if (!study.config || !study.parsed) continue;
    const place = nodePosition(study.parsed, nodeAt(study.parsed, ['city']).node);
    const city = study.config.city;
    if (!known.includes(city)) {
      const { known: hint, expected } = suggestion(city, known, 'cities');
      report(study.file, 'unknown-city', { city, known: hint }, { place, expected });
    } else if (city !== study.folder) report(study.file, 'city-mismatch', { city, folder: study.folder }, { place });
  }
}
