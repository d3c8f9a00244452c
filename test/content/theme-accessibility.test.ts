import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, launch } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/index.js';
import { findBrowser } from '../../src/pdf/find-browser.js';
import { chromiumArgs } from '../../src/pdf/open-browser.js';
import { axeViolations } from '../audit-accessibility.js';
import { repoRoot } from '../helpers.js';

interface FocusRing {
  link: string;
  style: string;
  width: number;
  /** Contrast of the ring with the colour around it and with the link's own background, the lower. */
  ratio: number;
}

/**
 * #11: every shipped theme, in every shipped city's colours, passes axe-core (WCAG 2.1 A and AA) in real
 * Chromium and shows a keyboard focus ring of at least 3:1 against what surrounds it. Each sampled city is
 * built in each theme (not only the theme it uses), so a city that changes theme stays accessible. The
 * sample is the default city (a dark primary: a ring on its cover; its translations are audited in
 * accessibility.test.ts) and the city with the palest primary colour, where contrast is tightest; `check`
 * computes every edition's contrast without a browser (low-contrast), so this keeps the suite's time in
 * bounds (#8: a sample of editions, not all of them; a third city in the sample cost 15 s of the suite).
 * The axe rules are WCAG 2.1 A/AA and axe's best practices.
 */
describe('#11 every shipped theme in every city’s colours', () => {
  const themes = readdirSync(path.join(repoRoot, 'themes')).sort();
  let root: string;
  let browser: Browser;
  beforeAll(async () => {
    root = mkdtempSync(path.join(os.tmpdir(), 'bp-themes-'));
    cpSync(path.join(repoRoot, 'blueprints'), path.join(root, 'blueprints'), { recursive: true });
    const { executablePath } = await findBrowser({ env: process.env });
    browser = await launch({ executablePath, headless: true, args: [...chromiumArgs] });
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** The default city and the city whose primary colour is palest. */
  function sampleCities(): string[] {
    const luminance = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number];
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const primaries = readdirSync(path.join(root, 'blueprints/cities')).map((city) => {
      const text = readFileSync(path.join(root, 'blueprints/cities', city, 'city.yaml'), 'utf8');
      return { city, light: luminance(/primary:\s*"?(#[0-9a-fA-F]{6})/.exec(text)?.[1] ?? '#000000') };
    });
    const defaultCity = /^default_city:\s*(\S+)/m.exec(readFileSync(path.join(root, 'blueprints/project.yaml'), 'utf8'))?.[1] ?? '';
    const palest = primaries.sort((a, b) => b.light - a.light || a.city.localeCompare(b.city)).find((p) => p.city !== defaultCity)?.city ?? '';
    return [defaultCity, palest].sort();
  }

  /** Build language-access for the sampled cities in one theme, in English (the translations are audited in accessibility.test.ts); the HTML files. */
  async function buildIn(theme: string): Promise<string[]> {
    for (const city of readdirSync(path.join(root, 'blueprints/cities'))) {
      const file = path.join(root, 'blueprints/cities', city, 'city.yaml');
      writeFileSync(file, `${readFileSync(file, 'utf8').replace(/^theme: .*\n/m, '')}theme: ${theme}\n`);
    }
    // One output folder for the three themes (built one after another): its cache keeps the parsed sources, so
    // only the first build parses them.
    const outDir = path.join(root, 'out');
    const result = await build({
      root,
      outDir,
      formats: ['html'],
      blueprints: ['language-access'],
      cities: sampleCities(),
      languages: ['en'],
      env: process.env,
    });
    expect(result.code, JSON.stringify(result.files.flatMap((f) => f.messages.filter((m) => m.fatal).map((m) => m.reason)))).toBe(0);
    return (result.manifest?.documents ?? []).map((d) => path.join(outDir, d.outputs.html?.path ?? ''));
  }

  it('knows the three shipped themes', () => {
    expect(themes).toEqual(['almanac', 'civic', 'default']);
  });

  it.each(['almanac', 'civic', 'default'])('%s: no WCAG 2.1 A/AA violation and a focus ring of 3:1 on every link', async (theme) => {
    const files = await buildIn(theme);
    expect(files).toHaveLength(sampleCities().length);
    // The sampled cities' pages audited at once, one browser page each (#8: the suite's time).
    await Promise.all(files.map((file) => audit(file)));
  });

  async function audit(file: string): Promise<void> {
    const page = await browser.newPage();
    try {
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      expect(await axeViolations(page, ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']), file).toEqual([]);

      // A real key press first, so focus moved by script afterwards shows as keyboard focus (:focus-visible).
      await page.keyboard.press('Tab');
      const rings = (await page.evaluate(() => {
        const rgb = (css: string) => (css.match(/[\d.]+/g) ?? []).map(Number);
        const luminance = ([r = 0, g = 0, b = 0]: number[]) => {
          const c = (v: number) => (v / 255 <= 0.04045 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4);
          return 0.2126 * c(r) + 0.7152 * c(g) + 0.0722 * c(b);
        };
        const contrast = (a: number[], b: number[]) => {
          const [x, y] = [luminance(a), luminance(b)];
          return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
        };
        const background = (start: Element | null) => {
          for (let el = start; el; el = el.parentElement) {
            const [r, g, b, a = 1] = rgb(getComputedStyle(el).backgroundColor);
            if (a > 0) return [r ?? 255, g ?? 255, b ?? 255];
          }
          return [255, 255, 255];
        };
        return Array.from(document.querySelectorAll('a[href]'), (link) => {
          (link as HTMLElement).focus();
          const style = getComputedStyle(link);
          const ring = rgb(style.outlineColor);
          return {
            link: `${link.className || link.tagName} ${link.getAttribute('href')}`,
            style: link.matches(':focus-visible') ? style.outlineStyle : 'not focus-visible',
            width: Number.parseFloat(style.outlineWidth),
            ratio: Math.min(contrast(ring, background(link.parentElement)), contrast(ring, background(link))),
          };
        });
      })) as FocusRing[];
      expect(rings.length, file).toBeGreaterThan(20);
      const weak = rings.filter((r) => r.style !== 'solid' || r.width < 2 || Math.floor(r.ratio * 100) / 100 < 3);
      expect(weak, file).toEqual([]);
    } finally {
      await page.close();
    }
  }
});
