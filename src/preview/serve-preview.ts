import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { collectMessages, formatMessages, summarize } from '../diagnostics/report.js';
import { checkPlainLanguage } from '../markdown/plain-language/check-plain-language.js';
import { affectedBlueprints } from '../pipeline/affected-blueprints.js';
import { type BuildOptions, build } from '../pipeline/build.js';
import { defaultOutDir, mayCache } from '../pipeline/settings.js';
import { openSourceCache } from '../pipeline/source-cache-file.js';
import type { MarkdownSource, Project } from '../project/load-project.js';
import { SourceCache } from '../project/source-cache.js';
import { allowedHosts, isAllowedHost } from './allowed-hosts.js';
import { listenServer } from './listen-server.js';
import { addLiveScript, liveScript, liveScriptPath } from './live-script.js';
import { resolveRequestFile } from './resolve-request-file.js';
import { securityHeaders } from './security-headers.js';
import { type FolderWatch, watchFolders } from './watch-folders.js';

export { PreviewStartError } from './preview-start-error.js';

export interface PreviewOptions extends Omit<BuildOptions, 'formats' | 'onProgress'> {
  /** 0 picks a free port. */
  port: number;
  /** Only loopback by default: a preview is for the person editing. */
  host?: string;
  /** Called after each rebuild with what to tell the person editing. */
  onRebuild?: (event: RebuildEvent) => void;
}

export interface RebuildEvent {
  ok: boolean;
  /** Compiler-style messages (errors and warnings), relative to the project. */
  report: string;
  /**
   * What a terminal prints after this rebuild: `report` without the warnings the previous rebuild already
   * reported (a city's placeholder warnings would otherwise scroll by on every save); errors are always in it.
   */
  news: string;
  /** How many of `report`'s warnings the previous rebuild already reported (left out of `news`). */
  repeated: number;
  summary: string;
  /** From the first change the watcher heard (or the start of the build) to the pages written. */
  ms: number;
  /** The pages this rebuild wrote, relative to the output folder (`chicago/en/health.html`, `index.html`). */
  pages: string[];
  /** The guides it rendered; all of them after a change that may touch every guide. */
  blueprints: string[];
}

export interface Preview extends AsyncDisposable {
  url: string;
  /** Resolves after the next rebuild (for tests and scripts). */
  nextRebuild(): Promise<RebuildEvent>;
  close(): Promise<void>;
}

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.pdf': 'application/pdf',
};

/**
 * `blueprint preview`: build the HTML, serve the output folder on this machine, rebuild what a saved
 * source affects, and update the open pages (#13). A broken change keeps the last good pages and shows
 * its errors over them.
 */
export async function startPreview(options: PreviewOptions): Promise<Preview> {
  const outDir = options.outDir ?? defaultOutDir(options.root);
  const clients = new Set<ServerResponse>();
  const waiters: ((event: RebuildEvent) => void)[] = [];
  let lastProblem: string | undefined;

  // #13: parsed sources survive between rebuilds, so a save re-parses one file and re-renders one guide.
  // The first build starts from what the last check or build kept in the project's out/.blueprint-cache/
  // (read only: the preview keeps its cache in memory and never writes that file).
  const root = path.resolve(options.root);
  const kept = defaultOutDir(root);
  const cache = mayCache(kept, root) ? openSourceCache(kept, root) : new SourceCache(root);
  let project: Project | undefined;
  let lastOk = false;
  let lastFiles: VFile[] = [];
  /** Each message of the last rebuild, as printed: the next one leaves out the warnings among them. */
  let reportedBefore = new Set<string>();
  const messagesOf = new WeakMap<RebuildEvent, VFileMessage[]>();
  /** Output page → the document it is, for PDFs on demand. */
  const pages = new Map<string, { blueprint: string; city: string; lang: string }>();

  const rebuild = async (changed: Set<string> | undefined, since: number): Promise<RebuildEvent> => {
    // After a failed rebuild every guide is rendered again: the failure may have stopped any of them.
    // An editor's temporary file (sed -i writes "sedAbC123", then renames it over the file) is gone by now:
    // it changed nothing a guide reads, so it must not make every guide render again.
    const files = changed && [...changed].filter((file) => existsSync(file) || path.extname(file) === '.md');
    const affected = files && files.length > 0 && project && lastOk ? affectedBlueprints(project, files) : undefined;
    const requested = options.blueprints?.length ? options.blueprints : undefined;
    const only = affected && [...affected].filter((id) => !requested || requested.includes(id));
    const blueprints = only?.length ? only : requested;
    const result = await build({ ...options, ...(blueprints ? { blueprints } : {}), outDir, formats: ['html'], cache });
    if (result.project) project = result.project;
    lastFiles = result.files;
    lastOk = result.code === 0;
    const messages = collectMessages(result.files);
    const report = formatMessages(messages, options.root);
    const written = result.manifest?.documents ?? [];
    for (const doc of written) if (doc.outputs.html) pages.set(doc.outputs.html.path, { blueprint: doc.blueprint, city: doc.city, lang: doc.lang });
    const event: RebuildEvent = {
      ok: result.code === 0,
      report,
      news: report,
      repeated: 0,
      summary: summarize(messages),
      ms: performance.now() - since,
      pages: result.code === 0 ? [...written.flatMap((d) => (d.outputs.html ? [d.outputs.html.path] : [])), 'index.html'] : [],
      blueprints: [...new Set(written.map((d) => d.blueprint))],
    };
    messagesOf.set(event, messages);
    return event;
  };

  /** Set the event's `news`: its messages but the warnings the last rebuild reported too. */
  const leaveOutRepeated = (event: RebuildEvent, messages: VFileMessage[]) => {
    const printed = messages.map((m) => ({ text: formatMessages([m], options.root), warning: m.fatal !== true }));
    const news = printed.filter((m) => !(m.warning && reportedBefore.has(m.text)));
    event.news = news.map((m) => m.text).join('\n');
    event.repeated = printed.length - news.length;
    reportedBefore = new Set(printed.map((m) => m.text));
  };

  const publish = async (event: RebuildEvent, changed?: Set<string>) => {
    lastProblem = event.ok ? undefined : event.report;
    let messages = messagesOf.get(event) ?? [];
    const message = event.ok
      ? `event: reload\ndata: ${JSON.stringify({ pages: event.pages, ms: Math.round(event.ms) })}\n\n`
      : `event: problem\ndata: ${JSON.stringify(event.report)}\n\n`;
    for (const client of clients) sendEvent(client, message);
    // #13: then, with the page already updated, what `check` would say about the plain language of the
    // files just saved, so the author learns while writing.
    if (event.ok && changed && project) {
      try {
        const saved = new Set(changed);
        await checkPlainLanguage(project, { limit: project.config.reading_grade, all: false }, (file) => saved.has(file));
        const sources: MarkdownSource[] = [...project.blueprints.flatMap((b) => b.sections), ...project.caseStudies];
        const files = sources.filter((s) => saved.has(s.file.path)).map((s) => s.file);
        const plain = collectMessages(files).filter((m) => plainLanguageRules.has(m.ruleId ?? ''));
        if (plain.length) {
          event.report = [event.report, formatMessages(plain, options.root)].filter(Boolean).join('\n');
          event.summary = summarize(collectMessages(lastFiles));
          messages = [...messages, ...plain];
        }
      } catch {
        // Advice only: a failure here must not keep the rebuild's report from the author.
      }
    }
    // A rebuild that threw has no messages: its news is its report.
    if (messagesOf.has(event)) leaveOutRepeated(event, messages);
    for (const waiter of waiters.splice(0)) waiter(event);
    options.onRebuild?.(event);
  };

  let hosts: string[] = [];
  const serve = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    if (!isAllowedHost(request.headers.host, hosts)) {
      sendText(
        response,
        403,
        `Refused: this preview answers only at ${hosts.map((h) => `http://${h}/`).join(', ')}. Other host names are refused because a web page could use them to read the preview (DNS rebinding).`,
      );
      return;
    }
    const route = (request.url ?? '/').split('?')[0];
    if (route === liveScriptPath) {
      response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' }).end(liveScript);
      return;
    }
    if (route?.startsWith(pdfRoute)) {
      await servePdf(route.slice(pdfRoute.length), response);
      return;
    }
    if (route === '/__preview/events') {
      // Not kept alive: when the preview closes and ends the stream, the connection closes with it.
      response.shouldKeepAlive = false;
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      response.write(': connected\n\n');
      if (lastProblem) response.write(`event: problem\ndata: ${JSON.stringify(lastProblem)}\n\n`);
      clients.add(response);
      request.on('close', () => clients.delete(response));
      return;
    }
    const found = await resolveRequestFile(outDir, request.url ?? '/');
    if (!('file' in found)) {
      sendText(response, found.status, found.reason);
      return;
    }
    let body: Buffer | string = await readFile(found.file);
    const type = types[path.extname(found.file).toLowerCase()] ?? 'application/octet-stream';
    if (type.startsWith('text/html')) body = addLiveScript(body.toString('utf8'));
    response.writeHead(200, { ...securityHeaders(type), 'content-type': type, 'cache-control': 'no-store' }).end(body);
  };
  // #9: a client that goes away mid-answer (ECONNRESET, EPIPE) is its own loss, never the preview's. Node's
  // default 'clientError' handling already answers 400 or drops the socket; responses need a listener.
  const server = createServer((request, response) => {
    response.on('error', ignore);
    for (const [name, value] of Object.entries(securityHeaders())) response.setHeader(name, value);
    serve(request, response).catch((cause: unknown) => {
      // #9: nothing a request does may end the preview; an unexpected failure is this request's answer.
      if (response.headersSent) response.destroy();
      else sendText(response, 500, `The preview could not serve ${request.url}: ${(cause as Error).message}`);
    });
  });
  // Listen before the first build: a taken port is reported at once, not after a build (#9).
  const host = options.host ?? '127.0.0.1';
  const address = await listenServer(server, options.port, host);
  // #9: once listening, the server's errors are failures to accept one connection (e.g. too many open
  // files); it goes on listening, so the preview goes on too.
  server.on('error', ignore);
  hosts = allowedHosts(host, address.port);

  // Rebuild shortly after the last change of a burst (editors write files in several steps); short, so
  // the page updates within #13's 300 ms.
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let closing: Promise<void> | undefined;
  let changed = new Set<string>();
  let firstChange: number | undefined;
  const rebuildAfterChange = async () => {
    if (closing) return;
    const files = changed;
    const since = firstChange ?? performance.now();
    changed = new Set();
    firstChange = undefined;
    let event: RebuildEvent;
    try {
      event = await rebuild(files, since);
    } catch (cause) {
      // #9: a build that throws (a full disk, a file deleted while read) must not end the preview: it is
      // reported like errors in the sources, and the last good pages stay.
      lastOk = false;
      const report = `error: The rebuild stopped: ${(cause as Error).message}\n  hint: Save a file to try again; if it keeps failing, restart the preview.`;
      event = { ok: false, report, news: report, repeated: 0, summary: '1 error, 0 warnings', ms: performance.now() - since, pages: [], blueprints: [] };
    }
    await publish(event, files);
  };
  const schedule = (file: string) => {
    if (closing) return;
    changed.add(file);
    firstChange ??= performance.now();
    clearTimeout(timer);
    timer = setTimeout(() => {
      // A throwing onRebuild must not stop the rebuilds after it.
      running = running.then(rebuildAfterChange).catch(ignore);
    }, debounceMs);
  };

  /** #13: the PDF of one page, printed on demand through the build's own print stage, then served. */
  const servePdf = async (page: string, response: ServerResponse) => {
    const doc = pages.get(page.replace(/\.pdf$/, '.html'));
    if (!doc || !page.endsWith('.pdf')) {
      sendText(response, 404, `Not found: no guide is served at ${page.replace(/\.pdf$/, '.html')}`);
      return;
    }
    let result: Awaited<ReturnType<typeof build>> | undefined;
    const job = running.then(async () => {
      result = await build({ ...options, outDir, blueprints: [doc.blueprint], cities: [doc.city], languages: [doc.lang], formats: ['html', 'pdf'], cache });
    });
    running = job.catch(ignore);
    await job;
    const file = result?.manifest?.documents[0]?.outputs.pdf?.path;
    if (result?.code !== 0 || !file) {
      sendText(response, 500, `The PDF could not be made:\n\n${formatMessages(collectMessages(result?.files ?? []), options.root)}`);
      return;
    }
    const bytes = await readFile(path.join(outDir, file));
    response.writeHead(200, { ...securityHeaders('application/pdf'), 'content-type': 'application/pdf', 'cache-control': 'no-store' }).end(bytes);
  };
  const watchers: FolderWatch[] = [];

  /** Idempotent (#9): every call gets the same promise, which waits for a rebuild that has started. */
  const close = () => {
    closing ??= (async () => {
      clearTimeout(timer);
      for (const w of watchers) w.close();
      // The rebuild may be moving files into out/, and whoever waits for its report should get it.
      await running;
      for (const client of clients) client.end();
      clients.clear();
      await new Promise((resolve) => server.close(resolve));
    })();
    return closing;
  };

  try {
    await publish(await rebuild(undefined, performance.now()));
  } catch (cause) {
    await close();
    throw cause;
  }
  // #13: every folder, not the files in it, so a save by rename is heard like any other.
  watchers.push(watchFolders([path.join(options.root, 'blueprints'), path.join(options.root, 'themes')], schedule));

  const where = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${where}:${address.port}/`,
    nextRebuild: () => new Promise((resolve) => waiters.push(resolve)),
    close,
    [Symbol.asyncDispose]: close,
  };
}

const ignore = () => undefined;
const plainLanguageRules = new Set(['reading-grade', 'hard-sentence', 'wordy-phrase', 'passive-voice', 'repeated-word']);
const debounceMs = 25;
const pdfRoute = '/__preview/pdf/';

/** Write one server-sent event, unless the client has gone away meanwhile (#9: a write after end throws). */
function sendEvent(client: ServerResponse, message: string): void {
  if (!client.writableEnded && !client.destroyed) client.write(message);
}

function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }).end(`${text}\n`);
}
