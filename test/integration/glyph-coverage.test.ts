import { appendFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DiagnosticJson } from '../../src/diagnostics/report.js';
import { copyFixture, run } from '../helpers.js';

/** #10, no tofu: a character none of the theme's fonts has is a warning where it is written. */
describe('issue 10: characters no bundled font covers', () => {
  it('are reported at their place in the source, once per character, and not for what the fonts cover', async () => {
    const root = copyFixture('basic');
    const section = path.join(root, 'blueprints/welcome-desk/sections/01-why.md');
    // Hebrew: no font of the default theme covers it. Chinese, Arabic, Cyrillic and a bidi mark: covered or invisible.
    appendFileSync(section, '\nGreetings: שלום, 你好, مرحبا, привет\u200f.\n');
    const line = readFileSync(section, 'utf8').split('\n').length - 1;
    const result = await run(['check', '--json'], root);
    expect(result.code, result.stderr).toBe(0);
    const glyphs = (JSON.parse(result.stdout).diagnostics as DiagnosticJson[]).filter((d) => d.ruleId === 'glyph-missing');
    expect(glyphs.map((d) => `${path.relative(root, d.file ?? '')}:${d.line}:${d.column}-${d.endColumn}: ${d.message}`)).toEqual(
      [...'שלום'].map(
        (char, i) =>
          `blueprints/welcome-desk/sections/01-why.md:${line}:${12 + i}-${13 + i}: No font of the theme "default" has the character "${char}" (U+0${(char.codePointAt(0) as number).toString(16).toUpperCase()}), printed in the en edition`,
      ),
    );
    expect(glyphs.every((d) => d.severity === 'warning')).toBe(true);
  });
});
