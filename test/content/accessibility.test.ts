import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/index.js';
import { auditAccessibility, noViolations } from '../audit-accessibility.js';
import { repoRoot } from '../helpers.js';
import { sharedBuild } from './shared-build.js';

/** WCAG relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * A sample of the shipped editions, not all twelve (#8: the suite must stay fast): the default edition and
 * the two cities whose brand colours are palest, where contrast on white is most at risk.
 */
function sampleCities(): string[] {
  const project = readFileSync(path.join(repoRoot, 'blueprints/project.yaml'), 'utf8');
  const defaultCity = /^default_city:\s*(\S+)/m.exec(project)?.[1] as string;
  const citiesDir = path.join(repoRoot, 'blueprints/cities');
  const palest = readdirSync(citiesDir)
    .map((city) => ({ city, text: readFileSync(path.join(citiesDir, city, 'city.yaml'), 'utf8') }))
    .map(({ city, text }) => ({ city, light: Math.max(0, ...[...text.matchAll(/"(#[0-9a-fA-F]{6})"/g)].map((m) => luminance(m[1] as string))) }))
    .filter((c) => c.city !== defaultCity)
    .sort((a, b) => b.light - a.light || a.city.localeCompare(b.city))
    .slice(0, 2)
    .map((c) => c.city);
  return [defaultCity, ...palest];
}

describe('accessibility of the shipped guides (axe-core)', () => {
  it('has none in a shipped guide in the colours of the default edition and the palest cities', async () => {
    const [defaultCity, ...palest] = sampleCities();
    expect(palest).toHaveLength(2);
    // The default city in every language the guide is published in (#10: English, and the es, zh-Hans and
    // ar drafts), from the content tests' shared build; the palest cities in English (their colours are what
    // is at risk; theme-accessibility.test.ts audits them in every theme too).
    const shared = await sharedBuild();
    expect(shared.result.code).toBe(0);
    const own = shared.documents.filter((d) => d.city === defaultCity && d.blueprint === 'language-access');
    const outDir = mkdtempSync(path.join(os.tmpdir(), 'bp-a11y-'));
    const result = await build({
      root: repoRoot,
      outDir,
      formats: ['html'],
      blueprints: ['language-access'],
      cities: palest,
      languages: ['en'],
      env: process.env,
    });
    expect(result.code).toBe(0);
    const files = [
      ...own.map((d) => path.join(shared.outDir, d.outputs.html?.path ?? '')),
      ...(result.manifest?.documents ?? []).map((d) => path.join(outDir, d.outputs.html?.path ?? '')),
    ];
    expect(files).toHaveLength(4 + 2);
    expect(await auditAccessibility(files)).toEqual(noViolations(files));
  });
});
