import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString as hastToString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { expect, onTestFinished } from 'vitest';
import type { DiagnosticJson } from '../../src/diagnostics/report.js';
import { copyFixture, run } from '../helpers.js';

/**
 * Shared by the hostile-input suite (#9): break a copy of the basic fixture, run the CLI as a user would,
 * and hold every outcome to the same standard: one JSON document, the exit code it states, no stack trace.
 */

/** Every case ends in seconds; a hang fails at this timeout, not at the suite's three minutes. */
export const timeout = 20_000;

export interface Report {
  ok: boolean;
  exitCode: number;
  command: string;
  diagnostics: DiagnosticJson[];
  manifest?: { documents: unknown[]; files: string[] } | null;
}

export interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
  json: Report;
  root: string;
}

/** A private copy of the basic fixture, broken by `breakIt`, removed when the test ends. */
export function hostileCopy(breakIt: (root: string) => void = () => undefined): string {
  const root = copyFixture('basic');
  onTestFinished(() => rmSync(root, { recursive: true, force: true }));
  breakIt(root);
  return root;
}

/** Run `blueprint <args> --json` in `root`: one JSON document on stdout, its exit code, no crash anywhere. */
export async function blueprint(root: string, ...args: string[]): Promise<Outcome> {
  const result = await run([...args, '--json'], root);
  expectNoCrash(`${result.stdout}\n${result.stderr}`);
  const json = JSON.parse(result.stdout) as Report;
  expect(json.exitCode).toBe(result.code);
  expect(json.ok).toBe(result.code === 0);
  return { ...result, json, root };
}

/** No stack trace and no JavaScript error name: a hostile input is a content problem, never a crash. */
export function expectNoCrash(text: string): void {
  expect(text).not.toMatch(/^ {4}at /m);
  expect(text).not.toMatch(/TypeError|ReferenceError|RangeError|SyntaxError: Unexpected|internal-error/);
}

const where = (o: Outcome, d: DiagnosticJson) => `${d.file ? path.relative(o.root, d.file) : '-'}:${d.line}:${d.column} ${d.ruleId}`;

/** The errors, as `file:line:column rule` with paths relative to the project, in the order reported. */
export const errorsOf = (o: Outcome) => o.json.diagnostics.filter((d) => d.severity === 'error').map((d) => where(o, d));

/** The warnings about one file (the fixture warns about its own language-line section and fallbacks). */
export const warningsIn = (o: Outcome, file: string) =>
  o.json.diagnostics.filter((d) => d.severity === 'warning' && d.file && path.relative(o.root, d.file) === file).map((d) => where(o, d));

/** The one diagnostic with `ruleId`. */
export function only(o: Outcome, ruleId: string): DiagnosticJson {
  const found = o.json.diagnostics.filter((d) => d.ruleId === ruleId);
  expect(found, JSON.stringify(o.json.diagnostics, null, 1)).toHaveLength(1);
  return found[0] as DiagnosticJson;
}

/** Every file below `dir` (relative, sorted); [] when it does not exist. */
export function filesBelow(dir: string): string[] {
  try {
    return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
      .filter((e) => !e.isDirectory())
      .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
      .sort();
  } catch {
    return [];
  }
}

/**
 * A built page that cannot run script or load anything from the network: no <script>, no on* attribute,
 * no javascript:/data:/vbscript: address, nothing loaded from another host, and one <style> element
 * holding all of the page's CSS, up to `cssMarker` (text that tried to end it did not).
 */
export function expectSafePage(file: string, cssMarker?: string): ReturnType<typeof fromHtml> {
  const html = readFileSync(file, 'utf8');
  const tree = fromHtml(html);
  const styles: Element[] = [];
  visit(tree, 'element', (node: Element) => {
    expect(node.tagName, `in ${file}`).not.toBe('script');
    for (const [name, value] of Object.entries(node.properties)) {
      expect(name.toLowerCase().startsWith('on'), `${node.tagName} has ${name} in ${file}`).toBe(false);
      const text = Array.isArray(value) ? value.join(' ') : String(value);
      if (['href', 'src', 'srcSet', 'action', 'formAction', 'data', 'poster', 'xLinkHref'].includes(name))
        expect(text, `${node.tagName} ${name}`).not.toMatch(/^\s*(javascript|data|vbscript|file):/i);
      if (name !== 'href' && ['src', 'srcSet', 'data', 'poster', 'background'].includes(name)) expect(text).not.toMatch(/^\s*([a-z][a-z0-9+.-]*:|\/\/)/i);
    }
    if (node.tagName === 'link') expect(String(node.properties.href)).not.toMatch(/^\s*([a-z][a-z0-9+.-]*:|\/\/)/i);
    if (node.tagName === 'style') styles.push(node);
  });
  expect(styles).toHaveLength(1);
  const css = hastToString(styles[0] as Element);
  expect(css).not.toMatch(/<\/style/i);
  if (cssMarker) expect(css, 'the style element holds all of the CSS').toContain(cssMarker);
  return tree;
}
