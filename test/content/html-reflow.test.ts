import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { findBrowser } from '../../src/pdf/find-browser.js';
import { openBrowser } from '../../src/pdf/open-browser.js';
import { loadThemes } from '../../src/pipeline/load-themes.js';
import type { Project } from '../../src/project/load-project.js';
import { contrastRatio, editionColors } from '../../src/theme/edition-colors.js';
import { repoRoot } from '../helpers.js';
import { sharedBuild } from './shared-build.js';
import { shippedProject } from './shipped-project.js';

/**
 * #12 (WCAG 1.4.10 reflow): no shipped guide scrolls sideways on a 320 or 390 px wide screen, in the
 * default edition in English (every guide) and in Arabic (right to left). Long addresses in notes and
 * sources wrap, tables scroll inside their own region.
 */
describe('#12 the shipped guides on a phone', () => {
  let outDir: string;
  let pages: string[];
  beforeAll(async () => {
    // The default edition's pages from the content tests' shared build (it holds every language).
    const shared = await sharedBuild();
    expect(shared.result.code).toBe(0);
    outDir = shared.outDir;
    const defaultCity = /^default_city:\s*(\S+)/m.exec(readFileSync(path.join(repoRoot, 'blueprints/project.yaml'), 'utf8'))?.[1];
    const own = shared.documents.filter((d) => d.city === defaultCity && ['en', 'ar'].includes(d.lang));
    pages = [...own.map((d) => d.outputs.html?.path ?? ''), 'index.html'];
  });

  it('never scroll sideways at 320 or 390 px, every guide in English and the Arabic edition', async () => {
    expect(pages.filter((p) => p.includes('/en/'))).toHaveLength(12);
    expect(pages.filter((p) => p.includes('/ar/')).length).toBeGreaterThanOrEqual(1);
    // Long addresses are there to wrap: the test would pass trivially without them.
    expect(readFileSync(path.join(outDir, pages[0] as string), 'utf8')).toMatch(/href="https:\/\/[^"]{60,}"/);
    const choice = await findBrowser({ env: process.env });
    await using browser = await openBrowser(choice.executablePath);
    const page = await browser.browser.newPage();
    const wide: string[] = [];
    for (const file of pages) {
      // Loaded once, at the narrower width; the page has no script, and widening it lays it out again.
      await page.setViewport({ width: 320, height: 800 });
      await page.goto(`file://${path.join(outDir, file)}`, { waitUntil: 'load' });
      for (const width of [320, 390]) {
        await page.setViewport({ width, height: 800 });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        if (overflow > 0) wide.push(`${file} at ${width} px: ${overflow} px too wide`);
      }
    }
    await page.close();
    expect(wide).toEqual([]);
  });
});

/**
 * #12: the keyboard focus ring keeps 3:1 against the page and the boxes in every shipped city's colours,
 * in every shipped theme (a city may change its theme), as the stylesheets draw it (--bp-focus).
 */
describe('#12 the focus ring in every city’s colours', () => {
  let project: Project;
  beforeAll(async () => {
    project = (await shippedProject()).project as Project;
  });

  it('has at least 3:1 against the page and the boxes, for every city in every theme', () => {
    const themes = loadThemes(repoRoot, ['default', 'civic', 'almanac'], []);
    expect(themes.size).toBe(3);
    const low: string[] = [];
    let pairs = 0;
    for (const [name, theme] of themes) {
      for (const [id, city] of project.cities) {
        const colors = editionColors(theme.config.colors, city.config.colors);
        for (const bg of ['background', 'surface'] as const) {
          pairs++;
          const ratio = contrastRatio(colors.focus, colors[bg]);
          if (ratio < 3) low.push(`${id} in ${name}: focus ${colors.focus} on ${bg} ${colors[bg]} is ${ratio.toFixed(2)}:1`);
        }
      }
    }
    expect(pairs).toBe(3 * project.cities.size * 2);
    expect(project.cities.size).toBeGreaterThanOrEqual(12);
    expect(low).toEqual([]);
  });
});
