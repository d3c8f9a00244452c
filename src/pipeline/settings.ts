import { lstatSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { VFile } from 'vfile';
import { commandFile, report } from '../diagnostics/messages.js';
import type { SourceCache } from '../project/source-cache.js';

export type Format = 'html' | 'pdf';

export interface BuildOptions {
  /** Project root (the folder holding blueprints/project.yaml). */
  root: string;
  /** Blueprint ids to build; all when empty. */
  blueprints?: string[];
  /** City editions to build; the project's default city when empty; `all` for every city. */
  cities?: string[];
  /** Languages to build; all of the project's when empty. */
  languages?: string[];
  /** Slot id → city id: fill one slot with another city's case study. */
  caseStudies?: Record<string, string>;
  formats?: Format[];
  /** Output folder; `<root>/out` by default. */
  outDir?: string;
  /** Browser executable for PDFs (else found: see findBrowser). */
  browser?: string;
  env?: Record<string, string | undefined>;
  /**
   * Pages printing at once in the one browser (`--jobs`); by default one more than the machine's cores: a
   * page waits on the browser between layout and PDF, and on 2 cores 3 pages built the 12 guides 2–15 %
   * faster than 2 in seven builds each in turns (and in 7 of the 9 benchmark runs in the README).
   */
  concurrency?: number;
  /**
   * Reuse the PDFs an earlier build published into the output folder when they were made from the same
   * inputs (#14); true by default, false for `--no-cache`.
   */
  reuseOutput?: boolean;
  /** Build only part `index` of `count` of the documents (CI matrices); see planDocuments. */
  shard?: { index: number; count: number };
  /** Stops the build (Ctrl-C, SIGTERM): nothing is written and the browser is closed. */
  signal?: AbortSignal;
  onProgress?: (event: ProgressEvent) => void;
  /**
   * Markdown parsed by earlier builds in this process, reused when a file's text is unchanged (#13: the
   * preview keeps one, so a save re-parses one file). Every file is still read; the output is the same.
   */
  cache?: SourceCache;
}

export type ProgressEvent =
  | { type: 'html'; document: string; done: number; total: number }
  | { type: 'browser'; executablePath: string; source: string; ms: number }
  | {
      type: 'pdf';
      document: string;
      pages: number;
      /**
       * #14: how the contents' numbers and "continued" labels got in. `none`: the one full print carried them,
       * placed from the measuring prints before it (the usual case); `full`: that print came out otherwise
       * than measured and the document was printed in full again (`passes` full prints in all, `reason`
       * says what differed); `cached`: not printed, the PDF an earlier build published from the same inputs
       * was kept (`passes` and `measures` 0).
       */
      passes: number;
      /** #14: prints that only measure where everything lands (nothing painted): one, and one more for each round of part fitting. */
      measures: number;
      reprint: 'none' | 'full' | 'cached';
      reason?: string;
      /**
       * #12: how the print was fitted: parts set a little tighter so that their last page's few lines go back
       * onto the pages before, and parts whose last page was given more lines from the page before (either:
       * one more measuring print, counted in `measures`), pages on which a case study goes on with a "continued"
       * label, and the contents' pages. Absent for a cached PDF.
       */
      fitted?: { tightenedParts: number; filledPartEnds: number; continuedPages: number; contentsPages: number };
      ms: number;
      done: number;
      total: number;
    };

/** Every option settled once, at the edge (#8): later stages never apply defaults of their own. */
export interface BuildSettings {
  root: string;
  blueprints: string[];
  cities: string[];
  languages: string[];
  caseStudies: Record<string, string>;
  formats: Format[];
  outDir: string;
  browser: string | undefined;
  env: Record<string, string | undefined>;
  concurrency: number;
  reuseOutput: boolean;
  shard: { index: number; count: number } | undefined;
  signal: AbortSignal | undefined;
  onProgress: (event: ProgressEvent) => void;
  cache: SourceCache | undefined;
}

/** Where a project's output goes unless `--out` says otherwise. */
export const defaultOutDir = (root: string) => path.join(root, 'out');

export function settleOptions(options: BuildOptions): BuildSettings {
  const root = path.resolve(options.root);
  return {
    root,
    blueprints: options.blueprints ?? [],
    cities: options.cities ?? [],
    languages: options.languages ?? [],
    caseStudies: options.caseStudies ?? {},
    formats: options.formats?.length ? [...new Set(options.formats)] : ['html', 'pdf'],
    outDir: path.resolve(root, options.outDir ?? defaultOutDir(root)),
    browser: options.browser,
    env: options.env ?? {},
    concurrency: Math.max(1, Math.floor(options.concurrency ?? defaultJobs())),
    reuseOutput: options.reuseOutput ?? true,
    shard: options.shard,
    signal: options.signal,
    onProgress: options.onProgress ?? (() => undefined),
    cache: options.cache,
  };
}

const systemFolders = [
  '/',
  '/bin',
  '/boot',
  '/dev',
  '/etc',
  '/lib',
  '/lib64',
  '/proc',
  '/run',
  '/sbin',
  '/sys',
  '/usr',
  '/var',
  '/root',
  '/home',
  '/opt',
  '/srv',
  '/tmp',
];
const sourceFolders = ['blueprints', 'themes', 'src', 'bin', 'test', 'node_modules', '.git', '.github', '.ci', 'schemas', 'docs', 'scripts', 'dist'];

/**
 * `--out` must name a folder of its own (#9): not the project itself or a folder holding it (a build
 * replaced the project's own files), not a source folder, not a system folder (`--out /`, `/proc/x`).
 */
export function checkOutputFolder(settings: Pick<BuildSettings, 'outDir' | 'root'>, requestFile: VFile): boolean {
  const out = settings.outDir;
  const refuse = (problem: string) => {
    report(requestFile, 'unsafe-output-folder', { dir: out, problem });
    return false;
  };
  const rel = path.relative(out, settings.root);
  if (rel === '') return refuse('it is the project folder itself');
  if (!rel.startsWith('..') && !path.isAbsolute(rel)) return refuse('it holds the project');
  const inProject = path.relative(settings.root, out);
  if (!inProject.startsWith('..') && !path.isAbsolute(inProject) && sourceFolders.includes(inProject.split(path.sep)[0] ?? ''))
    return refuse(`it is inside the project's ${inProject.split(path.sep)[0]}/ folder`);
  const link = linkInProject(settings.root, out);
  if (link) return refuse(`${link} in the project is a symbolic link, which could lead anywhere`);
  const home = os.homedir();
  if (out === home || out === os.tmpdir()) return refuse('it is a home or temporary folder itself');
  for (const system of systemFolders) {
    if (out === system || (['/proc', '/sys', '/dev', '/boot', '/etc', '/bin', '/sbin', '/lib', '/usr'].includes(system) && out.startsWith(`${system}/`)))
      return refuse('it is a system folder');
  }
  return true;
}

/**
 * The first folder from the project root down to `out` that is a symbolic link (#9): `out` is git-ignored
 * as a folder, not as a link, so a fork can commit `out` → blueprints/ or → ~/.ssh, and the build wrote there.
 */
function linkInProject(root: string, out: string): string | undefined {
  const rel = path.relative(root, out);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  const parts = rel.split(path.sep);
  for (let i = 1; i <= parts.length; i++) {
    const shown = parts.slice(0, i).join('/');
    try {
      if (lstatSync(path.join(root, ...parts.slice(0, i))).isSymbolicLink()) return shown;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** Whether the output folder may hold the cache: the same rules as for a build's output (#9). */
export function mayCache(outDir: string, root: string): boolean {
  return checkOutputFolder({ outDir, root }, commandFile());
}

/** The page pool's default size: the machine's cores and one more (see `concurrency`). */
export const defaultJobs = () => os.availableParallelism() + 1;
