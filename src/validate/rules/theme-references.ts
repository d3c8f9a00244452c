import type { VFile } from 'vfile';
import { report, suggestion } from '../../diagnostics/messages.js';
import { type LoadContext, settingSource } from '../../project/load-context.js';
import { nodeAt, nodePosition, type ParsedYaml } from '../parse-yaml.js';

/**
 * `unknown-theme` and `missing-theme-file`: the project's default theme and each city's theme exist and
 * have a theme.yaml (a folder without one used to crash the build, #8).
 */
export function themeReferences(ctx: LoadContext): void {
  const check = (theme: string, file: VFile, parsed: ParsedYaml, key: string) => {
    if (ctx.themes.includes(theme)) return;
    const place = nodePosition(parsed, nodeAt(parsed, [key]).node);
    if (ctx.themeFoldersWithoutFile.includes(theme)) {
      report(file, 'missing-theme-file', { theme }, { place });
      return;
    }
    const { known, expected } = suggestion(theme, ctx.themes, 'themes (folders under themes/)');
    report(file, 'unknown-theme', { theme, known }, { place, expected });
  };
  if (ctx.project.valid) {
    const { file, parsed } = settingSource(ctx, 'default_theme');
    check(ctx.project.valid.default_theme, file, parsed, 'default_theme');
  }
  for (const city of ctx.cities) {
    if (city.config?.theme && city.file && city.parsed) check(city.config.theme, city.file, city.parsed, 'theme');
  }
}
