import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { launch } from 'puppeteer-core';
import { findBrowser } from '../src/pdf/find-browser.js';
import { chromiumArgs } from '../src/pdf/open-browser.js';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface AxeResult {
  violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
}

/**
 * WCAG 2 A/AA and best-practice violations of each HTML file, as axe-core finds them in real Chromium:
 * `file → ["rule (impact): selectors", …]`, an empty list for a file without any.
 */
export async function auditAccessibility(files: string[]): Promise<Record<string, string[]>> {
  const { executablePath } = await findBrowser({ env: process.env });
  const browser = await launch({ executablePath, headless: true, args: chromiumArgs });
  const found: Record<string, string[]> = {};
  try {
    const page = await browser.newPage();
    for (const file of files) {
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      await page.addScriptTag({ path: axePath });
      const result = (await page.evaluate(() =>
        (window as unknown as { axe: { run: (o: object) => Promise<unknown> } }).axe.run({ runOnly: ['wcag2a', 'wcag2aa', 'best-practice'] }),
      )) as AxeResult;
      found[file] = result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    }
  } finally {
    await browser.close();
  }
  return found;
}

/** What a file without violations gives: each file with an empty list. */
export const noViolations = (files: string[]) => Object.fromEntries(files.map((file) => [file, []]));
