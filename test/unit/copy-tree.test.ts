import type { Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { describe, expect, it } from 'vitest';
import { copyTree } from '../../src/markdown/copy-tree.js';

describe('copyTree (#14)', () => {
  const parsed = () => {
    const tree = fromMarkdown('# Title\n\nSome *words* and a [link](https://example.org).\n\n- one\n- two\n');
    const heading = tree.children[0] as Root['children'][number] & { data?: Record<string, unknown> };
    heading.data = { hProperties: { id: 'title', className: ['a'] } };
    return tree;
  };

  it('gives a tree equal to the original whose nodes, children and data can change without touching it', () => {
    const tree = parsed();
    const before = JSON.stringify(tree);
    const copy = copyTree(tree);
    expect(JSON.stringify(copy)).toBe(before);
    const heading = copy.children[0] as { data: { hProperties: { className: string[] } }; children: { value: string }[] };
    heading.data.hProperties.className.push('b');
    heading.children[0] = { value: 'Changed' };
    copy.children.pop();
    (copy.children[1] as { type: string }).type = 'thematicBreak';
    expect(JSON.stringify(tree)).toBe(before);
  });

  it('shares the positions, which nothing changes, instead of copying them', () => {
    const tree = parsed();
    const copy = copyTree(tree);
    expect(copy.children[1]).not.toBe(tree.children[1]);
    expect(copy.children[1]?.position).toBe(tree.children[1]?.position);
  });
});
