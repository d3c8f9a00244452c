import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyFixture, run } from '../helpers.js';
import { compact, compactPages, readContents } from '../read-contents.js';

/** Headings in every script the toolkit ships fonts for, and words that are also PDF syntax. */
const headings = [
  'Café y niños: qué hace la ventanilla',
  'Chào mừng người mới đến thành phố',
  'Почему это важно',
  'কেন এটি গুরুত্বপূর্ণ',
  '왜 중요한가',
  'لماذا هذا مهم',
  'یہ کیوں اہم ہے',
  '为什么城市需要为每一位居民提供他们能够理解的语言服务以及如何开始建设这样的系统',
  'Sa k fè li enpòtan',
  'Dlaczego to ważne',
  'Pourquoi c’est important',
  'obj endobj stream endstream',
  'xref trailer startxref %%EOF',
  '%PDF-1.7 R 0 obj /Names << >> [ ] ( ) #1',
];

describe('issue 10: contents page numbers for every heading, whatever its script', () => {
  let root: string;
  let pdf: string;

  beforeAll(async () => {
    root = copyFixture('basic');
    const body = headings.map((h, i) => `## ${h}\n\n${'A paragraph of text for this heading. '.repeat(30 + i * 7)}\n`).join('\n');
    writeFileSync(path.join(root, 'blueprints/welcome-desk/sections/01-why.md'), `# Why it matters\n\n${body}`);
    const result = await run(['build', 'welcome-desk'], root);
    expect(result.code, result.stderr).toBe(0);
    pdf = path.join(root, 'out/springfield/en/welcome-desk.pdf');
  });

  it('prints in every contents entry the page its heading is on', async () => {
    const entries = await readContents(pdf, path.join(root, 'out/springfield/en/welcome-desk.html'));
    const pages = compactPages(pdf);
    expect(entries.map((e) => e.text)).toEqual(expect.arrayContaining(headings));
    for (const entry of entries) {
      expect(entry.printed, `"${entry.text}" has a number`).toBeDefined();
      expect(entry.printed, `"${entry.text}" points at page ${entry.target}`).toBe(entry.target);
      expect(pages[(entry.target as number) - 1], `"${entry.text}" is on page ${entry.target}`).toContain(compact(entry.text));
    }
    // The headings spread over several pages, so a number copied from the entry above would be caught.
    expect(new Set(entries.map((e) => e.printed)).size).toBeGreaterThan(4);
  });

  it('names every destination in short ASCII, within the 127 bytes PDF names may have', async () => {
    const doc = await PDFDocument.load(readFileSync(pdf), { updateMetadata: false });
    const names = doc.catalog
      .lookup(PDFName.of('Dests'), PDFDict)
      .keys()
      .map((key) => key.asString());
    expect(names.length).toBeGreaterThan(headings.length);
    for (const name of names) expect(name).toMatch(/^\/bp-[0-9a-f]{20}$/);
  });
});
