import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { collectMessages } from '../../src/diagnostics/report.js';
import type { BuildResult } from '../../src/pipeline/build.js';
import type { ManifestDocument } from '../../src/pipeline/manifest.js';
import { repoRoot } from '../helpers.js';

/** One edition in each shipped theme: the default city (default theme), Seattle (almanac) and Denver (civic). */
export const sharedCities = ['new-york-city', 'seattle', 'denver'];

/**
 * The guides Seattle and Denver are built in (English): a sample of each theme's print (tables, checklists,
 * case studies split across pages, long notes and sources). Every guide of every edition is checked by
 * `BLUEPRINT_PRINT_ALL=1` (.github/workflows/print-check.yml); this keeps the suite in its budget.
 */
export const themedGuides = ['citizenship', 'language-access', 'plans-and-policies', 'police-community-engagement'];

/** Where the shared builds go: folders per checkout. */
export const sharedOutDir = () => path.join(os.tmpdir(), `bp-content-${createHash('sha256').update(repoRoot).digest('hex').slice(0, 12)}`);

export interface SharedBuild {
  outDir: string;
  result: BuildResult;
  documents: ManifestDocument[];
}

/**
 * The shipped project built once for the content tests that read its PDFs (print finish, tagging, fonts,
 * translations, accessibility), in two builds: the default city, every guide in every language (`sharedBuild`);
 * and the other two themes' cities, `themedGuides` in English (`sharedThemedBuild`, which only the print
 * checks wait for). `start-shared-build.ts` starts them in a
 * process of its own before any test file runs (the content project's global setup), so they print while
 * the toolkit's tests run; every content test file asks for the same builds into the same folders and
 * waits for their locks, then gets each build's record (#14: an unchanged build is answered from it,
 * nothing printed). Both run the compiled toolkit (dist/, compiled from src/ before any test), so the
 * records' keys, which hash the toolkit's code, are the same.
 */
export function sharedBuild(): Promise<SharedBuild> {
  return waitForBuild(sharedBuildOptions()[0]);
}

/** The second shared build (Seattle and Denver, `themedGuides` in English), printed after the first. */
export function sharedThemedBuild(): Promise<SharedBuild> {
  return waitForBuild(sharedBuildOptions()[1]);
}

interface SharedBuildOptions {
  root: string;
  outDir: string;
  cities: string[];
  languages?: string[];
  blueprints?: string[];
  env: Record<string, string | undefined>;
}

async function waitForBuild(options: SharedBuildOptions): Promise<SharedBuild> {
  const { build } = (await import(distIndex)) as { build: typeof import('../../src/pipeline/build.js').build };
  for (let waited = 0; ; waited += 2000) {
    const result = await build(options);
    const locked = collectMessages(result.files).some((m) => m.ruleId === 'output-locked');
    if (!locked || waited > 20 * 60_000) {
      const documents = (result.manifest?.documents ?? []).filter((d) => options.cities.includes(d.city));
      return { outDir: options.outDir, result, documents };
    }
    await sleep(2000);
  }
}

/** The compiled toolkit's entry point. */
export const distIndex = pathToFileURL(path.join(repoRoot, 'dist/index.js')).href;

/** The two builds' options, the same in the process that starts them and in the test files. */
export const sharedBuildOptions = (): [SharedBuildOptions, SharedBuildOptions] => {
  const env = { ...process.env, SOURCE_DATE_EPOCH: '1700000000' };
  return [
    { root: repoRoot, outDir: sharedOutDir(), cities: ['new-york-city'], env },
    { root: repoRoot, outDir: `${sharedOutDir()}-themes`, cities: ['seattle', 'denver'], languages: ['en'], blueprints: themedGuides, env },
  ];
};
