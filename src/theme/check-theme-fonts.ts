import { report, suggestion } from '../diagnostics/messages.js';
import { nodeAt, nodePosition } from '../validate/parse-yaml.js';
import type { ThemeConfig } from '../validate/schemas/theme.js';
import { FontPackages } from './font-packages.js';
import type { ThemeLayer } from './load-theme.js';

/**
 * Every font package a theme names is installed and usable (#11). A missing or misspelt package used to be
 * skipped, and the PDF printed in whatever font the machine had; now it is an error at the theme.yaml line
 * that names it (in the theme or the parent that set it), with the `npm install` that fixes it.
 */
export function checkThemeFonts(root: string, config: ThemeConfig, layers: ThemeLayer[]): void {
  const packages = new FontPackages(root);
  const named: { pkg: string; path: (string | number)[] }[] = [
    { pkg: config.fonts.body, path: ['fonts', 'body'] },
    { pkg: config.fonts.heading, path: ['fonts', 'heading'] },
    ...config.fonts.fallback.map((pkg, i) => ({ pkg, path: ['fonts', 'fallback', i] })),
  ];
  let installed: string[] | undefined;
  for (const { pkg, path } of named) {
    // The layer that set this value: the last one (the most derived) whose file names it there.
    const layer = [...layers].reverse().find((l) => nodeAt(l.parsed, path).exact) ?? layers[0];
    if (!layer) continue;
    const place = nodePosition(layer.parsed, nodeAt(layer.parsed, path).node);
    if (!packages.has(pkg)) {
      installed ??= packages.installed();
      const { known, expected } = suggestion(pkg, installed, 'font packages installed');
      report(layer.file, 'font-package-missing', { pkg, known }, { place, expected });
    } else if (!packages.resolve(`${pkg}/400.css`)) report(layer.file, 'font-package-unusable', { pkg }, { place });
  }
}
