import { existsSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { type ClientRequest, request } from 'node:http';
import { type AddressInfo, connect, createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Preview, PreviewStartError, startPreview } from '../../src/preview/serve-preview.js';
import { copyFixture } from '../helpers.js';

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request sent as written: fetch() would normalise the path and refuses to set Host. */
function rawGet(base: string, path: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    request({ host: url.hostname, port: url.port, path, headers, timeout: 10_000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    })
      .on('timeout', function (this: ClientRequest) {
        this.destroy(new Error(`No answer to GET ${path} within 10 s`));
      })
      .on('error', reject)
      .end();
  });
}

/** Send bytes as they are and read the whole answer (HTTP/1.0, so the server closes the connection). */
function rawExchange(base: string, text: string): Promise<string> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    let answer = '';
    connect(Number(url.port), url.hostname)
      .setEncoding('utf8')
      .on('data', (chunk: string) => {
        answer += chunk;
      })
      .on('end', () => resolve(answer))
      .on('error', reject)
      .end(text);
  });
}

describe('blueprint preview safety (#9)', () => {
  let root: string;
  let preview: Preview;
  let port: string;
  beforeAll(async () => {
    root = copyFixture('basic');
    preview = await startPreview({ root, port: 0, env: {} });
    port = new URL(preview.url).port;
  });
  afterAll(async () => {
    await preview?.close();
  });

  it('refuses a request whose Host is not the preview’s own (DNS rebinding, #9)', async () => {
    const refused = await rawGet(preview.url, '/', { host: 'evil.example' });
    expect(refused.status).toBe(403);
    expect(refused.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(refused.body).toContain(`Refused: this preview answers only at http://127.0.0.1:${port}/`);
    expect(refused.body).toContain('DNS rebinding');
    expect(refused.body).not.toContain('<html');

    for (const host of ['evil.example:' + port, `localhost.evil.example:${port}`, `127.0.0.1:${Number(port) + 1}`, 'localhost']) {
      expect((await rawGet(preview.url, '/', { host })).status, host).toBe(403);
    }
    // HTTP/1.0 allows leaving Host out; a browser always sends it, so its absence is refused too.
    expect(await rawExchange(preview.url, 'GET / HTTP/1.0\r\n\r\n')).toMatch(/^HTTP\/1\.1 403 /);
    // The event stream too: it is what a rebinding page would listen to.
    expect((await rawGet(preview.url, '/__preview/events', { host: 'evil.example' })).status).toBe(403);

    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LocalHost:${port}`, `[::1]:${port}`]) {
      expect((await rawGet(preview.url, '/springfield/en/welcome-desk.html', { host })).status, host).toBe(200);
    }
  });

  it('answers 400 to a broken percent-encoding and keeps serving (#9)', async () => {
    for (const bad of ['/%E0%A4%A', '/%', '/springfield/%zz.html', '/%C3%28']) {
      const answer = await rawGet(preview.url, bad);
      expect(answer.status, bad).toBe(400);
      expect(answer.body, bad).toContain('Bad request: the address is not a valid URL');
    }
    const page = await rawGet(preview.url, '/springfield/en/welcome-desk.html');
    expect(page.status).toBe(200);
    expect(page.body).toContain('Find a room.');
  });

  it('keeps NUL bytes, ".." segments and links inside the output folder (#9)', async () => {
    const outside = mkdtempSync(path.join(os.tmpdir(), 'bp-outside-'));
    writeFileSync(path.join(outside, 'secret.txt'), 'TOP SECRET');
    writeFileSync(path.join(outside, 'index.html'), '<p>TOP SECRET</p>');
    const out = path.join(root, 'out');
    symlinkSync(path.join(outside, 'secret.txt'), path.join(out, 'leak.txt'));
    symlinkSync(outside, path.join(out, 'leak-dir'));
    symlinkSync('../../index.html', path.join(out, 'springfield/en/alias.html'));
    mkdirSync(path.join(out, '.staging-test'));
    writeFileSync(path.join(out, '.staging-test/half.html'), '<p>half-written</p>');

    const cases: [string, number][] = [
      ['/%00', 403],
      ['/springfield/en/welcome-desk.html%00.png', 403],
      ['/springfield/%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2fetc/passwd', 403],
      ['/..%5c..%5c..%5c..%5cetc%5cpasswd', 403],
      ['/..%2fblueprints%2fproject.yaml', 403],
      // The URL parser resolves "%2e%2e" segments itself, so this one asks for out/etc/passwd.
      ['/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd', 404],
      ['/leak.txt', 403],
      ['/leak-dir/', 403],
      ['/leak-dir/secret.txt', 403],
      ['/.staging-test/half.html', 404],
    ];
    for (const [target, status] of cases) {
      const answer = await rawGet(preview.url, target);
      expect(answer.status, target).toBe(status);
      expect(answer.body, target).not.toMatch(/TOP SECRET|root:|half-written|Fixture Blueprints/);
    }
    // A link that stays inside the output folder is still served.
    const alias = await rawGet(preview.url, '/springfield/en/alias.html');
    expect(alias.status).toBe(200);
    expect(alias.body).toContain('Fixture Blueprints');
  });

  it('sends nosniff and a Content-Security-Policy on every answer, allowing only its own script (#9)', async () => {
    const policy =
      "default-src 'self'; script-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; font-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    writeFileSync(path.join(root, 'out/springfield/en/old-build.pdf'), '%PDF-1.7\n');
    const answers = {
      page: await rawGet(preview.url, '/springfield/en/welcome-desk.html'),
      index: await rawGet(preview.url, '/'),
      script: await rawGet(preview.url, '/__preview/live.js'),
      pdf: await rawGet(preview.url, '/springfield/en/old-build.pdf'),
      missing: await rawGet(preview.url, '/springfield/en/no-such-page.html'),
      badEncoding: await rawGet(preview.url, '/%'),
      otherHost: await rawGet(preview.url, '/', { host: 'evil.example' }),
    };
    const events = await fetch(`${preview.url}__preview/events`);
    await events.body?.cancel();
    const headersOf = Object.fromEntries([
      ...Object.entries(answers).map(([name, a]) => [
        name,
        { status: a.status, nosniff: a.headers['x-content-type-options'], csp: a.headers['content-security-policy'] },
      ]),
      ['events', { status: events.status, nosniff: events.headers.get('x-content-type-options'), csp: events.headers.get('content-security-policy') }],
    ]);
    const expected = (status: number, csp = policy) => ({ status, nosniff: 'nosniff', csp });
    expect(headersOf).toEqual({
      page: expected(200),
      index: expected(200),
      script: expected(200),
      // Chrome's PDF viewer needs object-src (crbug.com/271452).
      pdf: expected(200, policy.replace("object-src 'none'", "object-src 'self'")),
      missing: expected(404),
      badEncoding: expected(400),
      otherHost: expected(403),
      events: expected(200),
    });
    expect(answers.page.headers['cross-origin-resource-policy']).toBe('same-origin');

    // The page's only script is the preview's own file: no inline script for the policy to block.
    expect(answers.page.body.match(/<script\b[^>]*>/gi)).toEqual(['<script src="/__preview/live.js">']);
    expect(answers.script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(answers.script.body).toContain("new EventSource('/__preview/events')");
  });
});

describe('blueprint preview on a port that is taken (#9)', () => {
  /** Watchers and listening sockets; a handle counts until its close callback has run, a loop turn later. */
  const running = async () => {
    await new Promise((resolve) => setTimeout(resolve, 20));
    return process.getActiveResourcesInfo().filter((r) => r === 'FSEventWrap' || r === 'TCPServerWrap').length;
  };

  it('rejects with a PreviewStartError and a hint, before building and leaving nothing running (#9)', async () => {
    const root = copyFixture('basic');
    const other = createServer();
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    const { port } = other.address() as AddressInfo;
    try {
      const before = await running();
      const failure = await startPreview({ root, port, env: {} }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(failure).toBeInstanceOf(PreviewStartError);
      expect(failure).toMatchObject({
        code: 'port-in-use',
        message: `Port ${port} is already in use`,
        hint: 'Stop the other preview or choose another port with --port <number> (0 picks a free one).',
      });
      expect(await running()).toBe(before);
      // It failed at once: no build ran, so there is no output folder.
      expect(existsSync(path.join(root, 'out'))).toBe(false);
    } finally {
      await new Promise((resolve) => other.close(resolve));
    }
  });

  it('rejects a port that is not a port number (#9)', async () => {
    const root = copyFixture('basic');
    await expect(startPreview({ root, port: 70000, env: {} })).rejects.toMatchObject({
      name: 'PreviewStartError',
      code: 'listen-failed',
      message: 'Port 70000 is not a port number',
      hint: 'Use a whole number from 0 to 65535: choose another port with --port <number> (0 picks a free one).',
    });
  });
});
