import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/pipeline/build.js';
import { copyFixture } from '../helpers.js';

/**
 * #14 (memory flat in the number of documents): a build writes each page into its staging folder as it is
 * rendered and does not keep it. Rendering yields to the event loop only between documents and a write needs
 * several turns of it, so the writes once fell behind: 134 of 192 pages were held in memory at once. Now a
 * document renders only after the page before the last one is written.
 */
describe('pages written as they are rendered', () => {
  it('has every page but the last two in the staging folder when a document is rendered', async () => {
    const root = copyFixture('editions');
    const outDir = path.join(root, 'out');
    const rendered: string[] = [];
    const late: string[] = [];
    const result = await build({
      root,
      outDir,
      formats: ['html'],
      cities: ['all'],
      env: {},
      onProgress: (event) => {
        if (event.type !== 'html') return;
        rendered.push(event.document);
        const staging = readdirSync(outDir).find((name) => name.startsWith('.blueprint-staging-'));
        for (const page of rendered.slice(0, -2)) if (!staging || !existsSync(path.join(outDir, staging, page))) late.push(`${page} (at ${event.document})`);
      },
    });
    expect(result.code, JSON.stringify(result.files.flatMap((f) => f.messages.map((m) => m.reason)))).toBe(0);
    expect(rendered.length).toBeGreaterThanOrEqual(6);
    expect(late).toEqual([]);
    // And every page is published.
    for (const page of rendered) expect(existsSync(path.join(outDir, page)), page).toBe(true);
  });
});
