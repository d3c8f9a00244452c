import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { afterFrontMatter, createMarkdownParser, mayAutolink } from '../../src/markdown/processor.js';

const gfm = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter).use(remarkDirective).freeze();
const parser = createMarkdownParser();
const both = (text: string) => [gfm.parse(new VFile({ value: text })), parser.parse(new VFile({ value: text }))];

/** #13: a text that cannot hold a GFM autolink is parsed without them, and must come out the same. */
describe('the Markdown parser', () => {
  it('parses GFM without autolinks to the same tree as remark-gfm', () => {
    const text = [
      '---',
      'title: A section',
      '---',
      '# Heading {#id}',
      '',
      'A claim,[^1] ~~struck~~ and :city[name] with **strong _nested_** text.',
      '',
      '| Program | Cost |',
      '| :------ | ---: |',
      '| Classes | 1,200 |',
      '',
      '- [x] done',
      '- [ ] to do',
      '',
      '::case-study{slot="intake"}',
      '',
      ':::note',
      'Inside a directive.',
      ':::',
      '',
      '[^1]: A note with [a link](../other.md).',
    ].join('\n');
    expect(mayAutolink(text)).toBe(false);
    const [expected, actual] = both(text);
    const types = new Set<string>();
    visit(actual as never, (node: { type: string }) => {
      types.add(node.type);
    });
    // The sample really exercises every extension that stays.
    for (const type of ['yaml', 'footnoteReference', 'footnoteDefinition', 'delete', 'table', 'textDirective', 'leafDirective', 'containerDirective'])
      expect(types, type).toContain(type);
    expect(actual).toEqual(expected);
  });

  it('still links bare addresses where a text has one', () => {
    for (const text of ['See www.nyc.gov/immigrants today.', 'See https://www.nyc.gov.', 'Write to help@example.org.']) {
      expect(mayAutolink(text), text).toBe(true);
      const [expected, actual] = both(text);
      expect(actual).toEqual(expected);
      let links = 0;
      visit(actual as never, 'link', () => {
        links++;
      });
      expect(links, text).toBe(1);
    }
  });

  it('looks for bare addresses after the front matter only, where micromark ends it', () => {
    const front = '---\ntitle: A case study\nsources:\n  - url: https://www.nyc.gov/\n---\n';
    const text = `${front}# Heading\n\nNo address here.\n`;
    expect(afterFrontMatter(text)).toBe('# Heading\n\nNo address here.\n');
    const [expected, actual] = both(text);
    expect(actual).toEqual(expected);
    // Spaces and tabs after a fence, an empty front matter, and a front matter that is the whole text.
    expect(afterFrontMatter('--- \t\nurl: https://a.example/\n---\t\nbody')).toBe('body');
    expect(afterFrontMatter('---\n---\nbody https://a.example/')).toBe('body https://a.example/');
    expect(afterFrontMatter('---\nurl: https://a.example/\n---')).toBe('');
    // Not front matter, by micromark's rules: the text is looked at whole.
    for (const whole of [
      '---\nurl: https://a.example/\n', // never closed
      '---\nurl: https://a.example/\n----\n', // a longer line is not a fence
      ' ---\nurl: https://a.example/\n---\n', // indented
      'Intro\n---\nurl: https://a.example/\n---\n', // not at the start
      '---\r\nurl: https://a.example/\r\n---\r\nbody', // carriage returns: given whole
      '---\rurl: https://a.example/\r---\rbody',
    ]) {
      expect(afterFrontMatter(whole), JSON.stringify(whole)).toBe(whole);
      const [wanted, got] = both(whole);
      expect(got, JSON.stringify(whole)).toEqual(wanted);
    }
  });

  it('gives the same tree as remark-gfm for every Markdown file of the test fixtures', () => {
    const root = path.join(import.meta.dirname, '..', 'fixtures');
    const files = (readdirSync(root, { recursive: true }) as string[]).filter((f) => f.endsWith('.md') && !f.includes(`out${path.sep}`));
    expect(files.length).toBeGreaterThan(10);
    const differing = files.filter((f) => {
      const [expected, actual] = both(readFileSync(path.join(root, f), 'utf8'));
      return !isDeepStrictEqual(expected, actual);
    });
    expect(differing).toEqual([]);
  });
});
