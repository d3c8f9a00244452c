import { dedupeMessages, hasErrors } from '../diagnostics/messages.js';
import { checkCityFields } from '../edition/check-city-fields.js';
import { applyJudgements, judgeSources, type SectionGrade } from '../markdown/plain-language/check-plain-language.js';
import { startJudgeThread } from '../markdown/plain-language/judge-thread.js';
import { checkCaseStudy, checkSetAsideLinks } from '../markdown/render-body.js';
import { AssetRegistry } from '../project/asset-registry.js';
import { loadProject, type Project } from '../project/load-project.js';
import type { SourceCache } from '../project/source-cache.js';
import { FontCatalog } from '../theme/select-fonts.js';
import { affectedBlueprints } from './affected-blueprints.js';
import { type CheckOptions, isNarrowed } from './check.js';
import { checkEditionColors } from './check-edition-colors.js';
import { type CheckedDocument, fileByPath, type RenderRecord, renderOrReplay } from './check-renders.js';
import { loadThemes } from './load-themes.js';
import { type DocumentPlan, documentLinks, planDocuments } from './plan-documents.js';
import { reportStubs } from './report-stubs.js';
import type { Run } from './run.js';
import { filesRead, openSourceCache, saveSourceCache } from './source-cache-file.js';

export interface CheckedSources {
  documents: number;
  rendered: number;
  grades: SectionGrade[];
  readingGrade: number;
  /** Each rendered document's messages, for the next check (see renderOrReplay). */
  renders: Record<string, RenderRecord>;
}

/**
 * What `check` does when its last run's record does not answer it (#13; imported only then, so that an
 * unchanged project is answered without loading the Markdown and rendering modules): load and validate
 * once, plan every city's edition in every language, render each guide once per language (or take the
 * last check's render of a guide no changed file can change), check what differs by edition, and judge
 * the plain language on a second thread meanwhile. Messages land on the run's files.
 */
export async function checkSources(
  options: CheckOptions,
  at: { root: string; outDir: string; useCache: boolean; changed: string[] | undefined; lastRenders: Record<string, RenderRecord> | undefined },
  run: Run,
): Promise<CheckedSources> {
  const { root, outDir, useCache, changed, lastRenders } = at;
  let documents = 0;
  let rendered = 0;
  let grades: SectionGrade[] = [];
  let readingGrade = 9;
  let renders: Record<string, RenderRecord> = {};
  const cache: SourceCache | undefined = useCache ? openSourceCache(outDir, root) : undefined;
  // #13: started before the load, so its modules load meanwhile.
  const thread = startJudgeThread();
  try {
    const loaded = await loadProject(root, cache ? { cache } : {});
    // The load reads and parses without a pause: hear a Ctrl-C that came meanwhile before going on.
    await new Promise((resolve) => setImmediate(resolve));
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
      const plan = planDocuments(
        project,
        {
          blueprints: options.blueprints ?? [],
          cities: options.cities?.length ? options.cities : ['all'],
          languages: options.languages ?? [],
          caseStudies: {},
          shard: undefined,
        },
        run.request,
      );
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
        const affected = changed ? affectedBlueprints(project, changed) : undefined;
        readingGrade = project.config.reading_grade;
        const plain = { limit: readingGrade, all: options.verbose ?? false };
        // #13: judged on the second thread while this one renders (without a thread, here, after it renders).
        // A narrowed check judges the sections of its guides and the case studies of its cities for them.
        const only = isNarrowed(options) ? plannedSources(project, plan.documents) : undefined;
        const judge = () =>
          judgeSources(project, plain, {
            ...(only ? { only: (file: string) => only.has(file) } : {}),
            ...(cache ? { cache } : {}),
            ...(thread ? { judge: thread.judge } : {}),
          });
        const judging = thread ? judge() : undefined;
        // A stopped check does not wait for it; a failure then is no one's to hear.
        judging?.catch(() => undefined);
        const tracked = () => [...run.files, run.request];
        const rendering = await renderOrReplay(
          project,
          chosen,
          themes,
          shared,
          tracked,
          fileByPath(tracked, (file) => run.files.push(file)),
          affected && lastRenders ? { renders: lastRenders, affected } : undefined,
          (doc, done) => options.onProgress?.({ document: `${doc.blueprint.id} (${doc.lang})`, done, total: chosen.length }),
        );
        const built = rendering.documents;
        renders = rendering.records;
        rendered = built.length;
        checkCityFields(project);
        for (const city of project.cities.values()) if (city.logo) shared.assets.add(city.logo, city.file);
        await checkUnplacedCaseStudies(project, built, shared.assets, new Set(plan.editions.map((e) => e.city.id)));
        for (const source of project.setAside) await checkSetAsideLinks(project, source, shared.assets);
        // A stopped check does not wait for the judging (the thread is stopped below).
        if (!options.signal?.aborted) grades = applyJudgements(await (judging ?? judge()));
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
  return { documents, rendered, grades, readingGrade, renders };
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

/** The files of the planned guides' sections and of the planned cities' case studies for those guides. */
function plannedSources(project: Project, documents: DocumentPlan[]): Set<string> {
  const guides = new Set(documents.map((doc) => doc.blueprint.id));
  const cities = new Set(documents.map((doc) => doc.edition.city.id));
  const files = new Set<string>();
  for (const blueprint of project.blueprints) if (guides.has(blueprint.id)) for (const section of blueprint.sections) files.add(section.file.path);
  for (const study of project.caseStudies) {
    const owner = project.slots.get(study.slot)?.blueprint.id;
    if (owner && guides.has(owner) && cities.has(study.city)) files.add(study.file.path);
  }
  return files;
}

/** Check, on its own, each case study of the planned cities the rendered editions did not place, in every language. */
async function checkUnplacedCaseStudies(project: Project, built: CheckedDocument[], assets: AssetRegistry, cities: Set<string>): Promise<void> {
  for (const doc of built) {
    for (const study of project.caseStudies) {
      const owner = project.slots.get(study.slot)?.blueprint.id;
      if (owner !== doc.blueprint.id || doc.slots[study.slot]?.city === study.city || !cities.has(study.city)) continue;
      const toOutRoot = '../'.repeat(doc.base.split('/').length - 1);
      await checkCaseStudy({ project, study, lang: doc.lang, assets, toOutRoot, documentFor: documentLinks(project, doc), guideIds: doc.ids });
    }
  }
}
