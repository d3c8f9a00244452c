import path from 'node:path';
import type { VFile } from 'vfile';
import { type ExitCode, exitCodeOf } from '../diagnostics/exit-codes.js';
import type { SectionGrade } from '../markdown/plain-language/check-plain-language.js';
import type { RenderRecord } from './check-renders.js';
import { Run } from './run.js';
import { changedFiles, inputStamps, readRecord, replayFiles, saveRecord } from './run-record.js';
import { defaultOutDir, mayCache } from './settings.js';

export type { SectionGrade } from '../markdown/plain-language/check-plain-language.js';

export interface CheckOptions {
  root: string;
  signal?: AbortSignal;
  /** Warnings become errors (exit code 1): for CI that holds the guides to the plain-language limits (#13). */
  strict?: boolean;
  /** Every plain-language finding, not only the first few per file. */
  verbose?: boolean;
  /**
   * Keep what was parsed and judged in `out/.blueprint-cache/` and parse and judge again only the files
   * that changed (#13); default true, false for `--no-cache`.
   */
  cache?: boolean;
  /**
   * Check only these guides, city editions and languages (as `build` takes them; `cities` may hold "all").
   * Every source is still loaded and validated; what is narrowed is which editions are rendered and
   * whose sections and case studies are judged for plain language. Default: every one.
   */
  blueprints?: string[];
  cities?: string[];
  languages?: string[];
  /** Called as each guide is rendered: `done` of `total`, and which. */
  onProgress?: (event: { document: string; done: number; total: number }) => void;
}

export interface CheckResult {
  code: ExitCode;
  files: VFile[];
  /** How many edition documents were checked (every city × language × blueprint). */
  documents: number;
  /** How many were rendered to do it: one per blueprint and language. */
  rendered: number;
  /** The reading grade of each section and case study (source language). */
  grades: SectionGrade[];
  /** The project's limit (reading_grade). */
  readingGrade: number;
}

/**
 * The build's first stages without print and publish (#8), fast (#13): load and validate once, plan every
 * city's edition in every language (so an edition problem is still found), then render each guide once
 * per language, since an edition changes only the `:city[…]` values and which case studies fill the
 * slots. Those are checked directly: every city's fields at every variable, every case study on its own,
 * every logo. Then the plain-language checks, once per source file.
 */
export async function check(options: CheckOptions): Promise<CheckResult> {
  const run = new Run(options.signal);
  const root = path.resolve(options.root);
  const outDir = defaultOutDir(root);
  const useCache = options.cache !== false && mayCache(outDir, root);
  // #13: the same check of unchanged sources is answered from the last one's record.
  const recordKey = {
    root,
    verbose: options.verbose ?? false,
    ...(isNarrowed(options) ? { blueprints: options.blueprints ?? [], cities: options.cities ?? [], languages: options.languages ?? [] } : {}),
  };
  const stamps = useCache ? inputStamps(root, outDir, recordKey) : undefined;
  const stamp = stamps?.stamp;
  const record = stamp ? readRecord<Stored>(outDir, 'check', recordKey, stamp) : undefined;
  if (record) return finish(replayFiles(record), record.result, options.strict);
  // Otherwise the last check's renders of the guides that no changed file can change are reused.
  const last = stamps ? readRecord<Stored>(outDir, 'check', recordKey, 'any') : undefined;
  const changed = stamps && last?.result.inputs ? changedFiles(root, last.result.inputs, stamps.files) : undefined;
  let result: Recorded = { documents: 0, rendered: 0, grades: [], readingGrade: 9 };
  let renders: Record<string, RenderRecord> = {};
  try {
    const { checkSources } = await import('./check-sources.js');
    ({ renders, ...result } = await checkSources(options, { root, outDir, useCache, changed, lastRenders: last?.result.renders }, run));
  } catch (cause) {
    run.internalError(cause);
  }
  const stopped = options.signal?.aborted || run.allFiles().some((file) => file.messages.some((m) => m.ruleId === 'internal-error'));
  if (stamps && !stopped)
    await saveRecord<Stored>(outDir, 'check', recordKey, {
      stamp: stamps.stamp,
      files: run.allFiles(),
      result: { ...result, inputs: stamps.files, renders },
      outputs: [],
    }).catch(() => undefined);
  return finish(run.allFiles(), result, options.strict);
}

/** Whether the check was asked for some guides, cities or languages rather than every one. */
export function isNarrowed(options: Pick<CheckOptions, 'blueprints' | 'cities' | 'languages'>): boolean {
  return Boolean(options.blueprints?.length || (options.cities?.length && !options.cities.includes('all')) || options.languages?.length);
}

type Recorded = Omit<CheckResult, 'code' | 'files'>;
/** A check's record: its result, each project file's stamp and each document's render (see renderOrReplay). */
type Stored = Recorded & { inputs?: Record<string, string>; renders?: Record<string, RenderRecord> };

/** The result of a check, its warnings made errors with --strict (after recording: a record is the same for both). */
function finish(files: VFile[], stored: Stored, strict: boolean | undefined): CheckResult {
  if (strict) for (const file of files) for (const message of file.messages) if (message.fatal === false) message.fatal = true;
  const { documents, rendered, grades, readingGrade } = stored;
  return { code: exitCodeOf(files), files, documents, rendered, grades, readingGrade };
}
