import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch } from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/index.js';
import { findBrowser } from '../../src/pdf/find-browser.js';
import { chromiumArgs } from '../../src/pdf/open-browser.js';
import { copyFixture, repoRoot, run } from '../helpers.js';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface AxeResult {
  violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
}

describe('accessibility of the HTML in real Chromium (axe-core)', () => {
  let root: string;
  beforeAll(async () => {
    root = copyFixture('basic');
    const result = await run(['build', '--format', 'html'], root);
    expect(result.code, result.stderr).toBe(0);
  });

  async function audit(files: string[]) {
    const { executablePath } = await findBrowser({ env: process.env });
    const browser = await launch({ executablePath, headless: true, args: chromiumArgs });
    try {
      const page = await browser.newPage();
      for (const file of files) {
        await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
        await page.addScriptTag({ path: axePath });
        const result = (await page.evaluate(() =>
          (window as unknown as { axe: { run: (o: object) => Promise<unknown> } }).axe.run({ runOnly: ['wcag2a', 'wcag2aa', 'best-practice'] }),
        )) as AxeResult;
        const found = result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        expect(found, file).toEqual([]);
      }
    } finally {
      await browser.close();
    }
  }

  it('has no WCAG A/AA violations in a guide or the index', async () => {
    await audit(['springfield/en/welcome-desk.html', 'springfield/en/language-line.html', 'index.html'].map((f) => path.join(root, 'out', f)));
  });

  it('has none in a shipped guide in every city’s colours', async () => {
    const outDir = mkdtempSync(path.join(os.tmpdir(), 'bp-a11y-'));
    const result = await build({ root: repoRoot, outDir, formats: ['html'], blueprints: ['language-access'], cities: ['all'], env: process.env });
    expect(result.code).toBe(0);
    await audit((result.manifest?.documents ?? []).map((d) => path.join(outDir, d.outputs.html?.path ?? '')));
  });
});
