import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { launch, type Page } from 'puppeteer-core';
import type { VFile } from 'vfile';
import { main } from '../src/cli/main.js';
import { collectMessages } from '../src/diagnostics/report.js';
import { findBrowser } from '../src/pdf/find-browser.js';
import { chromiumArgs } from '../src/pdf/open-browser.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const fixture = (name: string) => path.join(repoRoot, 'test', 'fixtures', name);

/** A private copy of a fixture project, so a test may break it. */
export function copyFixture(name: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `bp-${name}-`));
  // Not what checks of the fixture in place left in its out/ (#13: check keeps a cache there).
  const outDir = path.join(fixture(name), 'out');
  cpSync(fixture(name), dir, { recursive: true, filter: (source) => source !== outDir });
  return dir;
}

/** Every file below `dir` (none when it does not exist). */
export function filesBelow(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

/** Replace text in a file of a copied fixture; fails loudly when the text is not there. */
export function edit(root: string, file: string, from: string | RegExp, to: string | ((match: string) => string)): void {
  const target = path.join(root, file);
  const text = readFileSync(target, 'utf8');
  const next = typeof to === 'string' ? text.replace(from, to) : text.replace(from, to);
  if (next === text) throw new Error(`edit: ${String(from)} not found in ${file}`);
  writeFileSync(target, next);
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Run the CLI in-process, exactly as bin/blueprint.js does. The default env leaves out GITHUB_ACTIONS, which
 * turns messages into workflow commands (#9), so tests reading the plain lines pass in GitHub Actions too.
 */
export async function run(
  args: string[],
  cwd: string,
  env: Record<string, string | undefined> = { ...process.env, GITHUB_ACTIONS: undefined },
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(['node', 'blueprint', ...args], {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    env,
    cwd,
  });
  return { code, stdout, stderr };
}

/**
 * Every message on `files` as the reader sees it: `file:line:column: severity: reason [ruleId]`, the file
 * relative to `root` (no place: `file: …`; no file: `: …`), in the order the CLI prints them.
 */
export function messageLines(files: VFile[], root: string): string[] {
  return collectMessages(files).map((m) => {
    const file = m.file ? path.relative(root, m.file) : '';
    const where = m.line ? `${file}:${m.line}:${m.column}` : file;
    return `${where}: ${m.fatal === true ? 'error' : m.fatal === false ? 'warning' : 'info'}: ${m.reason} [${m.ruleId}]`;
  });
}

/**
 * Run the compiled command, bin/blueprint.js, in a child process with no stdin, as a user or CI does. The
 * global setup (test/global-setup.ts) compiled dist/ from src/ before any test ran (#8).
 */
export function runBin(args: string[], cwd: string, env: NodeJS.ProcessEnv = { ...process.env, GITHUB_ACTIONS: undefined }): CliRun {
  const result = spawnSync(process.execPath, [path.join(repoRoot, 'bin/blueprint.js'), ...args], { cwd, env, input: '', encoding: 'utf8' });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

export const readHtml = (file: string): Root => fromHtml(readFileSync(file, 'utf8'));

/** Text of a PDF as poppler sees it, one string per page. */
export function pdfPages(file: string, layout = false): string[] {
  return splitPages(execFileSync('pdftotext', [...(layout ? ['-layout'] : []), file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 }));
}

/** pdftotext's output, one string per page (pages end with a form feed). */
export function splitPages(text: string): string[] {
  const pages = text.split('\f');
  if (pages.at(-1)?.trim() === '') pages.pop();
  return pages;
}

export function pdfInfo(file: string): Record<string, string> {
  const out = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Object.fromEntries(
    out
      .split('\n')
      .filter(Boolean)
      .map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]),
  );
}

/** A built HTML page in headless Chromium at each width (a phone's and a desktop's), for `look` to measure. */
export async function atWidths(file: string, look: (page: Page, width: number) => Promise<void>, widths = [390, 1280]): Promise<void> {
  const { executablePath } = await findBrowser({ env: process.env });
  const browser = await launch({ executablePath, headless: true, args: [...chromiumArgs] });
  try {
    const page = await browser.newPage();
    for (const width of widths) {
      await page.setViewport({ width, height: 900 });
      await page.goto(pathToFileURL(file).href);
      await look(page, width);
    }
  } finally {
    await browser.close();
  }
}

/** The files of an installed @fontsource package whose names match. */
export function fontFilesOf(pkg: string, pattern: RegExp): string[] {
  const dir = path.join(path.dirname(createRequire(import.meta.url).resolve(`${pkg}/package.json`)), 'files');
  return readdirSync(dir)
    .filter((f) => pattern.test(f))
    .map((f) => path.join(dir, f));
}
