import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { report } from '../diagnostics/messages.js';
import { linkPdf } from '../html/link-pdf.js';
import { stringsFor } from '../html/strings.js';
import { AssetRegistry } from '../project/asset-registry.js';
import { loadProject, type Project } from '../project/load-project.js';
import type { SourceCache } from '../project/source-cache.js';
import type { Theme } from '../theme/load-theme.js';
import { FontCatalog } from '../theme/select-fonts.js';
import { checkEditionColors } from './check-edition-colors.js';
import { loadThemes } from './load-themes.js';
import { type Manifest, type ManifestDocument, publishedBases, sha256 } from './manifest.js';
import { fileSize, formatById } from './output-formats.js';
import { PdfCache } from './pdf-cache.js';
import { planDocuments } from './plan-documents.js';
import { publishOutput } from './publish-output.js';
import { type BuiltDocument, renderDocuments } from './render-documents.js';
import { reportEditionStubs } from './report-stubs.js';
import type { Run } from './run.js';
import { type BuildSettings, checkOutputFolder } from './settings.js';
import { filesRead, openSourceCache, saveSourceCache } from './source-cache-file.js';
import { openOutput, type StagedOutput } from './stage-output.js';

/**
 * The build's stages after its record (#8, #14; imported only when the record does not answer, so that an
 * unchanged build loads no Markdown, rendering, browser or PDF module): load → plan → themes → render →
 * stage → print → publish.
 */
export async function runBuild(settings: BuildSettings, run: Run, loaded: { project?: Project; published?: string[] }): Promise<Manifest | undefined> {
  if (!checkOutputFolder(settings, run.request)) return undefined;
  // #14: a build from the command line keeps what it parsed in the output folder, as check does (#13); the
  // preview brings its own cache, kept in memory.
  const kept = !settings.cache && settings.reuseOutput ? openSourceCache(settings.outDir, settings.root) : undefined;
  const cache = settings.cache ?? kept;
  const project = await loadStage(settings, run, cache);
  if (project) loaded.project = project;
  if (!project || run.shouldStop()) return undefined;
  const plan = planDocuments(project, settings, run.request);
  if (!plan || run.shouldStop()) return undefined;
  reportEditionStubs(project, plan);
  const themes = loadThemes(project.root, [...plan.editions.map((e) => e.theme), project.config.default_theme], run.files);
  checkEditionColors(plan.editions, themes, run.request);
  if (run.shouldStop()) return undefined;

  const staged = await openOutput(settings.outDir, run.request);
  if (!staged) return undefined;
  // A PDF is printed from the staging folder, so it needs every file there; HTML alone does not.
  if (settings.cache && !settings.formats.includes('pdf')) staged.reusable = settings.cache.published;
  // The pages' writes, one after another (see below): ended before the staging folder is discarded, so that
  // no write lands in it after it is gone.
  let written: Promise<void> = Promise.resolve();
  try {
    const t = performance.now();
    const assets = new AssetRegistry(project.root);
    // The pages the output folder will hold after this build, so that a link to another guide's page it
    // will not hold is said (a guide built alone). Not for a shard (`merge` joins the pages) nor the preview
    // (its own cache; it serves the guides it was asked for).
    const pages = settings.shard || settings.cache ? undefined : new Set([...plan.documents.map((doc) => doc.base), ...publishedBases(settings.outDir)]);
    // #14: each page is written into the staging folder as it is rendered, and not kept in memory. The
    // files are written in turn while the next documents render, and all are written before the stage ends.
    const documents = await renderDocuments(
      project,
      plan.documents,
      themes,
      { assets, fonts: cache?.fonts ?? new FontCatalog(project.root), signal: settings.signal, reportFallbacks: true, ...(pages ? { pages } : {}) },
      (doc, html, done) => {
        const before = written;
        written = written.then(() => staged.write(`${doc.base}.html`, html));
        // Handled when awaited below; noted now so that a failure before then is not an unhandled rejection.
        written.catch(() => undefined);
        // Said as it is rendered, so that a stop asked for meanwhile is heard before the next document.
        settings.onProgress({ type: 'html', document: `${doc.base}.html`, done, total: plan.documents.length });
        // The next document renders once the page before this one is written: at most two pages wait in
        // memory. Rendering yields to the event loop only between documents, and a write needs several turns
        // of it, so without this the writes fell behind and 134 of 192 pages were held at once (#14).
        return before;
      },
    );
    await written;
    run.timings.htmlMs = performance.now() - t;
    const manifest = run.shouldStop() ? undefined : await writeStage(project, themes, documents, assets, staged, settings, run);
    loaded.published = staged.files();
    if (!manifest) await staged.discard();
    else for (const file of staged.files()) if (file.startsWith('assets/')) settings.cache?.published.add(file);
    // Only after a build that published: a failed build leaves the output folder as it was.
    if (manifest && kept) await saveSourceCache(kept, settings.outDir, settings.root, filesRead(run)).catch(() => undefined);
    return manifest;
  } catch (cause) {
    await written.catch(() => undefined);
    await staged.discard();
    if (isFileSystemError(cause)) {
      report(run.request, 'output-not-writable', { dir: settings.outDir, reason: (cause as Error).message });
      return undefined;
    }
    throw cause;
  }
}

async function loadStage(settings: BuildSettings, run: Run, cache: SourceCache | undefined): Promise<Project | undefined> {
  const t = performance.now();
  const loaded = await loadProject(settings.root, cache ? { cache } : {});
  // The load reads and parses without a pause: hear a Ctrl-C that came meanwhile before going on.
  await new Promise((resolve) => setImmediate(resolve));
  run.files.push(...loaded.files);
  run.timings.loadMs = performance.now() - t;
  return loaded.project;
}

/** Stage every document's fonts and images (its page is staged as it is rendered), produce each format, publish. */
async function writeStage(
  project: Project,
  themes: Map<string, Theme>,
  documents: BuiltDocument[],
  assets: AssetRegistry,
  staged: StagedOutput,
  settings: BuildSettings,
  run: Run,
): Promise<Manifest | undefined> {
  // The pages are staged already (runBuild); their fonts and images now.
  const fonts = new Map<string, string>();
  for (const doc of documents) for (const font of doc.rendered.fonts.files) fonts.set(font.output, font.source);
  for (const asset of [...assets.assets.values()].sort((a, b) => (a.output < b.output ? -1 : 1)))
    if (!staged.isPublished(asset.output)) await staged.write(asset.output, asset.bytes);
  for (const [output, source] of [...fonts].sort()) await staged.copy(source, output);

  const outputs = new Map<BuiltDocument, ManifestDocument['outputs']>(documents.map((doc) => [doc, {}]));
  const pdfCache = PdfCache.open(staged.outDir, settings.reuseOutput);
  for (const id of settings.formats) {
    if (run.shouldStop()) return undefined;
    const produced = await formatById(id).produce({ project, themes, documents, staged, settings, requestFile: run.request, timings: run.timings, pdfCache });
    // shouldStop first: a print stopped by a signal produces nothing and must still be reported (#9).
    if (run.shouldStop() || !produced) return undefined;
    for (const [doc, file] of produced) (outputs.get(doc) as ManifestDocument['outputs'])[id] = file;
  }
  // The HTML was only the PDF's source: do not publish it.
  if (!settings.formats.includes('html')) for (const doc of documents) await staged.remove(`${doc.base}.html`);
  else await linkPdfs(project, documents, outputs, staged);
  const entries = documents.map((doc) => ({
    blueprint: doc.blueprint.id,
    city: doc.edition.city.id,
    lang: doc.lang,
    title: doc.rendered.title,
    slots: doc.slots,
    outputs: outputs.get(doc) ?? {},
  }));
  if (run.shouldStop()) return undefined;
  const manifest = await publishOutput(project, themes.get(project.config.default_theme), entries, staged, run.request, settings.cache?.fonts);
  // Only what was published is remembered; an index that cannot be written only means printing again.
  if (manifest && settings.formats.includes('pdf')) await pdfCache.save().catch(() => undefined);
  return manifest;
}

const isFileSystemError = (cause: unknown) =>
  ['ENOSPC', 'EACCES', 'EROFS', 'EPERM', 'EDQUOT', 'EIO', 'ENOTDIR', 'EEXIST', 'EISDIR', 'ENAMETOOLONG'].includes((cause as NodeJS.ErrnoException)?.code ?? '');

/**
 * #12: each published page links to its own PDF, with the pages and size only printing could tell, or
 * loses the placeholder when no PDF was made; the manifest records the page as published.
 */
async function linkPdfs(project: Project, documents: BuiltDocument[], outputs: Map<BuiltDocument, ManifestDocument['outputs']>, staged: StagedOutput) {
  for (const doc of documents) {
    const files = outputs.get(doc);
    if (!files?.html) continue;
    const pdf = files.pdf;
    const link = pdf
      ? { href: path.posix.relative(path.posix.dirname(files.html.path), pdf.path), pages: pdf.pages ?? 0, size: fileSize(pdf.bytes) }
      : undefined;
    const page = await readFile(staged.pathOf(files.html.path), 'utf8');
    const html = linkPdf(page, stringsFor(doc.lang, project.config.strings), link);
    if (html === page) continue;
    await staged.write(files.html.path, html);
    files.html = { ...files.html, sha256: sha256(html), bytes: Buffer.byteLength(html) };
  }
}
