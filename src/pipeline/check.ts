import path from 'node:path';
import type { VFile } from 'vfile';
import { type ExitCode, exitCodeOf } from '../diagnostics/exit-codes.js';
import { hasErrors } from '../diagnostics/messages.js';
import { checkCityFields } from '../edition/check-city-fields.js';
import { applyJudgements, type Judgement, judgeSources, type SectionGrade } from '../markdown/plain-language/check-plain-language.js';
import { startJudgeThread } from '../markdown/plain-language/judge-thread.js';
import { checkCaseStudy } from '../markdown/render-body.js';
import { AssetRegistry } from '../project/asset-registry.js';
import { loadProject, type Project } from '../project/load-project.js';
import type { SourceCache } from '../project/source-cache.js';
import { FontCatalog } from '../theme/select-fonts.js';
import { affectedBlueprints } from './affected-blueprints.js';
import { checkEditionColors } from './check-edition-colors.js';
import { type CheckedDocument, fileByPath, type RenderRecord, renderOrReplay } from './check-renders.js';
import { loadThemes } from './load-themes.js';
import { type DocumentPlan, outputBase, planDocuments } from './plan-documents.js';
import { dedupeMessages } from './render-documents.js';
import { reportStubs } from './report-stubs.js';
import { Run } from './run.js';
import { changedFiles, inputStamps, readRecord, replayFiles, saveRecord } from './run-record.js';
import { defaultOutDir } from './settings.js';
import { filesRead, mayCache, openSourceCache, saveSourceCache } from './source-cache-file.js';

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
  let documents = 0;
  let rendered = 0;
  let grades: SectionGrade[] = [];
  let readingGrade = 9;
  const root = path.resolve(options.root);
  const outDir = defaultOutDir(root);
  const useCache = options.cache !== false && mayCache(outDir, root);
  // #13: the same check of unchanged sources is answered from the last one's record.
  const recordKey = { root, verbose: options.verbose ?? false };
  const stamps = useCache ? inputStamps(root, outDir, recordKey) : undefined;
  const stamp = stamps?.stamp;
  const record = stamp ? readRecord<Stored>(outDir, 'check', recordKey, stamp) : undefined;
  if (record) return finish(replayFiles(record), record.result, options.strict);
  // Otherwise the last check's renders of the guides that no changed file can change are reused.
  const last = stamps ? readRecord<Stored>(outDir, 'check', recordKey, 'any') : undefined;
  let renders: Record<string, RenderRecord> = {};
  const cache: SourceCache | undefined = useCache ? openSourceCache(outDir, root) : undefined;
  // #13: the plain-language checks run on the other core while this one renders.
  const thread = startJudgeThread();
  try {
    const loaded = await loadProject(root, cache ? { cache } : {});
    run.files.push(...loaded.files);
    const project = loaded.project;
    if (project) reportStubs(project);
    // #13: all at once — errors in the sources do not stop a check (the project holds only what is valid,
    // so it can be rendered); a stop signal or a problem of the request does.
    const mustStop = () => {
      run.shouldStop();
      return options.signal?.aborted === true || hasErrors([run.request]);
    };
    if (project && !mustStop()) {
      const plan = planDocuments(project, { blueprints: [], cities: ['all'], languages: [], caseStudies: {}, shard: undefined }, run.request);
      if (plan && !mustStop()) {
        const themes = loadThemes(project.root, [...plan.editions.map((e) => e.theme), project.config.default_theme], run.files);
        checkEditionColors(plan.editions, themes, run.request);
        documents = plan.documents.length;
        // Editions whose theme failed are skipped; the theme's messages say why.
        const chosen = onePerGuide(
          project,
          plan.documents.filter((d) => themes.has(d.edition.theme)),
        );
        const shared = {
          assets: new AssetRegistry(project.root),
          fonts: cache?.fonts ?? new FontCatalog(project.root),
          signal: options.signal,
          forCheck: true,
        };
        const changed = stamps && last?.result.inputs ? changedFiles(root, last.result.inputs, stamps.files) : undefined;
        const affected = changed ? affectedBlueprints(project, changed) : undefined;
        readingGrade = project.config.reading_grade;
        const plain = { limit: readingGrade, all: options.verbose ?? false };
        const judgeHere = () => judgeSources(project, plain, cache ? { cache } : {});
        // If the thread fails, the sources are judged here: a check never loses its plain-language findings.
        const judging: Promise<Judgement[]> | undefined = thread
          ? judgeSources(project, plain, { ...(cache ? { cache } : {}), judge: thread.judge }).catch(judgeHere)
          : undefined;
        const tracked = () => [...run.files, run.request];
        const rendering = await renderOrReplay(
          project,
          chosen,
          themes,
          shared,
          tracked,
          fileByPath(tracked, (file) => run.files.push(file)),
          affected && last?.result.renders ? { renders: last.result.renders, affected } : undefined,
          (doc, done) => options.onProgress?.({ document: `${doc.blueprint.id} (${doc.lang})`, done, total: chosen.length }),
        );
        const built = rendering.documents;
        renders = rendering.records;
        rendered = built.length;
        checkCityFields(project);
        for (const city of project.cities.values()) if (city.logo) shared.assets.add(city.logo, city.file);
        await checkUnplacedCaseStudies(project, built, shared.assets);
        grades = applyJudgements(await (judging ?? judgeHere()));
        run.shouldStop();
        // An interrupted check saves nothing: what it did not reach would be missing, not wrong, but a stop should stop.
        if (cache && !options.signal?.aborted) {
          await saveSourceCache(cache, outDir, root, filesRead(run)).catch(() => undefined);
        }
      }
    }
  } catch (cause) {
    run.internalError(cause);
  } finally {
    await thread?.close();
  }
  dedupeMessages(run.files);
  const result: Recorded = { documents, rendered, grades, readingGrade };
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

type Recorded = Omit<CheckResult, 'code' | 'files'>;
/** A check's record: its result, each project file's stamp and each document's render (see renderOrReplay). */
type Stored = Recorded & { inputs?: Record<string, string>; renders?: Record<string, RenderRecord> };

/** The result of a check, its warnings made errors with --strict (after recording: a record is the same for both). */
function finish(files: VFile[], stored: Stored, strict: boolean | undefined): CheckResult {
  if (strict) for (const file of files) for (const message of file.messages) if (message.fatal === false) message.fatal = true;
  const { documents, rendered, grades, readingGrade } = stored;
  return { code: exitCodeOf(files), files, documents, rendered, grades, readingGrade };
}

/** One document per blueprint and language: the default city's edition when it can be rendered, else the first. */
function onePerGuide(project: Project, documents: DocumentPlan[]): DocumentPlan[] {
  const chosen = new Map<string, DocumentPlan>();
  for (const doc of documents) {
    const key = `${doc.lang}\n${doc.blueprint.id}`;
    const current = chosen.get(key);
    if (!current || (current.edition.city.id !== project.config.default_city && doc.edition.city.id === project.config.default_city)) chosen.set(key, doc);
  }
  return [...chosen.values()];
}

/** Check, on its own, each case study the rendered editions did not place, in every language. */
async function checkUnplacedCaseStudies(project: Project, built: CheckedDocument[], assets: AssetRegistry): Promise<void> {
  for (const doc of built) {
    for (const study of project.caseStudies) {
      const owner = project.slots.get(study.slot)?.blueprint.id;
      if (owner !== doc.blueprint.id || doc.slots[study.slot]?.city === study.city) continue;
      const toOutRoot = '../'.repeat(doc.base.split('/').length - 1);
      const documentFor = (absolute: string) => {
        const target = project.sectionOwners.get(absolute);
        return target ? `${outputBase(project, target, doc.edition.city.id, doc.lang)}.html` : undefined;
      };
      await checkCaseStudy({ project, study, lang: doc.lang, assets, toOutRoot, documentFor, guideIds: doc.ids });
    }
  }
}
