// npm run bench:authoring (#13): how fast the authoring loop is on the shipped project, from one run.
// `check` as a person runs it (a new process, every edition checked, plain language included: from nothing,
// after saving one section, and unchanged), and the
// preview from saving a section (in place and by rename) to the rebuilt page being written. The page swap
// in the browser adds a few tens of milliseconds (test/integration/preview-authoring.test.ts measures it).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startPreview } from '../../dist/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
console.log(`machine: ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average ${os.loadavg()[0].toFixed(1)}`);

const verdict = (values, limit) => `median ${Math.round(median(values))} ms, slowest ${Math.round(Math.max(...values))} ms (target: under ${limit} ms: ${Math.max(...values) < limit ? 'met' : 'not met'})`;
// check on a copy of the project, as a writer runs it: from nothing (--no-cache), after saving one section
// (the loop: edit, check), and again with nothing changed. Each run is a new process.
const checkCopy = mkdtempSync(path.join(os.tmpdir(), 'bp-bench-check-'));
for (const dir of ['blueprints', 'themes']) cpSync(path.join(root, dir), path.join(checkCopy, dir), { recursive: true });
let editions = '?';
const timeCheck = (...args) => {
  const t = performance.now();
  const run = spawnSync(process.execPath, [path.join(root, 'bin/blueprint.js'), 'check', ...args], { cwd: checkCopy, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`check failed: ${run.stderr}`);
  editions = /(\d+) edition document/.exec(run.stderr)?.[1] ?? editions;
  return performance.now() - t;
};
const edited = path.join(checkCopy, 'blueprints/health/sections/02-core-components.md');
const editedText = readFileSync(edited, 'utf8');
// The floor, in turns with it (the host's load varies): a new process that only parses the same sources
// with the toolkit's parsers (test/bench/parse-floor.js).
const timeFloor = () => {
  const t = performance.now();
  const run = spawnSync(process.execPath, [path.join(root, 'test/bench/parse-floor.js'), checkCopy], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`parse floor failed: ${run.stderr}`);
  return performance.now() - t;
};
const cold = [];
const floor = [];
for (let i = 0; i < 5; i++) {
  cold.push(timeCheck('--no-cache'));
  floor.push(timeFloor());
}
// The same check in a process that has run one already (the library, as the preview or a script runs it):
// what the check's own work takes once its code is compiled and optimized.
const { check } = await import('../../dist/index.js');
const warm = [];
for (let i = 0; i < 4; i++) {
  const t = performance.now();
  await check({ root: checkCopy, cache: false });
  if (i > 0) warm.push(performance.now() - t);
}
timeCheck();
const afterEdit = [];
for (let i = 0; i < 5; i++) {
  writeFileSync(edited, `${editedText}\nA sentence added by edit ${i}.\n`);
  afterEdit.push(timeCheck());
}
const unchanged = [];
for (let i = 0; i < 3; i++) unchanged.push(timeCheck());
rmSync(checkCopy, { recursive: true, force: true });
const listed = (values) => values.map((ms) => Math.round(ms)).join(', ');
console.log(`check (new process, ${editions} editions, plain language), from nothing (--no-cache): ${listed(cold)} ms; ${verdict(cold, 3000)}`);
console.log(
  `  floor: a new process parsing the same Markdown and YAML once, nothing else (test/bench/parse-floor.js): ${listed(floor)} ms, median ${Math.round(median(floor))} ms`,
);
console.log(`  the same check in a process that ran one before (code compiled and optimized): ${listed(warm)} ms, median ${Math.round(median(warm))} ms`);
console.log(`check after saving one section: ${listed(afterEdit)} ms; ${verdict(afterEdit, 3000)}`);
console.log(`check with nothing changed: ${listed(unchanged)} ms; ${verdict(unchanged, 3000)}`);

const copy = mkdtempSync(path.join(os.tmpdir(), 'bp-bench-authoring-'));
cpSync(path.join(root, 'blueprints'), path.join(copy, 'blueprints'), { recursive: true });
const preview = await startPreview({ root: copy, port: 0, env: {} });
const section = path.join(copy, 'blueprints/health/sections/01-why-it-matters.md');
const original = readFileSync(section, 'utf8');
const times = { 'in place': [], 'by rename': [] };
for (let i = 0; i < 11; i++) {
  const how = i % 2 ? 'by rename' : 'in place';
  const text = `${original}\nEdit ${i}.\n`;
  const rebuilt = preview.nextRebuild();
  if (how === 'in place') writeFileSync(section, text);
  else {
    writeFileSync(`${section}.tmp~`, text);
    renameSync(`${section}.tmp~`, section);
  }
  const event = await rebuilt;
  if (!event.ok) throw new Error(event.report);
  // The first save warms the caches and the JIT.
  if (i > 0) times[how].push(event.ms);
}
await preview.close();
rmSync(copy, { recursive: true, force: true });
for (const [how, values] of Object.entries(times))
  console.log(`preview, save ${how} → page rebuilt: ${values.map((ms) => Math.round(ms)).join(', ')} ms; ${verdict(values, 300)}`);
