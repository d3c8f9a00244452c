// npm run bench: builds the shipped project and prints where the time goes, from one run:
// HTML time per document, PDF time per document and per page, the browser's start cost, peak memory,
// and the floor (plain puppeteer page.pdf() of the same HTML with one already-open browser).
// Speed is measured here, never by timed tests. Numbers go in the README with the machine.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launch } from 'puppeteer-core';
import { build, findBrowser } from '../../dist/index.js';
import { chromiumArgs } from '../../dist/pdf/open-browser.js';
import { makeLongProject } from '../fixtures/make-long-project.js';
import { checkContents, strandedHeadings } from '../pdf-contents.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);

async function buildOnce(outDir, formats, blueprints) {
  const result = await build({ root, outDir, formats, env: process.env, ...(blueprints ? { blueprints } : {}) });
  if (result.code !== 0) throw new Error(`build failed with exit code ${result.code}: ${result.files.flatMap((f) => f.messages).filter((m) => m.fatal).map(String).join('; ') || 'see blueprint check'}`);
  return result;
}

// Child mode: build N documents and report this process's peak memory.
if (args[0] === '--memory') {
  const { listProject } = await import('../../dist/index.js');
  const ids = (await listProject({ root })).listing.blueprints.map((b) => b.id).slice(0, Number(args[1]));
  const out = mkdtempSync(path.join(os.tmpdir(), 'bp-bench-mem-'));
  await buildOnce(out, ['html', 'pdf'], ids);
  rmSync(out, { recursive: true, force: true });
  console.log(JSON.stringify({ documents: ids.length, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
  process.exit(0);
}

const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const chromium = await findBrowser({ env: process.env });
const version = spawnSync(chromium.executablePath, ['--version'], { encoding: 'utf8' }).stdout.trim();
console.log(`machine: ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${version}`);

// HTML only, one edition (after start-up: modules loaded, project read once before timing).
const htmlOut = mkdtempSync(path.join(os.tmpdir(), 'bp-bench-html-'));
await buildOnce(htmlOut, ['html']);
const html = await buildOnce(htmlOut, ['html']);
const docs = html.manifest.documents.length;
console.log(`html: ${docs} documents in ${html.timings.htmlMs.toFixed(0)} ms (${(html.timings.htmlMs / docs).toFixed(1)} ms per document; load ${html.timings.loadMs.toFixed(0)} ms)`);

// Full build with PDFs.
const pdfOut = mkdtempSync(path.join(os.tmpdir(), 'bp-bench-pdf-'));
const full = await buildOnce(pdfOut, ['html', 'pdf']);
const pages = full.manifest.documents.reduce((n, d) => n + (d.outputs.pdf?.pages ?? 0), 0);
console.log(`browser start: ${full.timings.browserMs.toFixed(0)} ms (${chromium.executablePath}, ${chromium.source})`);
console.log(
  `pdf: ${docs} documents, ${pages} pages in ${full.timings.pdfMs.toFixed(0)} ms (${(full.timings.pdfMs / docs).toFixed(0)} ms per document, ${(full.timings.pdfMs / pages).toFixed(1)} ms per page; contents page numbers need 2 prints each)`,
);

// The floor: plain page.pdf() of the same HTML, one already-open browser, one page, no post-processing.
const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'bp-bench-floor-'));
const browser = await launch({ executablePath: chromium.executablePath, headless: true, args: chromiumArgs, userDataDir });
const page = await browser.newPage();
const t = performance.now();
for (const doc of full.manifest.documents) {
  await page.goto(pathToFileURL(path.join(pdfOut, doc.outputs.html.path)).href, { waitUntil: 'load' });
  await page.pdf({ preferCSSPageSize: true, printBackground: true });
}
const floor = performance.now() - t;
await browser.close();
rmSync(userDataDir, { recursive: true, force: true });
console.log(`floor: plain page.pdf() of the same ${docs} documents, one page, sequential: ${floor.toFixed(0)} ms (${(floor / docs).toFixed(0)} ms per document)`);
console.log(`ratio: toolkit PDF time / floor = ${(full.timings.pdfMs / floor).toFixed(2)}x (target ≤ 1.5x)`);

// Peak memory of the build process for few and many documents: it must not grow with the count.
for (const n of [3, docs]) {
  const child = execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--memory', String(n)], { encoding: 'utf8' });
  const { documents, maxRssMb } = JSON.parse(child.trim().split('\n').at(-1));
  console.log(`peak memory (node process, html+pdf): ${documents} documents → ${maxRssMb.toFixed(0)} MB`);
}
// A long document (#5): every shipped guide's sections three times over. Its contents are checked here,
// entry by entry (#8: the tests print a shorter one, to stay fast); a wrong page number fails the bench.
const longRoot = makeLongProject(3);
const long = await build({ root: longRoot, env: process.env });
if (long.code !== 0) throw new Error('long document build failed');
const longPages = long.manifest.documents[0].outputs.pdf.pages;
const longPdf = path.join(longRoot, 'out', long.manifest.documents[0].outputs.pdf.path);
const contents = checkContents(longPdf);
const stranded = strandedHeadings(longPdf);
console.log(
  `long document: ${longPages} pages, html ${long.timings.htmlMs.toFixed(0)} ms, pdf ${(long.timings.pdfMs / 1000).toFixed(1)} s (${(long.timings.pdfMs / longPages).toFixed(1)} ms per page); contents: ${contents.entries} entries on ${contents.contentsPages} pages, ${contents.wrong.length} wrong, ${stranded.length} headings stranded at a page foot`,
);
const problems = [
  ...(longPages >= 300 ? [] : [`expected at least 300 pages, got ${longPages}`]),
  ...(contents.entries > 150 ? [] : [`expected more than 150 contents entries, got ${contents.entries}`]),
  ...contents.wrong,
  ...stranded.map((h) => `stranded heading: ${h}`),
];
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exitCode = 1;
}
rmSync(longRoot, { recursive: true, force: true });

for (const dir of [htmlOut, pdfOut]) rmSync(dir, { recursive: true, force: true });
