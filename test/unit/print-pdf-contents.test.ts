import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findBrowser } from '../../src/pdf/find-browser.js';
import { openBrowser } from '../../src/pdf/open-browser.js';
import { type PrintResult, printDocuments } from '../../src/pdf/print-pdf.js';

describe('printDocuments and the contents (#10)', () => {
  it('reports a contents entry whose heading lands on no page, and writes the numbers in the language’s digits', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'bp-print-'));
    const htmlPath = path.join(dir, 'doc.html');
    writeFileSync(
      htmlPath,
      `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><style>@page{size:letter} h2{break-before:page}</style></head><body>
<nav><a href="#مقدمة"><span>مقدمة</span> <span data-toc-for="مقدمة"></span></a><a href="#gone"><span>Gone</span> <span data-toc-for="gone"></span></a></nav>
<h2 id="مقدمة">مقدمة</h2><p>نص.</p></body></html>`,
    );
    const choice = await findBrowser({ env: process.env });
    await using browser = await openBrowser(choice.executablePath);
    let result: PrintResult | undefined;
    await printDocuments(browser.browser, [{ htmlPath, tocIds: ['مقدمة', 'gone'], lang: 'ar-EG' }], {
      allowedRoot: dir,
      concurrency: 1,
      onPrinted: async (_job, printed) => {
        result = printed;
      },
    });
    expect(result?.unplaced).toEqual(['gone']);
    expect([...(result?.tocPages ?? [])]).toEqual([['مقدمة', 2]]);
    expect(result?.pages).toBe(2);
    writeFileSync(path.join(dir, 'doc.pdf'), result?.bytes ?? new Uint8Array());
    const contents = execFileSync('pdftotext', ['-f', '1', '-l', '1', path.join(dir, 'doc.pdf'), '-'], { encoding: 'utf8' });
    // Arabic-Indic two, as Intl.NumberFormat('ar-EG') writes it (plain 'ar' has Latin digits in CLDR).
    expect(contents).toContain('\u0662');
  });
});
