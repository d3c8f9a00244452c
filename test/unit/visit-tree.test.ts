import { readFileSync } from 'node:fs';
import type { Node, Parent } from 'unist';
import * as library from 'unist-util-visit';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { createMarkdownParser } from '../../src/markdown/processor.js';
import * as ours from '../../src/markdown/visit-tree.js';

type Visit = typeof library.visit;

/** What a visit saw, in order, with what the visitor did to the tree on the way (the tree is copied first). */
function trace(visit: Visit, tree: Node, check: library.Test, act: (node: Node, index: number | undefined, parent: Parent | undefined) => unknown) {
  const copy = structuredClone(tree);
  const seen: string[] = [];
  visit(copy, check, (node: Node, index: number | undefined, parent: Parent | undefined) => {
    seen.push(`${node.type}@${index ?? '-'}<${parent?.type ?? '-'}>`);
    return act(node, index, parent) as never;
  });
  return { seen, tree: copy };
}

const text = readFileSync(new URL('../fixtures/basic/blueprints/welcome-desk/sections/02-steps.md', import.meta.url), 'utf8');
const parsed = createMarkdownParser().parse(
  new VFile({
    value: `${text}\n\n- one *two* three\n- four [five](https://example.org)\n\n> quoted **text**, *one* and **two**\n\nAnd *three* with **four** and *five*.\n`,
  }),
);

/** #13/#14: the toolkit's own walk must behave exactly as unist-util-visit does, for every result a pass may give. */
describe('visit (the toolkit walk)', () => {
  const cases: [string, library.Test, (node: Node, index: number | undefined, parent: Parent | undefined) => unknown][] = [
    ['every node', undefined, () => undefined],
    ['a type', 'text', () => undefined],
    ['a test function', (node: Node) => node.type === 'emphasis' || node.type === 'link', () => undefined],
    ['a props test', { type: 'listItem' }, () => undefined],
    ['SKIP', undefined, (node) => (node.type === 'list' ? ours.SKIP : undefined)],
    ['EXIT', undefined, (node) => (node.type === 'emphasis' ? ours.EXIT : undefined)],
    [
      '[SKIP, index] after removing the node',
      'emphasis',
      (_node, index, parent) => {
        parent?.children.splice(index ?? 0, 1);
        return [ours.SKIP, index];
      },
    ],
    [
      'an index past inserted nodes',
      'strong',
      (node, index, parent) => {
        parent?.children.splice((index ?? 0) + 1, 0, { type: 'text', value: 'added' } as Node, structuredClone(node));
        return (index ?? 0) + 3;
      },
    ],
    ['CONTINUE and true', 'paragraph', (node) => (node.position ? ours.CONTINUE : true)],
  ];
  for (const [name, check, act] of cases) {
    it(`visits and changes the tree as unist-util-visit does: ${name}`, () => {
      const expected = trace(library.visit, parsed, check, act);
      const actual = trace(ours.visit as Visit, parsed, check, act);
      expect(actual.seen.length).toBeGreaterThan(1);
      expect(actual.seen).toEqual(expected.seen);
      expect(actual.tree).toEqual(expected.tree);
    });
  }

  it('visits without a test', () => {
    const types: string[] = [];
    ours.visit(parsed, (node) => {
      types.push(node.type);
    });
    expect(types[0]).toBe('root');
    expect(types).toContain('listItem');
  });
});
