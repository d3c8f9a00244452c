import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { atWidths, copyFixture, run } from '../helpers.js';

/**
 * #10: a translation not yet reviewed says so on its cover, in a box under the edition, version and date.
 * Seen on the shipped Spanish guide at 1280 px: the box touched the line above it.
 */
describe('the cover of a translated draft', () => {
  it('keeps the draft notice clear of the edition line, on a phone and a desktop', async () => {
    const root = copyFixture('editions');
    const built = await run(['build', 'welcome-desk', '--lang', 'es', '--format', 'html'], root);
    expect(built.code, built.stderr).toBe(0);
    await atWidths(path.join(root, 'out/springfield/es/welcome-desk.html'), async (page, width) => {
      const gap = await page.evaluate(() => {
        const meta = document.querySelector('.cover-meta')?.getBoundingClientRect();
        const note = document.querySelector('.translation-draft')?.getBoundingClientRect();
        return meta && note ? note.top - meta.bottom : undefined;
      });
      // At least the space between the cover's other blocks (1rem).
      expect(gap, `${width} px`).toBeGreaterThanOrEqual(15);
    });
  });
});
