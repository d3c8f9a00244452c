import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findBrowser } from '../../src/pdf/find-browser.js';
import { openBrowser } from '../../src/pdf/open-browser.js';
import { type PrintResult, printDocuments } from '../../src/pdf/print-pdf.js';

/**
 * #9: the printer's own wall, behind the checks at load (theme-remote-url, image paths, SVG sanitizing):
 * whatever a printed page asks for outside the staged folder is refused and reported, never fetched.
 */
describe('printDocuments refuses requests outside the staged folder', () => {
  it('refuses a web address and a file outside the folder, and loads the folder’s own files', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'bp-print-'));
    const staged = path.join(dir, 'staged');
    mkdirSync(staged);
    writeFileSync(path.join(staged, 'own.css'), 'p{color:#123456}');
    writeFileSync(path.join(dir, 'outside.css'), 'p{color:red}');
    const htmlPath = path.join(staged, 'doc.html');
    writeFileSync(
      htmlPath,
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="stylesheet" href="own.css"><link rel="stylesheet" href="../outside.css">
<style>body{background:url(https://evil.example/track.png)}</style></head><body><p>Text.</p></body></html>`,
    );
    const choice = await findBrowser({ env: process.env });
    await using browser = await openBrowser(choice.executablePath);
    let result: PrintResult | undefined;
    await printDocuments(browser.browser, [{ htmlPath, tocIds: [], lang: 'en' }], {
      allowedRoot: staged,
      concurrency: 1,
      onPrinted: async (_job, printed) => {
        result = printed;
      },
    });
    expect([...new Set(result?.blocked)].sort()).toEqual(['https://evil.example/track.png', `file://${path.join(dir, 'outside.css')}`].sort());
    expect(result?.pages).toBe(1);
  });
});
