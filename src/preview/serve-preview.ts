import { type FSWatcher, watch } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import { collectMessages, formatMessages, summarize } from '../diagnostics/report.js';
import { type BuildOptions, build } from '../pipeline/build.js';
import { defaultOutDir } from '../pipeline/settings.js';
import { allowedHosts, isAllowedHost } from './allowed-hosts.js';
import { listenServer } from './listen-server.js';
import { addLiveScript, liveScript, liveScriptPath } from './live-script.js';
import { resolveRequestFile } from './resolve-request-file.js';
import { securityHeaders } from './security-headers.js';

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
  summary: string;
  ms: number;
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
 * `blueprint preview`: build the HTML, serve the output folder on this machine, rebuild when a source
 * changes, and reload the open pages. A broken change keeps the last good pages and shows its errors.
 */
export async function startPreview(options: PreviewOptions): Promise<Preview> {
  const outDir = options.outDir ?? defaultOutDir(options.root);
  const clients = new Set<ServerResponse>();
  const waiters: ((event: RebuildEvent) => void)[] = [];
  let lastProblem: string | undefined;

  const rebuild = async (): Promise<RebuildEvent> => {
    const t = performance.now();
    const result = await build({ ...options, outDir, formats: ['html'] });
    const messages = collectMessages(result.files);
    const report = formatMessages(messages, options.root);
    return { ok: result.code === 0, report, summary: summarize(messages), ms: performance.now() - t };
  };

  const publish = (event: RebuildEvent) => {
    lastProblem = event.ok ? undefined : event.report;
    const message = event.ok ? 'event: reload\ndata: {}\n\n' : `event: problem\ndata: ${JSON.stringify(event.report)}\n\n`;
    for (const client of clients) sendEvent(client, message);
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

  // Rebuild shortly after the last change of a burst (editors write files in several steps).
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let closing: Promise<void> | undefined;
  const rebuildAfterChange = async () => {
    if (closing) return;
    const t = performance.now();
    let event: RebuildEvent;
    try {
      event = await rebuild();
    } catch (cause) {
      // #9: a build that throws (a full disk, a file deleted while read) must not end the preview: it is
      // reported like errors in the sources, and the last good pages stay.
      const report = `error: The rebuild stopped: ${(cause as Error).message}\n  hint: Save a file to try again; if it keeps failing, restart the preview.`;
      event = { ok: false, report, summary: '1 error, 0 warnings', ms: performance.now() - t };
    }
    publish(event);
  };
  const schedule = () => {
    if (closing) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      // A throwing onRebuild must not stop the rebuilds after it.
      running = running.then(rebuildAfterChange).catch(ignore);
    }, 150);
  };
  const watchers: FSWatcher[] = [];

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
    publish(await rebuild());
  } catch (cause) {
    await close();
    throw cause;
  }
  for (const dir of ['blueprints', 'themes']) {
    try {
      // #9: a watcher fails when its folder is removed or the system runs out of watches; say nothing and
      // keep serving the last good pages rather than end the preview.
      watchers.push(watch(path.join(options.root, dir), { recursive: true }, schedule).on('error', ignore));
    } catch {
      // No such folder: nothing to watch there.
    }
  }

  const where = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${where}:${address.port}/`,
    nextRebuild: () => new Promise((resolve) => waiters.push(resolve)),
    close,
    [Symbol.asyncDispose]: close,
  };
}

const ignore = () => undefined;

/** Write one server-sent event, unless the client has gone away meanwhile (#9: a write after end throws). */
function sendEvent(client: ServerResponse, message: string): void {
  if (!client.writableEnded && !client.destroyed) client.write(message);
}

function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }).end(`${text}\n`);
}
