import type { VFile } from 'vfile';
import { report } from '../diagnostics/messages.js';
import type { Edition } from '../edition/resolve-edition.js';
import { editionColors, lowContrast, luminance } from '../theme/edition-colors.js';
import type { Theme } from '../theme/load-theme.js';
import { nodeAt, nodePosition } from '../validate/parse-yaml.js';

/**
 * `low-contrast` (#11): every edition's colours, the theme's with the city's over them, keep text readable
 * (4.5:1) and the focus ring visible (3:1), whatever a theme or a city profile sets. Reported at the
 * colour that decides it: the city's when the city set it, else the line of the theme (or parent) that did.
 */
export function checkEditionColors(editions: Edition[], themes: Map<string, Theme>, requestFile: VFile): void {
  for (const edition of editions) {
    const theme = themes.get(edition.theme);
    if (!theme) continue;
    const city = edition.city;
    const colors = editionColors(theme.config.colors, city.config.colors);
    for (const problem of lowContrast(colors)) {
      // A focus ring that follows another colour ("focus: primary") is decided by whoever set that colour.
      const focus = theme.config.colors.focus;
      const source = (key: string) => (key === 'focus' && (focus === 'primary' || focus === 'accent' || focus === 'text') ? focus : key);
      const decider = [problem.fg, problem.bg].map(source).find((key) => city.config.colors && key in city.config.colors);
      /** The colour at the reported line, and whether it must get darker or lighter to stand apart from the other. */
      const advice = (key: string) => {
        const [mine, other] = key === problem.bg ? [colors[problem.bg], colors[problem.fg]] : [colors[problem.fg], colors[problem.bg]];
        return { key, direction: luminance(mine) <= luminance(other) ? 'darker' : 'lighter' };
      };
      const params = {
        fg: problem.fg,
        fgValue: colors[problem.fg],
        bg: problem.bg,
        bgValue: colors[problem.bg],
        ratio: (Math.floor(problem.ratio * 100) / 100).toFixed(2),
        min: String(problem.min),
        role: problem.role,
      };
      if (decider) {
        // A focus ring that follows the primary colour is fixed by changing the primary colour.
        const key = decider === source(problem.fg) ? problem.fg : problem.bg;
        report(
          city.file,
          'low-contrast',
          { ...params, ...advice(key), key: decider },
          { place: nodePosition(city.parsed, nodeAt(city.parsed, ['colors', decider]).node) },
        );
        continue;
      }
      const keys = [problem.fg, problem.bg];
      const layer = [...theme.layers].reverse().find((l) => keys.some((key) => nodeAt(l.parsed, ['colors', key]).exact)) ?? theme.layers[0];
      if (!layer) {
        report(requestFile, 'low-contrast', { ...params, ...advice(problem.fg) });
        continue;
      }
      const key = keys.find((k) => nodeAt(layer.parsed, ['colors', k]).exact) ?? problem.fg;
      report(layer.file, 'low-contrast', { ...params, ...advice(key) }, { place: nodePosition(layer.parsed, nodeAt(layer.parsed, ['colors', key]).node) });
    }
  }
}
