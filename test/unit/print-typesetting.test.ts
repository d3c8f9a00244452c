import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Root as HastRoot } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import type { Root } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import remarkSmartypants from 'remark-smartypants';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { defaultArticle } from '../../src/edition/localize.js';
import { createMarkdownParser } from '../../src/markdown/processor.js';
import { rehypeLeadIns, rehypeNoteRefs } from '../../src/markdown/rehype-note-refs.js';
import { rehypeNumericColumns } from '../../src/markdown/rehype-numeric-columns.js';
import { rehypeShortCitations, shortTitle } from '../../src/markdown/rehype-short-citations.js';
import { remarkCityVariables } from '../../src/markdown/remark-city-variables.js';
import { remarkTypography, smartenText, smartypantsMarkdown, typesetCharacters, typographyFor } from '../../src/markdown/remark-typography.js';
import { repoRoot } from '../helpers.js';

/** Markdown through the toolkit's #12 transforms to HTML, with a city of the given names. */
function render(
  markdown: string,
  lang = 'en',
  city: Record<string, string> = { government: 'City of New York', office: "Mayor's Office of Immigrant Affairs" },
) {
  const processor = unified().use(remarkParse).use(remarkGfm).use(remarkDirective);
  const tree = processor.parse(markdown) as Root;
  const file = new VFile();
  unified()
    .use(remarkCityVariables, {
      value: (field) => (city[field] ? { text: city[field] as string, lang } : undefined),
      lang,
      article: (field) => defaultArticle({ text: city[field] ?? '', lang }),
    })
    .use(remarkTypography, { lang })
    .runSync(tree, file);
  const hast = unified()
    .use(remarkRehype, { clobberPrefix: '' })
    .use(rehypeNoteRefs)
    .use(rehypeLeadIns)
    .use(rehypeNumericColumns)
    .use(rehypeShortCitations)
    .runSync(tree, file) as HastRoot;
  return toHtml(hast);
}

describe('print typesetting transforms (#12)', () => {
  it('curls quotes and dashes in English and Spanish prose, never in code or printed addresses', () => {
    expect(render(`The "sanctuary" policy -- it's the city's --- and \`"code"\` <https://example.org/it's>`)).toContain(
      'The “sanctuary” policy – it’s the city’s — and <code>"code"</code> <a href="https://example.org/it&#x27;s">https://example.org/it\'s</a>',
    );
    expect(render('Una política "santuario"', 'es')).toContain('Una política «santuario»');
    expect(render('一项"庇护"政策', 'zh-Hans')).toContain('一项"庇护"政策');
  });

  it('gives institution names their article, capitalized at a sentence start, not after "its"', () => {
    const html = render('Written for :city[government] and its :city[office]. :city[office] leads.');
    expect(html).toContain('Written for the City of New York and its Mayor’s Office of Immigrant Affairs. The Mayor’s Office of Immigrant Affairs leads.');
    expect(render('Written for :city[government].', 'en', { government: 'Miami-Dade County' })).toContain('Written for Miami-Dade County.');
  });

  it('joins a note number to the word before it and marks a lead-in before its list', () => {
    const html = render('Cities must:\n\n- act.[^a]\n\n[^a]: *Title*, Publisher, 2020.');
    expect(html).toContain('<p class="lead-in">Cities must:</p>');
    // A run-in heading before a table is a lead-in too; bold text that starts a paragraph is not.
    const table = render('**Who did what.**\n\n| Actor | Role |\n| --- | --- |\n| A | B |\n\n**Results.** The program grew.\n\n- one');
    expect(table).toContain('<p class="lead-in"><strong>Who did what.</strong></p>');
    expect(table).toContain('<p><strong>Results.</strong> The program grew.</p>');
    expect(html).toMatch(/<span class="note-join">act\.<sup><a href="#fn-a"/);
  });

  it('cites a repeated source briefly, and sets numeric columns flush right', () => {
    const tree: HastRoot = {
      type: 'root',
      children: [
        h('ol', [
          h('li#fn-a', [
            h('p', [h('em', 'Language Access Plan for the City: 2020 update'), ', City of Boston, n.d. ', h('a', { dataFootnoteBackref: '' }, '^')]),
          ]),
          h('li#fn-b', [
            h('p', [h('em', 'Language Access Plan for the City: 2020 update'), ', City of Boston, n.d. ', h('a', { dataFootnoteBackref: '' }, '^')]),
          ]),
        ]),
      ],
    };
    unified().use(rehypeShortCitations).runSync(tree);
    expect(toHtml(tree)).toContain('<li id="fn-b"><p>City of Boston, <em>Language Access Plan for the City</em>. <a');
    expect(shortTitle('Mayor Bloomberg Signs Executive Order 120 Requiring Citywide Language Access')).toBe('Mayor Bloomberg Signs Executive Order');
    expect(shortTitle('How can the Office of Language and Communications Access help you?')).toBe(
      'How can the Office of Language and Communications Access help you?',
    );
    expect(render('| Line | Cost |\n| --- | --- |\n| Phones[^x] | $36,500[^x] |\n| **Total** | **$160,500** |\n\n[^x]: Note.')).toMatch(
      /<th class="numeric">Cost<\/th>[\s\S]*<td class="numeric"><span class="note-join">\$36,500/,
    );
  });
});

// #13: check does not typeset, but still asks the fonts for every character typesetting would add.
describe('typesetCharacters', () => {
  it('holds every character typesetting adds, in the conventions of each language', () => {
    const samples = ['"Quoted" and \'single\' -- then --- and...', "The Mayor's Office", 'No marks at all', 'Dashes only -- here', 'Wait . . . go'];
    for (const lang of ['en', 'es', 'en-US']) {
      for (const text of samples) {
        const added = [...smartenText(text, lang)].filter((c) => !text.includes(c));
        const promised = typesetCharacters(text, lang);
        for (const c of added) expect(promised, `${lang}: ${text}`).toContain(c);
      }
    }
    expect(typesetCharacters('"Quoted" -- ...', 'zh-Hans')).toBe('');
    expect(typesetCharacters('No marks at all', 'en')).toBe('');
    // A title is set as body text is: a spaced ellipsis too.
    expect(smartenText('Wait . . . go', 'en')).toBe('Wait … go');
    expect(typesetCharacters('"¿Qué?"', 'es')).toContain('«');
  });
});

// #14: the toolkit runs retext-smartypants over a source as remark-smartypants does, but hands retext only
// the texts it can change. The same trees as the library, for every Markdown file here, in each convention.
describe('curling quotes and dashes in Markdown', () => {
  const tricky = [
    "He said \"yes\" -- and 'no' --- then... stopped. . . and ``quoted'' text, the '90s, a range 1–-2.",
    '"A *quoted* [link](https://example.org)" and `"code"` in a row; "open\n\n"next paragraph" it\'s',
    "\"'Nested' quotes,\" she said. '\"Double in single\"' and \"'90s\" -- \"It's,\" 'she's'. \"!\" '?' (\"a\") ['b']",
    'Wait . . . go on, *then* ``quoted` `` and a dash--here',
    '| "Cell" | \'one\' -- two |\n| --- | --- |\n| x... | "y" |\n\n# "Heading" -- here',
  ].join('\n\n');
  // Every fixture, and every fourth shipped file in a fixed order (all of them took 19 s of the suite; a
  // fork's guides differ anyway): what a guide's typography holds, without the time.
  const markdownIn = (dir: string) =>
    readdirSync(path.join(repoRoot, dir), { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.md'))
      .sort()
      .map((name) => path.join(repoRoot, dir, name));
  const files = [...markdownIn('test/fixtures'), ...markdownIn('blueprints').filter((_, i) => i % 4 === 0)];
  const parser = createMarkdownParser();
  it.each(['en', 'es'])('gives the trees remark-smartypants gives (%s)', (lang) => {
    const library = (remarkSmartypants as unknown as (options: unknown) => (tree: Root) => void)(typographyFor(lang));
    const ours = smartypantsMarkdown(typographyFor(lang) ?? {});
    let changed = 0;
    for (const text of [tricky, ...files.map((name) => readFileSync(name, 'utf8'))]) {
      const expected = parser.parse(new VFile({ value: text }));
      const actual = structuredClone(expected);
      const before = JSON.stringify(expected);
      library(expected);
      ours(actual);
      expect(actual).toEqual(expected);
      if (JSON.stringify(expected) !== before) changed++;
    }
    expect(files.length).toBeGreaterThan(10);
    expect(changed).toBeGreaterThan(5);
  });
});
