import { defaultSchema, type Options } from 'rehype-sanitize';

/**
 * Sources from a fork are untrusted: raw HTML keeps only an allow-list of elements and attributes (no
 * scripts, event handlers, iframes, forms, styles), `javascript:` URLs are dropped, and `src` may only be
 * relative (a document never loads from the network). Ids are kept as written: every page is standalone
 * and runs no script, so DOM clobbering has nothing to attack.
 */
export const sanitizeSchema: Options = {
  ...defaultSchema,
  clobber: [],
  // Raw-text elements are dropped with their content: a <style> or <title> must not print its text (#9).
  strip: [
    'script',
    'style',
    'title',
    'textarea',
    'xmp',
    'iframe',
    'noembed',
    'noframes',
    'noscript',
    'plaintext',
    'template',
    'object',
    'embed',
    'svg',
    'math',
  ],
  clobberPrefix: '',
  tagNames: [...(defaultSchema.tagNames ?? []), 'section', 'aside', 'figure', 'figcaption', 'abbr', 'mark'],
  attributes: {
    ...defaultSchema.attributes,
    '*': [
      ...(defaultSchema.attributes?.['*'] ?? []),
      'className',
      'id',
      'lang',
      'dir',
      ['role', 'note', 'doc-endnotes', 'doc-backlink', 'doc-noteref', 'region'],
    ],
    section: ['dataFootnotes', 'dataPart', 'ariaLabelledBy', 'ariaLabel'],
    aside: ['dataCity', 'dataSlot', 'dataSource', 'dataContinued', 'dataContinuedLang', 'ariaLabelledBy'],
    a: [...(defaultSchema.attributes?.a ?? []), 'ariaDescribedBy', 'ariaLabel', 'dataFootnoteRef', 'dataFootnoteBackref'],
    h2: ['id', 'className'],
    th: [...(defaultSchema.attributes?.th ?? []), 'scope'],
  },
  protocols: {
    ...defaultSchema.protocols,
    src: [],
    href: ['http', 'https', 'mailto', 'tel'],
    cite: ['http', 'https'],
    longDesc: [],
  },
};
