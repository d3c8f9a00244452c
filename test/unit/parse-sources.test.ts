import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listMarkdownFiles, type ParsedSource, type SourceText } from '../../src/markdown/parse-sources.js';
import { fixture } from '../helpers.js';

// The compiled module (built by the global setup): only there can worker threads start (#13).
const compiled = (await import(path.resolve('dist/markdown/parse-sources.js'))) as typeof import('../../src/markdown/parse-sources.js');

const judge = { limit: 9, all: true };

/** Every Markdown file of the fixtures, many times over under other names: past the size where threads start. */
function sources(): SourceText[] {
  const files = listMarkdownFiles(path.dirname(fixture('basic')), 6);
  const one = files.map((file) => ({ path: file, text: readFileSync(file, 'utf8') }));
  return Array.from({ length: 15 }, (_, copy) =>
    one.map(({ path: file, text }) => ({
      path: `${file}.${copy}`,
      text,
      kind: file.includes('case-studies') ? ('case-study' as const) : ('section' as const),
      ...(copy % 2 === 0 ? { judge } : {}),
    })),
  ).flat();
}

const comparable = (parsed: ParsedSource[]) =>
  parsed
    .map((p) => ({
      path: p.path,
      tree: p.tree,
      messages: p.messages.map((m) => [m.line, m.column, m.ruleId, m.reason, m.fatal]),
      plain: p.plain && { grade: p.plain.grade, messages: p.plain.messages.map((m) => [m.line, m.column, m.ruleId, m.reason]) },
    }))
    .sort((a, b) => (a.path < b.path ? -1 : 1));

describe('parseSources', () => {
  it('gives the same trees, messages and plain-language results on two threads as on one', async () => {
    const all = sources();
    expect(all.reduce((n, s) => n + s.text.length, 0)).toBeGreaterThan(256 * 1024);
    const one = await compiled.parseSources(all, 1);
    const two = await compiled.parseSources(all, 2);
    expect(two.length).toBe(one.length);
    expect(comparable(two)).toEqual(comparable(one));
    expect(two.some((p) => (p.plain?.messages.length ?? 0) > 0)).toBe(true);
    expect(two.some((p) => p.messages.length > 0)).toBe(true);
  });
});
