import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { main } from '../src/cli/main.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const fixture = (name: string) => path.join(repoRoot, 'test', 'fixtures', name);

/** A private copy of a fixture project, so a test may break it. */
export function copyFixture(name: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `bp-${name}-`));
  cpSync(fixture(name), dir, { recursive: true });
  return dir;
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

export const readHtml = (file: string): Root => fromHtml(readFileSync(file, 'utf8'));

/** Text of a PDF as poppler sees it, one string per page. */
export function pdfPages(file: string, layout = false): string[] {
  const text = execFileSync('pdftotext', [...(layout ? ['-layout'] : []), file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
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
