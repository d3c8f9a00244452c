import rehypeSlug from 'rehype-slug';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { remarkHeadingIds } from '../../src/markdown/remark-heading-ids.js';

const html = (markdown: string) =>
  String(unified().use(remarkParse).use(remarkHeadingIds).use(remarkRehype).use(rehypeSlug).use(rehypeStringify).processSync(markdown));

// #10: a translated heading keeps its source's id, so links into it work in every language.
describe('remark-heading-ids', () => {
  it('takes the id written after a heading and drops it from the text', () => {
    expect(html('## A. Modelo de orden ejecutiva {#a-model-executive-order}')).toBe('<h2 id="a-model-executive-order">A. Modelo de orden ejecutiva</h2>');
    expect(html('## نموذج *أمر* {#model}')).toBe('<h2 id="model">نموذج <em>أمر</em></h2>');
  });

  it('leaves other headings to the slugger, and ids that are not plain names as text', () => {
    expect(html('## Choosing languages')).toBe('<h2 id="choosing-languages">Choosing languages</h2>');
    expect(html('## Costs {#a b}')).toBe('<h2 id="costs-a-b">Costs {#a b}</h2>');
    expect(html('## Costs {#"><script>}')).not.toContain('<script>');
  });
});
