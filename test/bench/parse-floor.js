// The floor under a cold `check` (#13), run by bench:authoring as a new process: what parsing every Markdown
// and YAML file of a project once takes with the parsers the toolkit is bound to (unified with remark-parse,
// remark-gfm, remark-frontmatter and remark-directive; yaml), and nothing else — no validation, rendering
// or plain-language checks. Prints the milliseconds from the process's start.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parseDocument } from 'yaml';

const walk = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
const files = walk(path.resolve(process.argv[2] ?? '.', 'blueprints')).sort();
const markdown = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter).use(remarkDirective);
for (const file of files) {
  if (file.endsWith('.md')) markdown.parse(readFileSync(file, 'utf8'));
  else if (file.endsWith('.yaml')) parseDocument(readFileSync(file, 'utf8'));
}
// performance.now() counts from the process's start (its time origin), module loading included.
console.log(Math.round(performance.now()));
