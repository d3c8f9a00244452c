import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { atWidths, copyFixture, edit, run } from '../helpers.js';

/**
 * An Arabic edition of a guide whose sections are not translated yet lists English headings in its
 * contents, each marked `dir="ltr"`. Every entry aligns as the page's entries do (to the right), also one
 * that wraps: its lines once aligned left, as English text does, beside entries that ended on the right.
 */
describe('contents entries in another direction than the page', () => {
  it('align every line of every entry to the right in a right-to-left guide, on a phone and a desktop', async () => {
    const root = copyFixture('basic');
    edit(root, 'blueprints/project.yaml', 'languages: [en]', 'languages: [en, ar]');
    writeFileSync(
      path.join(root, 'blueprints/welcome-desk/sections/02-steps.md'),
      '# Steps to open a desk\n\n## A heading long enough to wrap onto a second line of the contents on a phone\n\n1. Find a room.\n2. Train staff.\n',
    );
    const built = await run(['build', 'welcome-desk', '--lang', 'ar', '--format', 'html'], root);
    expect(built.code, built.stderr).toBe(0);
    await atWidths(path.join(root, 'out/springfield/ar/welcome-desk.html'), async (page, width) => {
      const entries = await page.evaluate(() =>
        Array.from(document.querySelectorAll('.toc-text'), (entry) => {
          const range = document.createRange();
          range.selectNodeContents(entry);
          const lines = Array.from(range.getClientRects(), (r) => Math.round(r.right));
          return { text: entry.textContent, dir: entry.getAttribute('dir'), right: Math.round(entry.getBoundingClientRect().right), lines };
        }),
      );
      expect(entries.some((e) => e.dir === 'ltr')).toBe(true);
      // Lines are told apart by their right edges: a wrapped entry's lines must all end where the entry does.
      const wrapped = entries.filter((e) => e.lines.length > 1);
      if (width === 390) expect(wrapped.length, JSON.stringify(entries)).toBeGreaterThan(0);
      for (const entry of entries) for (const right of entry.lines) expect(Math.abs(right - entry.right), `${width} px: ${entry.text}`).toBeLessThanOrEqual(1);
    });
  });
});
