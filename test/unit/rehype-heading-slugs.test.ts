import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import rehypeRaw from 'rehype-raw';
import rehypeSlug from 'rehype-slug';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { rehypeHeadingSlugs } from '../../src/markdown/rehype-heading-slugs.js';

const html = (markdown: string, slugs: 'library' | 'ours') =>
  String(
    unified()
      .use(remarkParse)
      .use(remarkGfm)
      .use(remarkRehype, { allowDangerousHtml: true })
      .use(rehypeRaw)
      .use(slugs === 'library' ? rehypeSlug : rehypeHeadingSlugs)
      .use(rehypeStringify)
      .processSync(markdown),
  );

/** Every Markdown file under a folder. */
const markdownUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => path.join(entry.parentPath, entry.name));

/** #13: the toolkit's heading ids are rehype-slug's, made with a walk that costs less. */
describe('rehypeHeadingSlugs', () => {
  it('gives the ids rehype-slug gives: repeats numbered, ids kept, words of nested markup, raw HTML headings', () => {
    const markdown = [
      '# Budget',
      '## Budget',
      '## Budget *and* `staff`',
      '<h2 id="kept">Kept id</h2>',
      '<h3>Raw <em>heading</em></h3>',
      '### Qué hacer — ¿cómo? 你好',
      '#### [Linked](https://example.org) heading',
      '##### Budget',
      '###### budget-1',
      'Not a heading',
    ].join('\n\n');
    const ours = html(markdown, 'ours');
    expect(ours).toBe(html(markdown, 'library'));
    expect(ours).toContain('<h2 id="budget-1">Budget</h2>');
    expect(ours).toContain('<h2 id="kept">');
    // Every run starts from nothing: the same ids the second time.
    expect(html(markdown, 'ours')).toBe(ours);
  });

  it('gives the ids rehype-slug gives on every fixture and the first guide’s Markdown in every language', () => {
    const root = path.join(import.meta.dirname, '../..');
    const guide = readdirSync(path.join(root, 'blueprints'), { withFileTypes: true }).find((entry) => entry.isDirectory() && entry.name !== 'cities');
    const files = [...markdownUnder(path.join(root, 'test/fixtures')), ...(guide ? markdownUnder(path.join(root, 'blueprints', guide.name)) : [])];
    expect(files.length).toBeGreaterThan(30);
    for (const file of files) {
      const markdown = readFileSync(file, 'utf8');
      expect(html(markdown, 'ours'), file).toBe(html(markdown, 'library'));
    }
  });
});
