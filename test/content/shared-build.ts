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

/** Where the shared build goes: one folder per checkout. */
export const sharedOutDir = () => path.join(os.tmpdir(), `bp-content-${createHash('sha256').update(repoRoot).digest('hex').slice(0, 12)}`);

/**
 * The shipped project built once for the content tests that read its PDFs (print finish, tagging, fonts,
 * translations, accessibility): `start-shared-build.ts` starts it in a process of its own before any test
 * file runs (the content project's global setup), so it prints while the toolkit's tests run; every
 * content test file asks for the same build into the same folder and waits for its lock, then gets the
 * build's record (#14: an unchanged build is answered from it, nothing printed). Both run the compiled
 * toolkit (dist/, compiled from src/ before any test), so the record's key, which hashes the toolkit's
 * code, is the same. The documents returned are those of these cities only.
 */
export async function sharedBuild(): Promise<{ outDir: string; result: BuildResult; documents: ManifestDocument[] }> {
  const { build } = (await import(distIndex)) as { build: typeof import('../../src/pipeline/build.js').build };
  const outDir = sharedOutDir();
  for (let waited = 0; ; waited += 2000) {
    const result = await build(sharedBuildOptions());
    const locked = collectMessages(result.files).some((m) => m.ruleId === 'output-locked');
    if (!locked || waited > 20 * 60_000) {
      const documents = (result.manifest?.documents ?? []).filter((d) => sharedCities.includes(d.city));
      return { outDir, result, documents };
    }
    await sleep(2000);
  }
}

/** The compiled toolkit's entry point. */
export const distIndex = pathToFileURL(path.join(repoRoot, 'dist/index.js')).href;

/** The one build's options, the same in the process that starts it and in the test files. */
export const sharedBuildOptions = () => ({
  root: repoRoot,
  outDir: sharedOutDir(),
  cities: sharedCities,
  env: { ...process.env, SOURCE_DATE_EPOCH: '1700000000' },
});
