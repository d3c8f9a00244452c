import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { launch } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { findBrowser } from '../../src/pdf/find-browser.js';
import { chromiumArgs } from '../../src/pdf/open-browser.js';
import { check } from '../../src/pipeline/check.js';
import { startPreview } from '../../src/preview/serve-preview.js';
import { copyFixture, edit } from '../helpers.js';

/** Read a server-sent event stream until an event of `name` arrives. */
async function waitForEvent(url: string, name: string): Promise<string> {
  const response = await fetch(url);
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  let text = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) throw new Error(`stream ended before "${name}"`);
    text += new TextDecoder().decode(value);
    const match = new RegExp(`event: ${name}\\ndata: (.*)\\n\\n`).exec(text);
    if (match) {
      await reader.cancel();
      return match[1] as string;
    }
  }
}

describe('blueprint preview', () => {
  it('serves the built pages, rebuilds on a change, and shows errors while keeping the last good pages', async () => {
    const root = copyFixture('basic');
    await using preview = await startPreview({ root, port: 0, env: {} });
    const page = `${preview.url}springfield/en/welcome-desk.html`;

    const first = await (await fetch(page)).text();
    expect(first).toContain('Find a room.');
    expect(first).toContain('<script src="/__preview/live.js"></script></body>');
    // The live-reload script is added when serving, never written into the built files.
    expect(readFileSync(path.join(root, 'out/springfield/en/welcome-desk.html'), 'utf8')).not.toContain('__preview');

    const rebuilt = preview.nextRebuild();
    edit(root, 'blueprints/welcome-desk/sections/02-steps.md', 'Find a room.', 'Find a bigger room.');
    expect((await rebuilt).ok).toBe(true);
    expect(await (await fetch(page)).text()).toContain('Find a bigger room.');

    const broken = preview.nextRebuild();
    edit(root, 'blueprints/welcome-desk/blueprint.yaml', 'title: Welcome Desk', 'titel: Welcome Desk');
    const event = await broken;
    expect(event.ok).toBe(false);
    expect(event.report).toContain('blueprints/welcome-desk/blueprint.yaml:1:1: error: Unexpected key "titel" in the blueprint [unknown-key]');
    expect(await (await fetch(page)).text()).toContain('Find a bigger room.');
    expect(JSON.parse(await waitForEvent(`${preview.url}__preview/events`, 'problem'))).toContain('Unexpected key "titel"');

    // An encoded "../" must not reach files outside the output folder.
    const status = await new Promise<number>((resolve, reject) => {
      const url = new URL(preview.url);
      request({ host: url.hostname, port: url.port, path: '/..%2f..%2f..%2fetc%2fpasswd' }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      })
        .on('error', reject)
        .end();
    });
    expect(status).toBe(403);
  });

  it('prints after a save only what is new: warnings reported before are counted, errors always shown', async () => {
    const root = copyFixture('basic');
    // A new city's profile: a placeholder the author has not filled in yet (a warning from every load).
    edit(root, 'blueprints/cities/springfield/city.yaml', 'state: Illinois', 'state: TODO (the state)');
    const events: { news: string; repeated: number; report: string }[] = [];
    await using preview = await startPreview({ root, port: 0, env: {}, blueprints: ['welcome-desk'], onRebuild: (event) => events.push(event) });
    const steps = 'blueprints/welcome-desk/sections/02-steps.md';
    const placeholder = 'blueprints/cities/springfield/city.yaml:4:8: warning: City profile "state" is still a placeholder';
    const start = events[0] as (typeof events)[0];
    expect([start.news, start.repeated]).toEqual([start.report, 0]);
    expect(start.news).toContain(placeholder);
    let next = preview.nextRebuild();
    edit(root, steps, 'Find a room.', 'Find a bigger room.');
    let event = await next;
    expect([event.news, event.repeated]).toEqual(['', 1]);
    expect(event.report).toContain(placeholder);
    next = preview.nextRebuild();
    edit(root, steps, 'Find a bigger room.', 'Find a [bigger](javascript:void(0)) room.');
    event = await next;
    expect(event.news).toMatch(/^blueprints\/welcome-desk\/sections\/02-steps\.md:3:11: warning: Link "javascript:void\(0\)"[^\n]*\n {2}hint: [^\n]*$/);
    expect(event.repeated).toBe(1);
    // An error is printed after every save that leaves it, with the warnings still counted.
    next = preview.nextRebuild();
    edit(root, 'blueprints/welcome-desk/blueprint.yaml', 'title: Welcome Desk', 'titel: Welcome Desk');
    event = await next;
    next = preview.nextRebuild();
    edit(root, steps, 'Train staff.', 'Train the staff.');
    event = await next;
    expect(event.news).toContain('error: Unexpected key "titel"');
    expect(event.news).not.toContain('warning');
    expect(event.repeated).toBeGreaterThan(0);
  });

  it('starts from the sources the last check kept parsed, reads a saved file again, and never writes that cache', async () => {
    const root = copyFixture('basic');
    expect((await check({ root })).code).toBe(0);
    const dir = path.join(root, 'out/.blueprint-cache');
    const name = readdirSync(dir).find((f) => /^sources-[0-9a-f]{16}\.json$/.test(f));
    expect(name).toBeDefined();
    const file = path.join(dir, name as string);
    // The kept tree of a section says something its file does not (same text, so the entry stands): the
    // first page can only show it if the preview started from the cache.
    const kept = readFileSync(file, 'utf8');
    expect(kept).toContain('Find a room.');
    writeFileSync(file, kept.replaceAll('Find a room.', 'Kept from the last check.'));
    const written = readFileSync(file, 'utf8');
    await using preview = await startPreview({ root, port: 0, env: {} });
    const page = `${preview.url}springfield/en/welcome-desk.html`;
    expect(await (await fetch(page)).text()).toContain('Kept from the last check.');
    const rebuilt = preview.nextRebuild();
    edit(root, 'blueprints/welcome-desk/sections/02-steps.md', 'Find a room.', 'Find a bigger room.');
    expect((await rebuilt).ok).toBe(true);
    expect(await (await fetch(page)).text()).toContain('Find a bigger room.');
    expect(readFileSync(file, 'utf8')).toBe(written);
  });

  it('reloads an open page in Chromium under its Content-Security-Policy and shows errors over it (#9)', async () => {
    const root = copyFixture('basic');
    await using preview = await startPreview({ root, port: 0, env: {} });
    const { executablePath } = await findBrowser({ env: process.env });
    // The printing browser sends everything, loopback included, to a closed proxy and resolves no address; a preview is served on
    // loopback, so this reader's browser leaves out those two switches.
    const args = chromiumArgs.filter((arg) => !arg.startsWith('--proxy') && !arg.startsWith('--host-resolver-rules'));
    const browser = await launch({ executablePath, headless: true, args });
    try {
      const page = await browser.newPage();
      const refused: string[] = [];
      page.on('console', (m) => {
        if (/Content Security Policy/i.test(m.text())) refused.push(m.text());
      });
      await page.goto(`${preview.url}springfield/en/welcome-desk.html`, { waitUntil: 'load' });
      expect(await page.$eval('body', (b) => b.textContent)).toContain('Find a room.');
      // Let the page's event stream connect: a reload sent before that would be missed.
      await new Promise((resolve) => setTimeout(resolve, 500));

      // #13: the page is swapped in place (no navigation), so wait for its text.
      edit(root, 'blueprints/welcome-desk/sections/02-steps.md', 'Find a room.', 'Find a bigger room.');
      await page.waitForFunction(() => document.body.textContent?.includes('Find a bigger room.'), { timeout: 30_000 });

      edit(root, 'blueprints/welcome-desk/blueprint.yaml', 'title: Welcome Desk', 'titel: Welcome Desk');
      const box = await page.waitForSelector('#__preview-problem', { timeout: 30_000 });
      expect(await box?.evaluate((b) => [b.textContent, getComputedStyle(b).position])).toEqual([
        expect.stringContaining('Unexpected key "titel" in the blueprint'),
        'fixed',
      ]);
      expect(refused).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
