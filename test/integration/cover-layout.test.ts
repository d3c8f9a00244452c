import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { findBrowser } from '../../src/pdf/find-browser.js';
import { chromiumArgs } from '../../src/pdf/open-browser.js';
import { copyFixture, run } from '../helpers.js';

/**
 * #10: a translation not yet reviewed says so on its cover, in a box under the edition, version and date.
 * Seen on the shipped Spanish guide at 1280 px: the box touched the line above it.
 */
describe('the cover of a translated draft', () => {
  it('keeps the draft notice clear of the edition line, on a phone and a desktop', async () => {
    const root = copyFixture('editions');
    const built = await run(['build', 'welcome-desk', '--lang', 'es', '--format', 'html'], root);
    expect(built.code, built.stderr).toBe(0);
    const { executablePath } = await findBrowser({ env: process.env });
    const browser = await launch({ executablePath, headless: true, args: [...chromiumArgs] });
    try {
      const page = await browser.newPage();
      for (const width of [390, 1280]) {
        await page.setViewport({ width, height: 900 });
        await page.goto(pathToFileURL(path.join(root, 'out/springfield/es/welcome-desk.html')).href);
        const gap = await page.evaluate(() => {
          const meta = document.querySelector('.cover-meta')?.getBoundingClientRect();
          const note = document.querySelector('.translation-draft')?.getBoundingClientRect();
          return meta && note ? note.top - meta.bottom : undefined;
        });
        // At least the space between the cover's other blocks (1rem).
        expect(gap, `${width} px`).toBeGreaterThanOrEqual(15);
      }
    } finally {
      await browser.close();
    }
  });
});
