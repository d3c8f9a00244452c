import { readFileSync } from 'node:fs';
import { type AddressInfo, connect, createServer, type Socket } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BuildOptions, BuildResult } from '../../src/pipeline/build.js';
import { type RebuildEvent, startPreview } from '../../src/preview/serve-preview.js';
import { copyFixture, edit } from '../helpers.js';

/**
 * The real build, with two levers: hold it at its start (to close the preview while a rebuild is in
 * flight) or make it throw (as a full disk would).
 */
const lever = vi.hoisted(() => ({
  hold: undefined as Promise<void> | undefined,
  onStart: undefined as (() => void) | undefined,
  failure: undefined as Error | undefined,
}));
vi.mock('../../src/pipeline/build.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/pipeline/build.js')>();
  return {
    ...real,
    build: async (options: BuildOptions): Promise<BuildResult> => {
      lever.onStart?.();
      if (lever.failure) throw lever.failure;
      await lever.hold;
      return real.build(options);
    },
  };
});
afterEach(() => {
  lever.hold = undefined;
  lever.onStart = undefined;
  lever.failure = undefined;
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const page = 'springfield/en/welcome-desk.html';
const stepsFile = 'blueprints/welcome-desk/sections/02-steps.md';

/** Open the event stream; `text` grows as events arrive, `ended` resolves when the server ends it. */
async function openEvents(url: string): Promise<{ text: () => string; ended: Promise<void> }> {
  const response = await fetch(`${url}__preview/events`);
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  let text = '';
  const ended = (async () => {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      text += new TextDecoder().decode(value);
    }
  })();
  while (!text.includes(': connected')) await sleep(10);
  return { text: () => text, ended };
}

describe('blueprint preview lifecycle (#9)', () => {
  it('close() may be called again and waits for a rebuild that has started (#9)', async () => {
    const root = copyFixture('basic');
    const events: RebuildEvent[] = [];
    const preview = await startPreview({ root, port: 0, env: {}, onRebuild: (e) => events.push(e) });
    expect(events).toHaveLength(1);
    const stream = await openEvents(preview.url);

    let release = () => {};
    lever.hold = new Promise((resolve) => {
      release = resolve;
    });
    const started = new Promise<void>((resolve) => {
      lever.onStart = resolve;
    });
    edit(root, stepsFile, 'Find a room.', 'Find a bigger room.');
    await started;

    const first = preview.close();
    const second = preview.close();
    let closed = false;
    void Promise.all([first, second]).then(() => {
      closed = true;
    });
    await sleep(300);
    expect(closed, 'close() resolved while a rebuild was still running').toBe(false);

    release();
    await Promise.all([first, second]);
    // The rebuild finished and was reported before close() resolved, and the open page heard of it
    // before its stream was ended (writing to an ended stream used to crash the preview).
    expect(events.map((e) => e.ok)).toEqual([true, true]);
    expect(readFileSync(path.join(root, 'out', page), 'utf8')).toContain('Find a bigger room.');
    await stream.ended;
    expect(stream.text()).toContain('event: reload');

    await preview.close();
    await preview[Symbol.asyncDispose]();
    await expect(fetch(preview.url)).rejects.toThrow();
    // Nothing watches any more.
    edit(root, stepsFile, 'Find a bigger room.', 'Find the biggest room.');
    await sleep(600);
    expect(events).toHaveLength(2);
  });

  it('reports a rebuild that throws like a failed build, and goes on watching (#9)', async () => {
    const root = copyFixture('basic');
    await using preview = await startPreview({ root, port: 0, env: {} });

    lever.failure = new Error('EIO: i/o error, read');
    const failed = preview.nextRebuild();
    edit(root, stepsFile, 'Find a room.', 'Find a bigger room.');
    const event = await failed;
    expect(event.ok).toBe(false);
    expect(event.report).toBe('error: The rebuild stopped: EIO: i/o error, read\n  hint: Save a file to try again; if it keeps failing, restart the preview.');
    expect(await (await fetch(`${preview.url}${page}`)).text()).toContain('Find a room.');

    lever.failure = undefined;
    const rebuilt = preview.nextRebuild();
    edit(root, stepsFile, 'Find a bigger room.', 'Find the biggest room.');
    expect((await rebuilt).ok).toBe(true);
    expect(await (await fetch(`${preview.url}${page}`)).text()).toContain('Find the biggest room.');
  });

  it('frees its port when the first build throws (#9)', async () => {
    const root = copyFixture('basic');
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise((resolve) => probe.close(resolve));

    lever.failure = new Error('EIO: i/o error, read');
    await expect(startPreview({ root, port, env: {} })).rejects.toThrow('EIO: i/o error, read');
    await new Promise<void>((resolve, reject) => probe.once('error', reject).listen(port, '127.0.0.1', resolve));
    await new Promise((resolve) => probe.close(resolve));
  });

  it('survives clients that reset their connection, mid-stream or mid-page (#9)', async () => {
    const root = copyFixture('basic');
    await using preview = await startPreview({ root, port: 0, env: {} });
    const { hostname, port, host } = new URL(preview.url);
    const open = (target: string, until: string) =>
      new Promise<Socket>((resolve, reject) => {
        const socket = connect(Number(port), hostname).on('error', reject);
        socket.write(`GET ${target} HTTP/1.1\r\nHost: ${host}\r\n\r\n`);
        let seen = '';
        socket.on('data', (chunk) => {
          seen += chunk.toString('latin1');
          if (seen.includes(until)) resolve(socket);
        });
      });

    const listeners = await Promise.all([open('/__preview/events', ': connected'), open('/__preview/events', ': connected')]);
    for (const socket of listeners) socket.resetAndDestroy();
    const reader = await open(`/${page}`, 'HTTP/1.1 200');
    reader.resetAndDestroy();

    const rebuilt = preview.nextRebuild();
    edit(root, stepsFile, 'Find a room.', 'Find a bigger room.');
    expect((await rebuilt).ok).toBe(true);
    expect(await (await fetch(`${preview.url}${page}`)).text()).toContain('Find a bigger room.');
  });
});
