import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { loadThemes } from '../../src/pipeline/load-themes.js';
import { contrastRatio, editionColors, lowContrast } from '../../src/theme/edition-colors.js';
import { loadTheme } from '../../src/theme/load-theme.js';
import { fillPageText } from '../../src/theme/page-rules.js';
import { copyFixture, repoRoot } from '../helpers.js';

/** A copy of the basic fixture with these theme files (path under themes/ → text). */
function projectWith(themes: Record<string, string>): string {
  const root = copyFixture('basic');
  for (const [file, text] of Object.entries(themes)) {
    mkdirSync(path.dirname(path.join(root, 'themes', file)), { recursive: true });
    writeFileSync(path.join(root, 'themes', file), text);
  }
  return root;
}

const messages = (files: { messages: { ruleId?: string | null; line?: number | null; column?: number | null; reason: string }[] }[]) =>
  files.flatMap((f) => f.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.reason}`));

describe('#11 themes that extend another', () => {
  it('takes the parent’s tokens, overrides only what the child sets, and appends its CSS after the parent’s', () => {
    const root = projectWith({
      'base/theme.yaml': [
        'name: Base',
        'fonts: { body: "@fontsource/noto-sans", heading: "@fontsource/noto-serif" }',
        'colors: { primary: "#1b3a6b", accent: "#c8102e", text: "#1d2433", muted: "#5a6477", surface: "#f3f5f9" }',
        'css: [base.css]',
        '',
      ].join('\n'),
      'base/base.css': '.base-rule {}\n',
      'child/theme.yaml':
        'extends: base\ncolors: { primary: "#004b6b" }\nspacing: { radius: "0" }\ncover: { layout: split }\npage: { footer: "{office}" }\ncss: [child.css]\n',
      'child/child.css': '.child-rule {}\n',
      'grandchild/theme.yaml': 'extends: child\nname: Grandchild\ncolors: { accent: "#aa0000" }\n',
    });
    const { theme, files } = loadTheme(root, 'grandchild');
    expect(messages(files)).toEqual([]);
    expect(theme?.layers.map((l) => l.name)).toEqual(['base', 'child', 'grandchild']);
    expect(theme?.config.name).toBe('Grandchild');
    expect(theme?.config.colors).toMatchObject({ primary: '#004b6b', accent: '#aa0000', text: '#1d2433', background: '#ffffff', focus: 'primary' });
    expect(theme?.config.spacing).toEqual({ measure: '44rem', gutter: '1.5rem', block: '1.75rem', radius: '0' });
    expect(theme?.config.cover.layout).toBe('split');
    expect(theme?.config.page).toEqual({ header: '{title}', footer: '{office}', margin: '20mm 19mm' });
    expect(theme?.css.indexOf('.base-rule')).toBeLessThan(theme?.css.indexOf('.child-rule') ?? -1);
    expect(theme?.css.indexOf('.base-rule')).toBeGreaterThanOrEqual(0);
  });

  it('finds a parent in the project first, then among the toolkit’s themes', () => {
    const root = projectWith({ 'mine/theme.yaml': 'extends: civic\ncolors: { primary: "#004b6b" }\n' });
    const { theme, files } = loadTheme(root, 'mine');
    expect(messages(files)).toEqual([]);
    expect(theme?.layers.map((l) => l.name)).toEqual(['default', 'civic', 'mine']);
    expect(theme?.config.fonts.body).toBe('@fontsource/public-sans');
    // The default theme's fallbacks for other scripts come along.
    expect(theme?.config.fonts.fallback).toContain('@fontsource/noto-sans-arabic');
  });

  it('reads a parent that several themes extend once per build', () => {
    const root = projectWith({});
    const files: VFile[] = [];
    const themes = loadThemes(root, ['civic', 'almanac', 'default'], files);
    expect([...themes.keys()]).toEqual(['almanac', 'civic', 'default']);
    const paths = files.map((f) => path.relative(repoRoot, f.path));
    expect(paths.filter((p) => p === 'themes/default/theme.yaml')).toHaveLength(1);
    expect(new Set(paths).size).toBe(paths.length);
    // The very same stylesheet object, not a second reading of it.
    expect(themes.get('civic')?.cssFiles[0]).toBe(themes.get('almanac')?.cssFiles[0]);
  });

  it('reports a cycle at the extends line that closes it', () => {
    const root = projectWith({ 'a/theme.yaml': 'extends: b\n', 'b/theme.yaml': '# b\nextends: a\n' });
    const { theme, files } = loadTheme(root, 'a');
    expect(theme).toBeUndefined();
    const [message] = files.flatMap((f) => f.messages);
    expect(message?.file).toMatch(/themes\/b\/theme\.yaml$/);
    expect(messages(files)).toEqual(['2:10 theme-cycle: Theme "b" cannot extend "a": the chain comes back to it (a → b → a)']);
  });

  it('reports an unknown parent with a did-you-mean', () => {
    const root = projectWith({ 'a/theme.yaml': 'extends: defualt\n' });
    const { files } = loadTheme(root, 'a');
    const all = files.flatMap((f) => f.messages);
    expect(messages(files)).toEqual(['1:10 unknown-theme: Unknown theme "defualt"']);
    expect(all[0]?.note).toContain('Did you mean "default"?');
  });

  it('refuses values that are not colours, lengths or known placeholders, at their line', () => {
    const root = projectWith({
      'bad/theme.yaml': 'extends: default\nspacing:\n  measure: "40rem;}</style><script>"\npage:\n  header: "{title} {secret}"\n',
    });
    const { theme, files } = loadTheme(root, 'bad');
    expect(theme).toBeUndefined();
    expect(files.flatMap((f) => f.messages).map((m) => `${m.line}:${m.column} ${m.ruleId}`)).toEqual(['3:12 wrong-type', '5:11 wrong-type']);
  });

  it('reports a misspelt or missing font package at the line naming it, with the npm install', () => {
    const root = projectWith({ 'fonts/theme.yaml': 'extends: default\nfonts:\n  body: "@fontsource/noto-snas"\n' });
    const { theme, files } = loadTheme(root, 'fonts');
    expect(theme).toBeUndefined();
    const [message] = files.flatMap((f) => f.messages);
    expect(`${message?.line}:${message?.column} ${message?.ruleId}: ${message?.reason}`).toBe(
      '3:9 font-package-missing: Font package "@fontsource/noto-snas" is not installed',
    );
    expect(message?.note).toContain('npm install @fontsource/noto-snas');
    expect(message?.note).toContain('Did you mean "@fontsource/noto-sans"?');
    expect(message?.expected).toEqual(['@fontsource/noto-sans']);
  });
});

describe('#11 edition colours', () => {
  it('computes WCAG contrast and resolves a focus ring that follows the primary colour', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    const theme = {
      primary: '#1b3a6b',
      accent: '#c8102e',
      text: '#1d2433',
      muted: '#5a6477',
      surface: '#f3f5f9',
      background: '#ffffff',
      on_primary: '#ffffff',
      border: '#cfd6e2',
      focus: 'primary',
    };
    const colors = editionColors(theme, { primary: '#0b4f8a', accent: '#d5252f' });
    expect(colors.focus).toBe('#0b4f8a');
    expect(lowContrast(colors)).toEqual([]);
    // A light brand colour fails as text and as the focus ring it gives.
    const light = lowContrast(editionColors(theme, { primary: '#f1b82d', accent: '#2d1e5f' }));
    expect(light.map((p) => `${p.fg}/${p.bg}`)).toEqual(['primary/background', 'primary/surface', 'on_primary/primary', 'focus/background', 'focus/surface']);
  });

  it('fills the running header and footer placeholders', () => {
    expect(fillPageText('{series}: {title}', { series: 'Blueprints', title: 'Health' })).toBe('Blueprints: Health');
    expect(fillPageText('{office}, {government}', { office: 'OIA', government: 'City of X' })).toBe('OIA, City of X');
  });
});
