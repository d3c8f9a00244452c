import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { launch, type Page } from 'puppeteer-core';
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
  const browser = await launch({ executablePath, headless: true, args: [...chromiumArgs] });
  const found: Record<string, string[]> = {};
  try {
    const page = await browser.newPage();
    for (const file of files) {
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      found[file] = await axeViolations(page, ['wcag2a', 'wcag2aa', 'best-practice']);
    }
  } finally {
    await browser.close();
  }
  return found;
}

/** The violations axe-core finds in the page open in `page`, for the rule tags `runOnly`: `["rule (impact): selectors", …]`. */
export async function axeViolations(page: Page, runOnly: string[]): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  const result = (await page.evaluate(
    (tags: string[]) => (window as unknown as { axe: { run: (o: object) => Promise<unknown> } }).axe.run({ runOnly: tags }),
    runOnly,
  )) as AxeResult;
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** What a file without violations gives: each file with an empty list. */
export const noViolations = (files: string[]) => Object.fromEntries(files.map((file) => [file, []]));
