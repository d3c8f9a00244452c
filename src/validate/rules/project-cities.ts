import { report, suggestion } from '../../diagnostics/messages.js';
import { type LoadContext, settingSource } from '../../project/load-context.js';
import { nodeAt, nodePosition } from '../parse-yaml.js';

/** `unknown-city`: the default city and fallback chain (of project.yaml, or fork.yaml that overrides them) exist. */
export function projectCities(ctx: LoadContext): void {
  const { valid } = ctx.project;
  if (!valid) return;
  const known = ctx.cities.map((c) => c.id);
  const check = (city: string, key: 'default_city' | 'fallback', keyPath: (string | number)[]) => {
    if (known.includes(city)) return;
    const { file, parsed } = settingSource(ctx, key);
    const { known: hint, expected } = suggestion(city, known, 'cities (folders under blueprints/cities/)');
    report(file, 'unknown-city', { city, known: hint }, { place: nodePosition(parsed, nodeAt(parsed, keyPath).node), expected });
  };
  check(valid.default_city, 'default_city', ['default_city']);
  for (const [i, city] of valid.fallback.entries()) check(city, 'fallback', ['fallback', i]);
}
