import path from 'node:path';
import type { VFile } from 'vfile';
import { type ExitCode, exitCodes } from '../diagnostics/exit-codes.js';
import { error, hasErrors, suggestion, warn } from '../diagnostics/messages.js';
import { type Edition, type EditionRequest, RequestError, resolveEdition } from '../edition/resolve-edition.js';
import { renderIndex } from '../html/render-index.js';
import { BrowserNotFoundError, findBrowser } from '../pdf/find-browser.js';
import { finishPdf, pdfDate } from '../pdf/finish-pdf.js';
import { openBrowser } from '../pdf/open-browser.js';
import { type PrintJob, printDocuments } from '../pdf/print-pdf.js';
import { AssetRegistry } from '../project/asset-registry.js';
import { loadProject, type Project } from '../project/load-project.js';
import { loadTheme, type Theme } from '../theme/load-theme.js';
import { FontCatalog } from '../theme/select-fonts.js';
import { documentKey, type Manifest, type ManifestDocument, previousDocuments, sha256, sortDocuments } from './manifest.js';
import { type BuiltDocument, type DocumentPlan, dedupeMessages, outputBase, renderPlannedDocument } from './render-edition.js';
import { StagedOutput } from './write-output.js';

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
  /** Pages printing at once; 2 by default. */
  concurrency?: number;
  onProgress?: (event: ProgressEvent) => void;
}

export type ProgressEvent =
  | { type: 'html'; document: string }
  | { type: 'browser'; executablePath: string; source: string; ms: number }
  | { type: 'pdf'; document: string; pages: number; passes: number; ms: number }
  | { type: 'fallback'; document: string; slot: string; city: string };

export interface BuildProblem {
  message: string;
  hint: string;
}

export interface BuildResult {
  code: ExitCode;
  /** Every source file read, with its messages (errors and warnings). */
  files: VFile[];
  /** The documents this build made (absent when it failed). */
  manifest?: Manifest;
  /** A usage or environment problem that stopped the build before it wrote anything. */
  problem?: BuildProblem;
  timings: { loadMs: number; htmlMs: number; browserMs: number; pdfMs: number };
}

/**
 * The pipeline: load → validate → resolve editions → render Markdown → apply theme → emit HTML → print PDF
 * → write. Nothing reaches `out/` unless every document succeeded.
 */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const timings = { loadMs: 0, htmlMs: 0, browserMs: 0, pdfMs: 0 };
  const env = options.env ?? {};
  const formats = options.formats?.length ? options.formats : (['html', 'pdf'] as Format[]);
  let t = performance.now();
  const loaded = await loadProject(options.root);
  timings.loadMs = performance.now() - t;
  const files = loaded.files;
  const fail = (code: ExitCode, problem?: BuildProblem): BuildResult => ({ code, files, timings, ...(problem ? { problem } : {}) });
  const project = loaded.project;
  if (!project || hasErrors(files)) return fail(exitCodes.content);

  // What to build.
  const plan = planDocuments(project, options);
  if ('problem' in plan) return fail(exitCodes.usage, plan.problem);
  const themes = new Map<string, Theme>();
  for (const name of new Set(plan.editions.map((e) => e.theme))) {
    const { theme, files: themeFiles } = await loadTheme(project.root, name);
    files.push(...themeFiles);
    if (theme) themes.set(name, theme);
  }
  if (hasErrors(files)) return fail(exitCodes.content);

  // Markdown → HTML, in memory.
  t = performance.now();
  const assets = new AssetRegistry();
  const fonts = new FontCatalog();
  const built: BuiltDocument[] = [];
  for (const item of plan.documents) {
    const doc = await renderPlannedDocument(project, item, themes.get(item.edition.theme) as Theme, assets, fonts);
    for (const [slot, fill] of Object.entries(doc.slots)) {
      if (fill.source === 'fallback') options.onProgress?.({ type: 'fallback', document: item.base, slot, city: fill.city });
    }
    options.onProgress?.({ type: 'html', document: `${item.base}.html` });
    built.push(doc);
  }
  for (const doc of built) {
    for (const [slot, fill] of Object.entries(doc.slots)) {
      if (fill.source !== 'fallback') continue;
      warn(
        doc.blueprint.file,
        'slot-fallback',
        `${doc.edition.city.config.name} has no case study for slot "${slot}"; the ${doc.edition.city.id} edition uses ${fill.city}'s`,
        {
          hint: `Add blueprints/cities/${doc.edition.city.id}/case-studies/${slot}.md, or choose one with --case-study ${slot}=<city>.`,
        },
      );
    }
  }
  dedupeMessages(files);
  timings.htmlMs = performance.now() - t;
  if (hasErrors(files)) return fail(exitCodes.content);

  // Stage everything; move into out/ only at the end.
  const outDir = options.outDir ?? path.join(project.root, 'out');
  let staged: StagedOutput;
  try {
    staged = await StagedOutput.create(outDir);
  } catch (cause) {
    return fail(exitCodes.environment, {
      message: `Cannot write to the output folder ${outDir}: ${(cause as Error).message}`,
      hint: 'Choose another folder with --out, or fix its permissions.',
    });
  }
  try {
    const documents: ManifestDocument[] = [];
    const fontFiles = new Map<string, string>();
    for (const doc of built) {
      await staged.write(`${doc.base}.html`, doc.rendered.html);
      for (const font of doc.rendered.fonts.files) fontFiles.set(font.output, font.source);
    }
    for (const asset of [...assets.assets.values()].sort((a, b) => a.output.localeCompare(b.output))) await staged.copy(asset.source, asset.output);
    for (const [output, source] of [...fontFiles].sort()) await staged.copy(source, output);

    const pdfs = new Map<BuiltDocument, { sha256: string; pages: number }>();
    if (formats.includes('pdf') && built.length > 0) {
      const printed = await printAll(project, themes, built, staged, options, env, timings);
      if ('problem' in printed) {
        await staged.discard();
        return fail(exitCodes.environment, printed.problem);
      }
      for (const [doc, pdf] of printed.results) pdfs.set(doc, pdf);
      if (hasErrors(files)) {
        await staged.discard();
        return fail(exitCodes.content);
      }
    }
    for (const doc of built) {
      const entry: ManifestDocument = {
        blueprint: doc.blueprint.id,
        city: doc.edition.city.id,
        lang: doc.lang,
        title: doc.rendered.title,
        slots: doc.slots,
      };
      if (formats.includes('html')) entry.html = { path: `${doc.base}.html`, sha256: sha256(doc.rendered.html) };
      const pdf = pdfs.get(doc);
      if (pdf) entry.pdf = { path: `${doc.base}.pdf`, sha256: pdf.sha256, pages: pdf.pages };
      documents.push(entry);
    }
    if (!formats.includes('html')) {
      // The HTML was only the PDF's source: do not publish it.
      for (const doc of built) await staged.remove(`${doc.base}.html`);
    }
    const manifest: Manifest = {
      generator: 'blueprints-toolkit',
      project: project.config.title,
      version: project.config.version ?? null,
      documents: sortDocuments(documents),
    };
    const all = sortDocuments([...previousDocuments(outDir, new Set(documents.map(documentKey))), ...documents]);
    const defaultTheme = themes.get(project.config.default_theme) ?? (await loadTheme(project.root, project.config.default_theme)).theme;
    if (defaultTheme) {
      const index = renderIndex(project, defaultTheme, all);
      await staged.write('index.html', index.html);
      for (const font of index.fonts.files) await staged.copy(font.source, font.output);
    }
    await staged.write('manifest.json', `${JSON.stringify({ ...manifest, documents: all }, null, 2)}\n`);
    await staged.commit();
    return { code: exitCodes.ok, files, manifest, timings };
  } catch (cause) {
    await staged.discard();
    throw cause;
  }
}

interface Plan {
  editions: Edition[];
  documents: DocumentPlan[];
}

function planDocuments(project: Project, options: BuildOptions): Plan | { problem: BuildProblem } {
  const ids = options.blueprints?.length ? options.blueprints : project.blueprints.map((b) => b.id);
  const known = project.blueprints.map((b) => b.id);
  for (const id of ids) {
    if (!known.includes(id)) {
      return { problem: { message: `Unknown blueprint "${id}"`, hint: suggestion(id, known, 'blueprints').hint } };
    }
  }
  const cityIds = options.cities?.includes('all') ? [...project.cities.keys()].sort() : options.cities?.length ? options.cities : [project.config.default_city];
  const languages = options.languages?.length ? options.languages : project.config.languages;
  for (const lang of languages) {
    if (!project.config.languages.includes(lang)) {
      return {
        problem: {
          message: `Language "${lang}" is not one of the project's`,
          hint: `The project's languages: ${project.config.languages.join(', ')} (project.yaml "languages").`,
        },
      };
    }
  }
  const editions: Edition[] = [];
  try {
    for (const city of cityIds) {
      const request: EditionRequest = { city, ...(options.caseStudies ? { caseStudies: options.caseStudies } : {}) };
      editions.push(resolveEdition(project, request));
    }
  } catch (cause) {
    if (cause instanceof RequestError) return { problem: { message: cause.message, hint: cause.hint } };
    throw cause;
  }
  const documents: DocumentPlan[] = [];
  for (const edition of editions) {
    for (const lang of languages) {
      for (const id of ids) {
        const blueprint = project.blueprints.find((b) => b.id === id) as Project['blueprints'][number];
        documents.push({ blueprint, edition, lang, base: outputBase(project, id, edition.city.id, lang) });
      }
    }
  }
  const bases = new Set<string>();
  for (const doc of documents) {
    if (bases.has(doc.base)) {
      return {
        problem: { message: `Two documents would be written to out/${doc.base}`, hint: 'Include {city} and {lang} in the project\'s "output" pattern.' },
      };
    }
    bases.add(doc.base);
  }
  return { editions, documents };
}

async function printAll(
  project: Project,
  themes: Map<string, Theme>,
  built: BuiltDocument[],
  staged: StagedOutput,
  options: BuildOptions,
  env: Record<string, string | undefined>,
  timings: BuildResult['timings'],
): Promise<{ results: Map<BuiltDocument, { sha256: string; pages: number }> } | { problem: BuildProblem }> {
  let choice: Awaited<ReturnType<typeof findBrowser>>;
  try {
    choice = await findBrowser({ ...(options.browser ? { flag: options.browser } : {}), env });
  } catch (cause) {
    if (cause instanceof BrowserNotFoundError) return { problem: { message: cause.message, hint: cause.hint } };
    throw cause;
  }
  let t = performance.now();
  let opened: Awaited<ReturnType<typeof openBrowser>>;
  try {
    opened = await openBrowser(choice.executablePath);
  } catch (cause) {
    return {
      problem: {
        message: `The browser at ${choice.executablePath} did not start: ${(cause as Error).message.split('\n')[0]}`,
        hint: 'Check that it runs (e.g. "chromium --version"), or point --browser at another one.',
      },
    };
  }
  await using browser = opened;
  timings.browserMs = performance.now() - t;
  options.onProgress?.({ type: 'browser', executablePath: choice.executablePath, source: choice.source, ms: timings.browserMs });
  t = performance.now();
  const jobs = new Map<PrintJob, BuiltDocument>();
  for (const doc of built) jobs.set({ htmlPath: staged.pathOf(`${doc.base}.html`), tocIds: doc.rendered.tocIds }, doc);
  const date = pdfDate(env, project.config.date);
  const results = new Map<BuiltDocument, { sha256: string; pages: number }>();
  await printDocuments(browser.browser, [...jobs.keys()], {
    allowedRoot: staged.dir,
    concurrency: options.concurrency ?? 2,
    onPrinted: async (job, result) => {
      const doc = jobs.get(job) as BuiltDocument;
      for (const url of result.blocked) {
        // Point at the source line that asked for it: a theme stylesheet, a section or a case study.
        const candidates = [
          ...(themes.get(doc.edition.theme)?.cssFiles ?? []),
          ...doc.blueprint.sections.map((s) => s.file),
          ...project.caseStudies.filter((c) => doc.slots[c.slot]?.city === c.city).map((c) => c.file),
        ];
        const origin = locateText(candidates, url);
        error(origin?.file ?? doc.blueprint.file, 'blocked-request', `While printing ${doc.base}.pdf the renderer was refused "${url}"`, {
          ...(origin ? { place: origin.place } : {}),
          hint: 'Documents may load only their own files: put the resource inside the project and link it relatively.',
        });
      }
      const city = doc.edition.city.config;
      const bytes = await finishPdf(result.bytes, {
        title: doc.rendered.title,
        author: `${city.office}, ${city.government}`,
        subject: doc.blueprint.config.subtitle ?? doc.blueprint.config.summary.trim(),
        keywords: [project.config.title, doc.blueprint.config.title, city.name],
        lang: doc.lang,
        date,
        idSeed: `${doc.base}\n${doc.rendered.html}`,
        printedFrom: { root: staged.dir, document: staged.pathOf(`${doc.base}.html`) },
      });
      await staged.write(`${doc.base}.pdf`, bytes);
      results.set(doc, { sha256: sha256(bytes), pages: result.pages });
      options.onProgress?.({ type: 'pdf', document: `${doc.base}.pdf`, pages: result.pages, passes: result.passes, ms: performance.now() - t });
    },
  });
  timings.pdfMs = performance.now() - t;
  return { results };
}

/** The first source file (and line, column) whose text contains `needle`. */
function locateText(files: VFile[], needle: string): { file: VFile; place: { line: number; column: number } } | undefined {
  const forms = [needle, needle.startsWith('file://') ? decodeURI(needle.slice('file://'.length)) : needle];
  for (const file of files) {
    const text = String(file.value);
    for (const form of forms) {
      const index = text.indexOf(form);
      if (index < 0) continue;
      const before = text.slice(0, index).split('\n');
      return { file, place: { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 } };
    }
  }
  return undefined;
}
