import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { collectMessages } from '../../src/diagnostics/report.js';
import { type BuildResult, build } from '../../src/pipeline/build.js';
import type { ManifestDocument } from '../../src/pipeline/manifest.js';
import { repoRoot } from '../helpers.js';

/** One edition in each shipped theme: the default city (default theme), Seattle (almanac) and Denver (civic). */
export const sharedCities = ['new-york-city', 'seattle', 'denver'];

/**
 * The shipped project built once for the content tests that read its PDFs (print finish, tagging, fonts):
 * every test file asks for the same build into the same folder; the first builds it, and the others wait
 * for its lock and get the build's record (#14: an unchanged build is answered from it, nothing printed).
 * So the suite prints the three editions once instead of once per file. The documents returned are those
 * of these cities only (the folder may hold others an earlier run built).
 */
export async function sharedBuild(): Promise<{ outDir: string; result: BuildResult; documents: ManifestDocument[] }> {
  const outDir = path.join(os.tmpdir(), `bp-content-${createHash('sha256').update(repoRoot).digest('hex').slice(0, 12)}`);
  for (let waited = 0; ; waited += 2000) {
    const result = await build({ root: repoRoot, outDir, cities: sharedCities, env: { ...process.env, SOURCE_DATE_EPOCH: '1700000000' } });
    const locked = collectMessages(result.files).some((m) => m.ruleId === 'output-locked');
    if (!locked || waited > 20 * 60_000) {
      const documents = (result.manifest?.documents ?? []).filter((d) => sharedCities.includes(d.city));
      return { outDir, result, documents };
    }
    await sleep(2000);
  }
}
