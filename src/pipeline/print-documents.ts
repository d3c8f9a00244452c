import path from 'node:path';
import type { VFile } from 'vfile';
import { report } from '../diagnostics/messages.js';
import { BrowserNotFoundError, findBrowser } from '../pdf/find-browser.js';
import { finishPdf, pdfDate } from '../pdf/finish-pdf.js';
import { openBrowser } from '../pdf/open-browser.js';
import { type PrintJob, printDocuments as printWithBrowser } from '../pdf/print-pdf.js';
import type { Project } from '../project/load-project.js';
import type { Theme } from '../theme/load-theme.js';
import { type OutputFile, sha256 } from './manifest.js';
import { type PdfCache, pdfKey } from './pdf-cache.js';
import type { BuiltDocument } from './render-documents.js';
import type { BuildSettings } from './settings.js';
import type { StagedOutput } from './stage-output.js';

export interface PrintContext {
  project: Project;
  themes: Map<string, Theme>;
  documents: BuiltDocument[];
  staged: StagedOutput;
  settings: BuildSettings;
  requestFile: VFile;
  timings: { browserMs: number; pdfMs: number };
  /** PDFs earlier builds published, reused when made from the same inputs (#14); saved after publishing. */
  pdfCache?: PdfCache;
}

/**
 * Print stage: one browser for the whole build, each staged HTML document printed to PDF and finished
 * (metadata, fixed ID, safe links). A missing or failing browser is an environment error on the request;
 * a refused request is a content error at the source line that asked for it. Undefined when it stopped.
 */
export async function printDocuments(ctx: PrintContext): Promise<Map<BuiltDocument, OutputFile> | undefined> {
  const { project, documents, staged, settings } = ctx;
  let choice: Awaited<ReturnType<typeof findBrowser>>;
  try {
    choice = await findBrowser({ ...(settings.browser ? { flag: settings.browser } : {}), env: settings.env });
  } catch (cause) {
    if (!(cause instanceof BrowserNotFoundError)) throw cause;
    report(ctx.requestFile, 'browser-not-found', { reason: cause.message, fix: cause.hint });
    return undefined;
  }
  const date = pdfDate(settings.env, project.config.date);
  const results = new Map<BuiltDocument, OutputFile>();
  const metaOf = (doc: BuiltDocument) => ({
    title: doc.rendered.title,
    author: doc.rendered.pdf.author,
    subject: doc.rendered.pdf.subject,
    keywords: doc.rendered.pdf.keywords,
    lang: doc.lang,
    links: doc.rendered.pdf.links,
    ...(doc.rendered.pdf.draft ? { translationStatus: 'machine-assisted draft, not yet reviewed by a professional translator' } : {}),
    date,
    idSeed: `${doc.base}\n${doc.page.sha256}`,
  });
  // #14: a document made from the same inputs as a PDF already published is not printed again.
  const keys = new Map<BuiltDocument, string>();
  const toPrint: BuiltDocument[] = [];
  let t = performance.now();
  for (const doc of documents) {
    const key = pdfKey({
      page: doc.page.sha256,
      base: doc.base,
      fonts: doc.rendered.fonts.files.map((font) => font.source),
      browser: choice.executablePath,
      meta: { ...metaOf(doc), idSeed: undefined, date: date.toISOString() },
    });
    keys.set(doc, key);
    const file = `${doc.base}.pdf`;
    const reused = ctx.pdfCache?.lookup(file, key);
    if (!reused) {
      toPrint.push(doc);
      continue;
    }
    await staged.copy(path.join(staged.outDir, reused.file.path), reused.file.path);
    if (reused.removed.length > 0) report(doc.blueprint.file, 'pdf-link-removed', { document: file, removed: reused.removed.join('; ') });
    results.set(doc, reused.file);
    settings.onProgress({
      type: 'pdf',
      document: file,
      pages: reused.file.pages ?? 0,
      passes: 0,
      measures: 0,
      reprint: 'cached',
      ms: performance.now() - t,
      done: results.size,
      total: documents.length,
    });
  }
  if (toPrint.length === 0) {
    ctx.timings.pdfMs = performance.now() - t;
    return results;
  }
  t = performance.now();
  let opened: Awaited<ReturnType<typeof openBrowser>>;
  try {
    opened = await openBrowser(choice.executablePath);
  } catch (cause) {
    // #9: stopped while the browser started (puppeteer closes it on SIGTERM): the build was interrupted,
    // the browser did not fail.
    if (settings.signal?.aborted) return undefined;
    report(ctx.requestFile, 'browser-failed', { path: choice.executablePath, reason: firstLine(cause) });
    return undefined;
  }
  await using browser = opened;
  // A stop that came while the browser started finds no listener below: close it now instead.
  if (settings.signal?.aborted) return undefined;
  // Ctrl-C or SIGTERM: close the browser at once, which ends the print in progress (#9).
  const stop = () => void browser.browser.close().catch(() => undefined);
  settings.signal?.addEventListener('abort', stop, { once: true });
  ctx.timings.browserMs = performance.now() - t;
  settings.onProgress({ type: 'browser', executablePath: choice.executablePath, source: choice.source, ms: ctx.timings.browserMs });
  t = performance.now();
  const jobs = new Map<PrintJob, BuiltDocument>();
  for (const doc of toPrint) jobs.set({ htmlPath: staged.pathOf(`${doc.base}.html`), tocIds: doc.rendered.toc.map((entry) => entry.id), lang: doc.lang }, doc);
  try {
    await printWithBrowser(browser.browser, [...jobs.keys()], {
      allowedRoot: staged.dir,
      concurrency: settings.concurrency,
      onPrinted: async (job, result) => {
        const doc = jobs.get(job) as BuiltDocument;
        for (const url of result.blocked) reportBlocked(ctx, doc, url);
        // #10: a contents entry without its page number is an error, and the PDF is not written.
        if (result.unplaced.length > 0) {
          const headings = doc.rendered.toc.filter((entry) => result.unplaced.includes(entry.id)).map((entry) => `"${entry.text}"`);
          report(doc.blueprint.file, 'contents-page-missing', { document: `${doc.base}.pdf`, headings: headings.join(', ') });
          return;
        }
        let removedLinks: string[] = [];
        const bytes = await finishPdf(
          result.pdf,
          { ...metaOf(doc), headings: result.headings, printedFrom: { root: staged.dir, document: staged.pathOf(`${doc.base}.html`) } },
          {
            onRemoved: (removed) => {
              removedLinks = removed;
              report(doc.blueprint.file, 'pdf-link-removed', { document: `${doc.base}.pdf`, removed: removed.join('; ') });
            },
          },
        );
        const file = `${doc.base}.pdf`;
        await staged.write(file, bytes);
        const output = { path: file, sha256: sha256(bytes), pages: result.pages, bytes: bytes.byteLength };
        results.set(doc, output);
        ctx.pdfCache?.remember(file, keys.get(doc) as string, output, removedLinks);
        settings.onProgress({
          type: 'pdf',
          document: file,
          pages: result.pages,
          passes: result.passes,
          measures: result.measures,
          reprint: result.reprint.path,
          ...(result.reprint.path === 'full' ? { reason: result.reprint.reason } : {}),
          fitted: {
            tightenedParts: result.partFit.tightened.length,
            filledPartEnds: result.partFit.pushed.length,
            continuedPages: result.continued.length,
            contentsPages: result.contents.pages,
          },
          ms: performance.now() - t,
          done: results.size,
          total: documents.length,
        });
      },
    });
  } catch (cause) {
    if (settings.signal?.aborted) return undefined;
    if (isWriteError(cause)) throw cause;
    report(ctx.requestFile, 'browser-failed', { path: choice.executablePath, reason: firstLine(cause) });
    return undefined;
  } finally {
    settings.signal?.removeEventListener('abort', stop);
  }
  ctx.timings.pdfMs = performance.now() - t;
  return results;
}

const firstLine = (cause: unknown) => (cause instanceof Error ? cause.message : String(cause)).split('\n')[0] ?? '';
const isWriteError = (cause: unknown) =>
  typeof (cause as NodeJS.ErrnoException)?.code === 'string' && /^E[A-Z]+$/.test((cause as NodeJS.ErrnoException).code ?? '');

/** Point a refused request at the source line that asked for it: a theme stylesheet, a section or a case study. */
function reportBlocked(ctx: PrintContext, doc: BuiltDocument, url: string): void {
  const candidates = [
    ...(ctx.themes.get(doc.edition.theme)?.cssFiles ?? []),
    ...doc.blueprint.sections.map((s) => s.file),
    ...ctx.project.caseStudies.filter((c) => doc.slots[c.slot]?.city === c.city).map((c) => c.file),
  ];
  const origin = locateText(candidates, url);
  report(origin?.file ?? doc.blueprint.file, 'blocked-request', { document: `${doc.base}.pdf`, url }, origin ? { place: origin.place } : {});
}

/** The first source file (and line, column) whose text contains `needle`. */
function locateText(files: VFile[], needle: string): { file: VFile; place: { line: number; column: number } } | undefined {
  let decoded = needle;
  try {
    decoded = needle.startsWith('file://') ? decodeURI(needle.slice('file://'.length)) : needle;
  } catch {}
  for (const file of files) {
    const text = String(file.value);
    for (const form of [needle, decoded]) {
      const index = text.indexOf(form);
      if (index < 0) continue;
      const before = text.slice(0, index).split('\n');
      return { file, place: { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 } };
    }
  }
  return undefined;
}
