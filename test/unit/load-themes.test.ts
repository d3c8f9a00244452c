import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { loadThemes } from '../../src/pipeline/load-themes.js';
import { builtInThemesDir } from '../../src/theme/load-theme.js';
import { copyFixture, messageLines } from '../helpers.js';

/** A theme of the project's own, from the toolkit's default theme.yaml with other stylesheets. */
function addTheme(root: string, name: string, css: Record<string, string>): void {
  const dir = path.join(root, 'themes', name);
  mkdirSync(dir, { recursive: true });
  const yaml = readFileSync(path.join(builtInThemesDir, 'default/theme.yaml'), 'utf8').replace(/^css: .*$/m, `css: [${Object.keys(css).join(', ')}]`);
  writeFileSync(path.join(dir, 'theme.yaml'), yaml);
  for (const [file, text] of Object.entries(css)) writeFileSync(path.join(dir, file), text);
}

describe('loadThemes (#8)', () => {
  it('loads each theme the editions use once, the project’s own before the toolkit’s of the same name', () => {
    const root = copyFixture('basic');
    addTheme(root, 'civic', { 'civic.css': 'h1 { color: #123456; }' });
    addTheme(root, 'default', { 'mine.css': 'p { margin: 0; }' });
    const files: VFile[] = [];
    const themes = loadThemes(root, ['default', 'civic', 'default', 'civic'], files);
    expect([...themes.keys()]).toEqual(['civic', 'default']);
    expect(themes.get('civic')?.css).toBe('/* civic/civic.css */\nh1 { color: #123456; }');
    expect(themes.get('default')?.dir).toBe(path.join(root, 'themes/default'));
    expect(themes.get('default')?.css).toBe('/* default/mine.css */\np { margin: 0; }');
    expect(messageLines(files, root)).toEqual([]);
    // Each theme file was read once.
    expect(files.map((f) => path.relative(root, f.path)).sort()).toEqual([
      'themes/civic/civic.css',
      'themes/civic/theme.yaml',
      'themes/default/mine.css',
      'themes/default/theme.yaml',
    ]);
  });

  it('uses the toolkit’s theme when the project has none of that name', () => {
    const root = copyFixture('basic');
    const files: VFile[] = [];
    const themes = loadThemes(root, ['default'], files);
    expect(themes.get('default')?.dir).toBe(path.join(builtInThemesDir, 'default'));
    expect(themes.get('default')?.css).toContain('/* default/screen.css */');
    expect(themes.get('default')?.css).toContain('/* default/print.css */');
    expect(files.flatMap((f) => f.messages)).toEqual([]);
  });

  it('leaves out a theme with errors, whose messages say why, and one that does not exist', () => {
    const root = copyFixture('basic');
    addTheme(root, 'broken', { 'screen.css': 'body {}' });
    writeFileSync(
      path.join(root, 'themes/broken/theme.yaml'),
      readFileSync(path.join(root, 'themes/broken/theme.yaml'), 'utf8').replace('css: [screen.css]', 'css: [screen.css, missing.css]'),
    );
    const files: VFile[] = [];
    const themes = loadThemes(root, ['broken', 'nowhere', 'default'], files);
    expect([...themes.keys()]).toEqual(['default']);
    expect(messageLines(files, root)).toEqual(['themes/broken/theme.yaml:43:19: error: Stylesheet "missing.css" does not exist [missing-file]']);
  });
});
