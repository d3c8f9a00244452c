import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/pipeline/build.js';
import { check } from '../../src/pipeline/check.js';
import { copyFixture } from '../helpers.js';

/**
 * A stop signal (Ctrl-C, a cancelled CI job) reaches the toolkit as an event: rendering, which waits on
 * nothing but promises, must let the event loop run between documents, or `check` and an HTML build do not
 * hear it until every document is rendered (`check` once ran to "Check passed" after a Ctrl-C). Here the
 * stop is an event queued after the first document, as a signal's is.
 */
describe('stopping between documents', () => {
  it('check stops after the document it was rendering: exit 130, nothing more rendered', async () => {
    const root = copyFixture('basic');
    const stop = new AbortController();
    const result = await check({
      root,
      cache: false,
      signal: stop.signal,
      onProgress: (event) => {
        if (event.done === 1) setImmediate(() => stop.abort('SIGINT'));
      },
    });
    expect(result.code).toBe(130);
    expect(result.rendered).toBe(1);
    expect(result.files.flatMap((f) => f.messages).some((m) => m.ruleId === 'interrupted')).toBe(true);
  });

  it('an HTML build stops after the document it was rendering and leaves no output folder', async () => {
    const root = copyFixture('basic');
    const stop = new AbortController();
    const rendered: string[] = [];
    const result = await build({
      root,
      formats: ['html'],
      env: {},
      signal: stop.signal,
      onProgress: (event) => {
        if (event.type !== 'html') return;
        rendered.push(event.document);
        if (event.done === 1) setImmediate(() => stop.abort('SIGINT'));
      },
    });
    expect(result.code).toBe(130);
    expect(rendered).toHaveLength(1);
    expect(existsSync(path.join(root, 'out'))).toBe(false);
  });
});
