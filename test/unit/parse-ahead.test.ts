import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import type { MarkdownThread } from '../../src/markdown/markdown-thread.js';
import { createMarkdownParser } from '../../src/markdown/processor.js';
import { loadProject } from '../../src/project/load-project.js';
import { parseAhead, withParsedAhead } from '../../src/project/parse-ahead.js';
import { SourceCache } from '../../src/project/source-cache.js';
import { copyFixture } from '../helpers.js';

const parser = createMarkdownParser();
/** A stand-in for the second thread that parses here and counts what it was sent. */
function fakeThread() {
  const sent: string[] = [];
  const thread: MarkdownThread = {
    parse: async (items) => {
      sent.push(...items.map((i) => i.path));
      return items.map((i) => parser.parse(new VFile({ path: i.path, value: i.text })));
    },
    judge: async () => [],
    close: async () => undefined,
  };
  return { thread, sent };
}

/** #13: a check parses the project's Markdown on two threads before it loads. */
describe('parseAhead', () => {
  it('parses every Markdown file under blueprints/, shares them with the thread, and the load gives the same project', async () => {
    const root = copyFixture('translation-files');
    const { thread, sent } = fakeThread();
    const parsed = await parseAhead(root, parser, thread);
    expect(parsed.size).toBeGreaterThan(2);
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.length).toBeLessThan(parsed.size);
    for (const [file, { tree }] of parsed) expect(tree, file).toEqual(parser.parse(new VFile({ path: file, value: parsed.get(file)?.text })));
    const ahead = await loadProject(root, { parsed });
    const plain = await loadProject(root);
    // Every tree was taken by the load, and the load is what it is without them.
    expect(parsed.size).toBe(0);
    expect(ahead.files.map((f) => [f.path, f.messages.map(String)])).toEqual(plain.files.map((f) => [f.path, f.messages.map(String)]));
    const trees = (r: typeof plain) => r.project?.blueprints.flatMap((b) => b.sections.map((s) => s.tree));
    expect(trees(ahead)).toEqual(trees(plain));
  });

  it('reads nothing outside the project, and leaves files past the limits and files the cache has to the load', async () => {
    const root = copyFixture('basic');
    const outside = mkdtempSync(path.join(os.tmpdir(), 'bp-outside-'));
    writeFileSync(path.join(outside, 'secret.md'), '# Secret\n');
    symlinkSync(path.join(outside, 'secret.md'), path.join(root, 'blueprints/welcome-desk/sections/02-linked.md'));
    writeFileSync(path.join(root, 'blueprints/welcome-desk/sections/03-deep.md'), `${'> '.repeat(400)}deep\n`);
    const cache = new SourceCache(root);
    const cached = path.join(root, 'blueprints/welcome-desk/sections/01-why.md');
    const { thread } = fakeThread();
    const first = await parseAhead(root, parser, thread);
    expect([...first.keys()].some((f) => f.endsWith('02-linked.md') || f.includes(outside))).toBe(false);
    expect([...first.keys()].some((f) => f.endsWith('03-deep.md'))).toBe(false);
    const text = first.get(cached)?.text ?? '';
    expect(text).not.toBe('');
    cache.set(cached, text, 'section', parser.parse(new VFile({ value: text })), []);
    expect((await parseAhead(root, parser, thread, cache)).has(cached)).toBe(false);
  });

  it('hands a tree to the load only for the same path and text, once', () => {
    const tree = parser.parse(new VFile({ value: '# Ahead\n' }));
    const parse = withParsedAhead(parser, new Map([['/p/a.md', { text: '# Ahead\n', tree }]])).parse;
    expect(parse(new VFile({ path: '/p/a.md', value: '# Changed\n' }))).not.toBe(tree);
    expect(parse(new VFile({ path: '/p/b.md', value: '# Ahead\n' }))).not.toBe(tree);
    expect(parse(new VFile({ path: '/p/a.md', value: '# Ahead\n' }))).toBe(tree);
    expect(parse(new VFile({ path: '/p/a.md', value: '# Ahead\n' }))).not.toBe(tree);
  });
});
