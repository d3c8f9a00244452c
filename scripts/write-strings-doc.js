// Writes the table of interface words in docs/translating.md from src/i18n/interface-words.ts (#10),
// between `<!-- words:start -->` and `<!-- words:end -->`: every key, what it is for, its placeholders
// and its English text, and which languages have it built in. CI fails when the two drift apart.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtInWords, interfaceWordKeys } from '../dist/i18n/interface-words.js';

const doc = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'translating.md');
const text = readFileSync(doc, 'utf8');
const start = '<!-- words:start -->';
const end = '<!-- words:end -->';
if (!text.includes(start) || !text.includes(end)) throw new Error(`docs/translating.md needs the markers ${start} and ${end}`);
const cell = (s) => s.replaceAll('|', '\\|');
const rows = Object.entries(interfaceWordKeys).map(
  ([key, { use, placeholders }]) =>
    `| \`${key}\` | ${cell(use)} | ${placeholders.map((p) => `\`{${p}}\``).join(', ') || '—'} | ${cell(builtInWords.en.words[key])} |`,
);
const languages = Object.keys(builtInWords)
  .map((code) => `\`${code}\``)
  .join(', ');
const table = [
  `Built in for ${languages}. Every key is optional in \`strings:\`; a key the schema does not know is an error.`,
  '',
  '| key | what it is for | placeholders | English |',
  '| --- | --- | --- | --- |',
  ...rows,
].join('\n');
writeFileSync(doc, `${text.slice(0, text.indexOf(start) + start.length)}\n${table}\n${text.slice(text.indexOf(end))}`);
console.log(`wrote ${rows.length} interface words to docs/translating.md`);
