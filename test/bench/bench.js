// npm run bench (#14): the toolkit against the floor and its peers, in one run, on the same guides and the
// same Chromium, with the machine and its load printed next to the figures. Speed is measured here, never
// by timed tests. Numbers go in the README with the machine.
//
//   node test/bench/bench.js            everything
//   node test/bench/bench.js --quick    skip the 144 documents and the 400-page document
//
// The peers (pagedjs-cli, md-to-pdf) are installed on first use into test/bench/tools (its own
// package.json and lock, PUPPETEER_SKIP_DOWNLOAD=1: they use the system browser) and never into the
// toolkit's own dependencies.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launch } from 'puppeteer-core';
import { build as buildHtml, findBrowser, SourceCache } from '../../dist/index.js';
import { chromiumArgs } from '../../dist/pdf/open-browser.js';
import { defaultJobs } from '../../dist/pipeline/settings.js';
import { makeGeneratedProject, makeLongProject } from '../fixtures/make-long-project.js';
import { checkContents } from '../pdf-contents.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const quick = process.argv.includes('--quick');
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const cli = path.join(root, 'bin/blueprint.js');
const temporary = [];
const tmp = (name) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), `bp-bench-${name}-`));
  temporary.push(dir);
  return dir;
};
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const load = () => os.loadavg().map((x) => x.toFixed(1)).join(' ');

const chromium = await findBrowser({ env: process.env });
const version = spawnSync(chromium.executablePath, ['--version'], { encoding: 'utf8' }).stdout.trim();
console.log(
  `machine: ${os.availableParallelism()} × ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${version}`,
);
console.log(`load average at start: ${load()} (the machine is shared: figures vary with it)`);

/** Sum of the proportional memory (PSS, else RSS) of `pid` and every process below it, in MB. */
function treeMemoryMb(pid) {
  const children = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(entry));
    } catch {}
  }
  let kb = 0;
  const stack = [pid];
  while (stack.length > 0) {
    const p = stack.pop();
    stack.push(...(children.get(p) ?? []));
    try {
      const rollup = readFileSync(`/proc/${p}/smaps_rollup`, 'utf8');
      kb += Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
    } catch {
      try {
        kb += Number(/^VmRSS:\s+(\d+)/m.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0);
      } catch {}
    }
  }
  return kb / 1024;
}

/** Run a command to its end: wall time, and the peak memory of its whole process tree (sampled). */
function timed(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
    let peak = 0;
    let stderr = '';
    let stdout = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    const sampler = setInterval(() => {
      peak = Math.max(peak, treeMemoryMb(child.pid));
    }, 150);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(sampler);
      const ms = performance.now() - t;
      if (code !== 0) reject(new Error(`${command} ${args.join(' ')} exited with ${code}\n${stderr.slice(-2000)}`));
      else resolve({ ms, peakMb: peak, stdout, stderr });
    });
  });
}

// --verbose (not --json, which leaves the stages' times out): the manifest is read from the output folder.
const build = async (args) => ({
  ...(await timed(process.execPath, [cli, 'build', '--verbose', ...args], { cwd: root, env: { ...process.env, SOURCE_DATE_EPOCH: '1700000000' } })),
  out: args[args.indexOf('--out') + 1],
});
/** The stages' times a build printed with --verbose: load, html, browser start, pdf (ms). */
const stagesOf = (run) => {
  const line = /Timings: (.*)\./.exec(run.stderr)?.[1] ?? '';
  return Object.fromEntries([...line.matchAll(/([a-z ]+) ([\d.]+) (ms|s)/g)].map((m) => [m[1].trim(), Number(m[2]) * (m[3] === 's' ? 1000 : 1)]));
};
const manifestOf = (run) => JSON.parse(readFileSync(path.join(run.out, 'manifest.json'), 'utf8'));

// 1. The default edition's twelve guides in English, from nothing (no cache), as a user runs it.
const guidesOut = tmp('guides');
const full = await build(['--lang', 'en', '--out', guidesOut, '--no-cache']);
const manifest = manifestOf(full);
const docs = manifest.documents;
const pages = docs.reduce((n, d) => n + (d.outputs.pdf?.pages ?? 0), 0);
console.log(`\ntoolkit: ${docs.length} guides (${pages} pages), whole \`blueprint build\` (new process, HTML and PDF, no cache): ${seconds(full.ms)}; peak memory ${full.peakMb.toFixed(0)} MB with Chromium`);

// HTML alone (#14: one document's HTML under 20 ms warm): in this process, after a first build loaded it all.
// Without the output record (reuseOutput: false): the same build again would be answered from it. Two kinds
// of warm: a new build that parses every source again, and a build that keeps the parsed and typeset
// sources in memory as the preview does (a SourceCache). Medians of seven builds each (this host is noisy).
{
  const htmlOut = tmp('html');
  const settings = { root, outDir: htmlOut, formats: ['html'], languages: ['en'], env: process.env, reuseOutput: false };
  const cache = new SourceCache(root);
  await buildHtml(settings);
  await buildHtml({ ...settings, cache });
  for (const [what, extra] of [
    ['a new build, sources parsed again', {}],
    ['sources kept in memory, as the preview keeps them', { cache }],
  ]) {
    const runs = [];
    for (let i = 0; i < 7; i++) runs.push(await buildHtml({ ...settings, ...extra }));
    const n = runs[0].manifest.documents.length;
    const perDoc = runs.map((r) => r.timings.htmlMs / n);
    const load = median(runs.map((r) => r.timings.loadMs));
    console.log(
      `html, warm (${what}): ${n} documents, ${median(perDoc).toFixed(1)} ms per document (median of 7; ${Math.min(...perDoc).toFixed(1)}–${Math.max(...perDoc).toFixed(1)}), load ${load.toFixed(0)} ms`,
    );
  }
}

// 2. The floor: one open Chromium printing the same built HTML files once each, tagged with bookmarks,
// with as many pages at once as the toolkit uses; and sequentially, one page.
const floor = async (pool, files = docs.map((d) => path.join(guidesOut, d.outputs.html.path))) => {
  const userDataDir = tmp('floor');
  // A copy: puppeteer's launch() takes flags out of the array it is given, and the toolkit's is frozen.
  const browser = await launch({ executablePath: chromium.executablePath, headless: true, args: [...chromiumArgs], userDataDir });
  const queue = [...files];
  const t = performance.now();
  await Promise.all(
    Array.from({ length: pool }, async () => {
      const page = await browser.newPage();
      for (let file = queue.shift(); file; file = queue.shift()) {
        await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
        await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true, timeout: 300_000 });
      }
    }),
  );
  const ms = performance.now() - t;
  await browser.close();
  return ms;
};
// As many pages at once as the toolkit prints by default, and as many as the cores: the floor is the faster
// of the two in each round (the floor with the toolkit's pool of 3 measured 8.2 s where 2 pages had taken 6.3 s).
const pool = defaultJobs();
const pools = [...new Set([os.availableParallelism(), pool])];
const floorRound = async () => {
  const each = [];
  for (const size of pools) each.push({ size, ms: await floor(size) });
  return each;
};
// The toolkit and the floor in turns, three rounds (the first round's build is the one above): on a shared
// machine one run of each can land in a busy minute and the other in a quiet one; medians of runs made
// side by side compare like with like.
const runs = [full];
const floorRounds = [await floorRound()];
for (let round = 1; round < 3; round++) {
  runs.push(await build(['--lang', 'en', '--out', tmp('guides'), '--no-cache']));
  floorRounds.push(await floorRound());
}
const floors = floorRounds.map((each) => Math.min(...each.map((f) => f.ms)));
const floorOne = await floor(1);
const floorPool = median(floors);
const printMs = (run) => {
  const stages = stagesOf(run);
  return (stages['browser start'] ?? 0) + (stages.pdf ?? 0);
};
const wholeMs = median(runs.map((run) => run.ms));
console.log(
  `floor: the same ${docs.length} HTML files printed once each (tagged, bookmarks) in one open Chromium, the faster of ${pools.join(' and ')} pages at once in each round: ${floorRounds.map((each) => each.map((f) => `${seconds(f.ms)} (${f.size})`).join(' / ')).join(', ')} (median of the faster ${seconds(floorPool)}), ${seconds(floorOne)} with one`,
);
console.log(`toolkit, three runs in turns with the floor: whole build ${runs.map((run) => seconds(run.ms)).join(', ')}; stages of each: ${runs.map((run) => Object.entries(stagesOf(run)).map(([k, v]) => `${k} ${seconds(v)}`).join(', ')).join(' | ')}`);
console.log(
  `ratio: toolkit PDF stage (browser start and printing, cover, contents numbers, tags, bookmarks) / floor, round by round: ${runs.map((run, i) => `${(printMs(run) / (floors[i] ?? Number.NaN)).toFixed(2)}×`).join(', ')}; medians ${(median(runs.map(printMs)) / floorPool).toFixed(2)}× (target ≤ 1.3×); whole build (new process, HTML included) / floor = ${(wholeMs / floorPool).toFixed(2)}×; / floor with one page = ${(wholeMs / floorOne).toFixed(2)}×`,
);

// 3. Peers, pointed at the same Chromium. Installed on first use into test/bench/tools.
const tools = path.join(here, 'tools');
if (!existsSync(path.join(tools, 'node_modules/.bin/pagedjs-cli'))) {
  console.log('(installing pagedjs-cli and md-to-pdf into test/bench/tools …)');
  execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--ignore-scripts'], { cwd: tools, env: { ...process.env, PUPPETEER_SKIP_DOWNLOAD: '1' }, stdio: 'ignore' });
}
const peerEnv = { ...process.env, PUPPETEER_EXECUTABLE_PATH: chromium.executablePath, PUPPETEER_SKIP_DOWNLOAD: '1' };
const pagedOut = tmp('paged');
let pagedMs = 0;
for (const d of docs) {
  const run = await timed(
    path.join(tools, 'node_modules/.bin/pagedjs-cli'),
    [path.join(guidesOut, d.outputs.html.path), '--browserArgs=--no-sandbox', '-o', path.join(pagedOut, `${d.blueprint}.pdf`)],
    { env: peerEnv },
  );
  pagedMs += run.ms;
}
console.log(`pagedjs-cli 0.4.3 on the toolkit's own HTML, one call per guide: ${seconds(pagedMs)}; the toolkit (median whole build) is ${(pagedMs / wholeMs).toFixed(1)}× faster (target ≥ 8×)`);
// md-to-pdf reads Markdown: each guide's English sections, joined (no cover, case studies or contents).
const mdDir = tmp('md');
const shipped = path.join(root, 'blueprints');
const mdFiles = docs.map((d) => {
  const sections = path.join(shipped, d.blueprint, 'sections');
  const text = readdirSync(sections)
    .filter((f) => /^\d+[^.]*\.md$/.test(f))
    .sort()
    .map((f) => readFileSync(path.join(sections, f), 'utf8').replace(/^---[\s\S]*?---\n/, '').replace(/^:::?[^\n]*$/gm, ''))
    .join('\n\n');
  const file = path.join(mdDir, `${d.blueprint}.md`);
  writeFileSync(file, text);
  return file;
});
// A peer that fails (md-to-pdf gives up on a page after 30 s on a busy machine) is reported, and the bench goes on.
try {
  const md = await timed(
    path.join(tools, 'node_modules/.bin/md-to-pdf'),
    [...mdFiles, '--launch-options', JSON.stringify({ executablePath: chromium.executablePath, args: ['--no-sandbox'] })],
    { env: peerEnv },
  );
  console.log(`md-to-pdf 5.2.5 on the same guides' Markdown, one call for all (no cover, contents or case studies): ${seconds(md.ms)}; ratio toolkit (median whole build) / md-to-pdf = ${(wholeMs / md.ms).toFixed(2)}×`);
} catch (cause) {
  // The first line names the command; md-to-pdf's own words (its stderr) follow it.
  const said = String(cause).split('\n').slice(1);
  console.log(`md-to-pdf 5.2.5 failed: ${said.find((line) => /Error|Timeout|timed out/i.test(line)) ?? said.find((line) => line.trim()) ?? 'no message'}`);
}

// 4. Nothing changed: the same build again (new process; the PDFs are reused, no browser starts).
const again = [];
for (let i = 0; i < 3; i++) again.push((await build(['--lang', 'en', '--out', guidesOut])).ms);
console.log(`no-change rebuild (new process, ${docs.length} guides): ${again.map((ms) => `${ms.toFixed(0)} ms`).join(', ')} (target < 1 s)`);

// 5. Page pool size: the same guides printed with --jobs 1, 2, 3, 4.
const jobs = [];
for (const n of [1, 2, 3, 4]) jobs.push(`${n}: ${seconds((await build(['--lang', 'en', '--out', tmp('jobs'), '--no-cache', '--jobs', String(n)])).ms)}`);
console.log(`--jobs (whole build, ${docs.length} guides): ${jobs.join(', ')}`);

if (!quick) {
  // 6. Every city's edition, end to end, and peak memory against the number of documents.
  const all = await build(['--city', 'all', '--lang', 'en', '--out', tmp('all'), '--no-cache']);
  const allDocs = manifestOf(all).documents.length;
  console.log(
    `every city (--city all --lang en): ${allDocs} documents in ${seconds(all.ms)} (target < 60 s); peak memory ${all.peakMb.toFixed(0)} MB with Chromium, against ${full.peakMb.toFixed(0)} MB for ${docs.length}; the floor alone, at its rate for the ${docs.length} guides, would take ${seconds((floorPool / docs.length) * 144)} for 144 documents and ${seconds((floorPool / docs.length) * allDocs)} for ${allDocs}`,
  );

  // 7. Cost per page from about 10 to 400 pages (generated sections ≈ 3 pages each; the shipped guides' English sections once).
  const costs = [];
  for (const make of [() => makeGeneratedProject(3), () => makeGeneratedProject(30), () => makeLongProject(1)]) {
    const longRoot = make();
    temporary.push(longRoot);
    const run = await timed(process.execPath, [cli, 'build', '--json', '--no-cache'], { cwd: longRoot, env: process.env });
    const doc = JSON.parse(run.stdout).manifest.documents[0];
    const n = doc.outputs.pdf.pages;
    // The floor for the same page: one open Chromium printing its HTML once, tagged with bookmarks. Chromium's
    // own cost per page grows with the document's length (its layout of the whole document, before any page).
    const floorMs = await floor(1, [path.join(longRoot, 'out', doc.outputs.html.path)]);
    const contents = checkContents(path.join(longRoot, 'out', doc.outputs.pdf.path));
    if (contents.wrong.length > 0) {
      console.error(contents.wrong.join('\n'));
      process.exitCode = 1;
    }
    costs.push(
      `${n} pages: ${seconds(run.ms)} (${(run.ms / n).toFixed(0)} ms per page, ${run.peakMb.toFixed(0)} MB; contents ${contents.wrong.length} wrong of ${contents.entries}); the floor's print ${seconds(floorMs)} (${(floorMs / n).toFixed(1)} ms per page)`,
    );
  }
  console.log(`cost per page (whole build, one document):\n  ${costs.join('\n  ')}`);
}
console.log(`load average at end: ${load()}`);
for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
