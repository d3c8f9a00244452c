import { realpathSync } from 'node:fs';
import type { VFile } from 'vfile';
import { type ExitCode, exitCodeOf, exitCodes } from '../diagnostics/exit-codes.js';
import { commandFile, dedupeMessages } from '../diagnostics/messages.js';
import { findBrowser } from '../pdf/find-browser.js';
import type { Project } from '../project/load-project.js';
import { type Manifest, sha256 } from './manifest.js';
import { Run, type Timings } from './run.js';
import { fileStamp, inputStamp, readRecord, replayFiles, saveRecord } from './run-record.js';
import { type BuildOptions, type BuildSettings, checkOutputFolder, settleOptions } from './settings.js';

export type { BuildOptions, Format, ProgressEvent } from './settings.js';

export interface BuildResult {
  code: ExitCode;
  /** Every file read, with its messages; problems of the request or the machine are on a file without a path. */
  files: VFile[];
  /** The documents this build made (absent when it failed). */
  manifest?: Manifest;
  /** The project as loaded (absent when it could not be): the preview reads which files each guide uses. */
  project?: Project;
  timings: Timings;
  /** True when nothing changed since the same build and its result was taken from its record (#14). */
  reused?: boolean;
}

/**
 * The pipeline (#8): plan → load themes → render → stage → print → publish. Each stage reports problems as
 * messages; the build stops after the first stage with errors, and nothing reaches the output folder
 * unless every document succeeded.
 */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const settings = settleOptions(options);
  const run = new Run(settings.signal);
  // #14: the same build of unchanged sources into an output folder it left intact is answered from its record.
  const unchanged = await unchangedBuild(settings);
  if (unchanged && 'result' in unchanged) return unchanged.result;
  let manifest: Manifest | undefined;
  const loaded: { project?: Project; published?: string[] } = {};
  try {
    const { runBuild } = await import('./build-stages.js');
    manifest = await runBuild(settings, run, loaded);
  } catch (cause) {
    run.internalError(cause);
  }
  dedupeMessages(run.files);
  if (unchanged && manifest && run.code === exitCodes.ok && loaded.published && !settings.signal?.aborted)
    await saveRecord(settings.outDir, 'build', unchanged.key, {
      stamp: unchanged.stamp,
      files: run.allFiles(),
      result: manifest,
      outputs: loaded.published,
    }).catch(() => undefined);
  return {
    code: run.code,
    files: run.allFiles(),
    ...(manifest && run.code === exitCodes.ok ? { manifest } : {}),
    ...(loaded.project ? { project: loaded.project } : {}),
    timings: run.timings,
  };
}

/**
 * The record of the last build with these settings when nothing it read has changed since and what it
 * published is still in place (`result`); else what to record this build under (`key`, `stamp`). Only for a
 * build from the command line that may reuse its output (not `--no-cache`, not the preview).
 */
async function unchangedBuild(settings: BuildSettings): Promise<{ result: BuildResult } | { key: unknown; stamp: string } | undefined> {
  if (settings.cache || !settings.reuseOutput || !checkOutputFolder(settings, commandFile())) return undefined;
  const env = Object.fromEntries(
    ['SOURCE_DATE_EPOCH', 'BLUEPRINT_BROWSER', 'PUPPETEER_EXECUTABLE_PATH', 'PATH'].map((name) => [name, settings.env[name] ?? null]),
  );
  const key = {
    root: settings.root,
    outDir: settings.outDir,
    blueprints: settings.blueprints,
    cities: settings.cities,
    languages: settings.languages,
    caseStudies: settings.caseStudies,
    formats: settings.formats,
    shard: settings.shard ?? null,
    browser: settings.browser ?? null,
    env,
  };
  // The browser that would print, by its files: an upgraded browser prints again (as the PDF cache does).
  let browser = '';
  if (settings.formats.includes('pdf')) {
    try {
      const found = await findBrowser({ ...(settings.browser ? { flag: settings.browser } : {}), env: settings.env });
      browser = `${found.executablePath} ${fileStamp(found.executablePath)} ${fileStamp(realpathSync(found.executablePath))}`;
    } catch {
      return undefined;
    }
  }
  const stamp = sha256(`${inputStamp(settings.root, settings.outDir, key)}\n${browser}`);
  const record = readRecord<Manifest>(settings.outDir, 'build', key, stamp);
  if (!record) return { key, stamp };
  const files = replayFiles(record);
  return { result: { code: exitCodeOf(files), files, manifest: record.result, timings: { loadMs: 0, htmlMs: 0, browserMs: 0, pdfMs: 0 }, reused: true } };
}
