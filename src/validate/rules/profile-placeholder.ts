import { report } from '../../diagnostics/messages.js';
import type { LoadContext } from '../../project/load-context.js';
import { nodeAt, nodePosition } from '../parse-yaml.js';
import { cityVariables } from '../schemas/city.js';

/**
 * `profile-placeholder` (#11): a city profile value that still holds the "TODO" `blueprint new city`
 * wrote for what it could not know (the state, the website), so it is not printed on a cover unnoticed.
 */
export function profilePlaceholder(ctx: LoadContext): void {
  for (const city of ctx.cities) {
    if (!city.config || !city.parsed || !city.file) continue;
    for (const field of cityVariables) {
      const value = city.config[field];
      if (typeof value !== 'string' || !/\bTODO\b/.test(value)) continue;
      report(city.file, 'profile-placeholder', { field, value }, { place: nodePosition(city.parsed, nodeAt(city.parsed, [field]).node) });
    }
  }
}
