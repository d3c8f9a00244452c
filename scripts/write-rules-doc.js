// Writes the README's list of diagnostics from src/diagnostics/catalogue.ts (#8), between the markers
// `<!-- rules:start -->` and `<!-- rules:end -->`. Each row carries the anchor that messages link to
// (`README.md#rule-<id>`). CI fails when the README drifts from the catalogue.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { catalogue, ruleAnchor } from '../dist/diagnostics/catalogue.js';
import { exitCodes } from '../dist/diagnostics/exit-codes.js';

const readme = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'README.md');
const text = readFileSync(readme, 'utf8');
const start = '<!-- rules:start -->';
const end = '<!-- rules:end -->';
if (!text.includes(start) || !text.includes(end)) throw new Error(`README.md needs the markers ${start} and ${end}`);
const cell = (s) => s.replaceAll('|', '\\|');
const rows = Object.entries(catalogue).map(
  ([id, rule]) => `| <a id="${ruleAnchor(id)}"></a>\`${id}\` | ${rule.severity} | ${exitCodes[rule.kind]} | ${cell(rule.summary)} |`,
);
const table = ['| rule id | severity | exit code | reported when |', '| --- | --- | --- | --- |', ...rows].join('\n');
const next = `${text.slice(0, text.indexOf(start) + start.length)}\n${table}\n${text.slice(text.indexOf(end))}`;
writeFileSync(readme, next);
console.log(`wrote ${rows.length} rules to README.md`);
