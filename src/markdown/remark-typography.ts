import type { Element as HastElement, Root as HastRoot } from 'hast';
import type { Nodes, Root } from 'mdast';
import type { Parent as NlcstParent, Root as NlcstRoot } from 'nlcst';
import { toString as nlcstToString } from 'nlcst-to-string';
import { retext } from 'retext';
import retextSmartypants from 'retext-smartypants';
import { copyTree } from './copy-tree.js';
import { remarkHeadingIds } from './remark-heading-ids.js';
import { visit } from './visit-tree.js';

interface SmartypantsOptions {
  dashes?: 'oldschool';
  openingQuotes?: { double: string; single: string };
  closingQuotes?: { double: string; single: string };
}

/**
 * retext-smartypants over a Markdown tree, as remark-smartypants does it (#12) — quotes on the text of the
 * whole source at once, so a quote pairs across emphasis and links (code counts as letters, a paragraph,
 * heading or table cell starts with a space); then dashes, ellipses and backquotes text by text — but a
 * text is handed to retext only when it has something to change (#14). remark-smartypants runs retext on
 * every text of every source, two thirds of a warm HTML build; here the same result (asserted against it
 * for every test fixture and shipped source) for a few of them.
 */
export function smartypantsMarkdown(options: SmartypantsOptions): (tree: Root) => void {
  const quotes = curlQuotes(options);
  const rest = retext()
    .use(retextSmartypants, { ...options, quotes: false })
    .freeze();
  return (tree) => {
    const parts: string[] = [];
    const texts: { node: { value: string }; at: number }[] = [];
    let length = 0;
    const add = (part: string) => {
      parts.push(part);
      length += part.length;
    };
    visit(tree, (node: Nodes, _index, parent) => {
      if (!parent) return;
      if (node.type === 'text') {
        texts.push({ node, at: length });
        add(node.value);
      } else if (node.type === 'inlineCode') add('A'.repeat(node.value.length));
      else if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') add(' ');
    });
    const all = parts.join('');
    // Straight quotes are each one character, and so are curly ones: every text keeps its place.
    const curled = /["']/.test(all) ? quotes(all) : all;
    for (const { node, at } of texts) {
      const value = curled.slice(at, at + node.value.length);
      node.value = mayChange.test(value) ? String(rest.processSync(value)) : value;
    }
  };
}

/**
 * retext-smartypants' quotes over a text, walking only the sentences and words that hold a straight quote
 * (#14): its rules look at a quote's neighbours in the same parent and change only a quote or the one after
 * it, so handing it those parents, each whole and in order, gives what a walk over the whole text gives
 * (asserted against remark-smartypants) — without unist-util-visit-parents' per-node cost over every word
 * of a source, which was most of the time left in typesetting.
 */
function curlQuotes(options: SmartypantsOptions): (text: string) => string {
  const parser = retext().freeze();
  const transform = (retextSmartypants as unknown as (settings: object) => (tree: NlcstRoot) => void)({
    ...options,
    ellipses: false,
    dashes: false,
    backticks: false,
  });
  return (text) => {
    const tree = parser.parse(text) as NlcstRoot;
    const parents = new Set<NlcstParent>();
    visit(tree, (node, _index, parent) => {
      if (parent && (node.type === 'PunctuationNode' || node.type === 'SymbolNode') && (node.value === '"' || node.value === "'")) parents.add(parent);
    });
    if (parents.size) transform({ type: 'RootNode', children: [...parents] as NlcstRoot['children'] });
    return nlcstToString(tree);
  };
}

/** What retext-smartypants' dashes (oldschool), ellipses and backquotes can change: `--`, `–-`, dots, ``` `` ``` and `''`. */
const mayChange = /--|–-|\.\s*\.\s*\.|``|''/;
/** Whether retext-smartypants may change a text at all: a straight quote, or one of the above. */
const mayCurl = (text: string) => /["']/.test(text) || mayChange.test(text);

/**
 * How each language quotes (#12). Only languages whose conventions retext-smartypants can set: English
 * curly quotes; Spanish angle quotes with curly single quotes inside (and as the apostrophe). Other languages
 * are left as written: no English quotes in Chinese or Arabic, and French wants spaces the library
 * does not add.
 */
const conventions: Record<string, SmartypantsOptions> = {
  en: { dashes: 'oldschool' },
  es: { dashes: 'oldschool', openingQuotes: { double: '«', single: '‘' }, closingQuotes: { double: '»', single: '’' } },
};

export function typographyFor(lang: string): SmartypantsOptions | undefined {
  return conventions[lang] ?? conventions[lang.split('-')[0] ?? ''];
}

/**
 * Curly quotes, apostrophes, dashes (`--` en, `---` em) and ellipses in a source's prose (#12), in the
 * conventions of the source's language, by retext-smartypants as remark-smartypants applies it
 * (smartypantsMarkdown). Code is never touched (only text is); neither are addresses printed as link
 * text: they are set aside while it runs.
 */
export function remarkTypography(options: { lang: string }) {
  const smarten = markdownSmartypants(options.lang);
  return (tree: Root) => {
    if (!smarten) return;
    const addresses: { type: string }[] = [];
    visit(tree, 'link', (link) => {
      for (const child of link.children) {
        if (child.type === 'text' && /^(?:https?:|mailto:|www\.)/i.test(child.value)) {
          (child as { type: string }).type = 'addressText';
          addresses.push(child);
        }
      }
    });
    smarten(tree);
    for (const node of addresses) node.type = 'text';
  };
}

/**
 * The characters typesetting may put into a text in `lang` (#13): what a `check`, which does not typeset,
 * adds to the text whose glyphs the fonts must have, so it warns of a font without curly quotes as the
 * build would. Only for the marks the text has: straight quotes, `--` and dots (`...`, `. . .`).
 */
export function typesetCharacters(text: string, lang: string): string {
  const settings = typographyFor(lang);
  if (!settings) return '';
  const open = settings.openingQuotes ?? { double: '“', single: '‘' };
  const close = settings.closingQuotes ?? { double: '”', single: '’' };
  return [
    text.includes('"') ? open.double + close.double : '',
    // An apostrophe is a closing single quote.
    text.includes("'") ? open.single + close.single : '',
    text.includes('--') ? '–—' : '',
    /\.\s*\.\s*\./.test(text) ? '…' : '',
  ].join('');
}

/** smartypantsMarkdown for a language, made once (its retext processors are reused for every source). */
const markdownTransforms = new Map<string, ((tree: Root) => void) | undefined>();
function markdownSmartypants(lang: string): ((tree: Root) => void) | undefined {
  if (!markdownTransforms.has(lang)) {
    const settings = typographyFor(lang);
    markdownTransforms.set(lang, settings ? smartypantsMarkdown(settings) : undefined);
  }
  return markdownTransforms.get(lang);
}

/** Typeset copies of parsed sources, by tree and language: a source is typeset once, not once per edition (#14). */
const typesetCopies = new WeakMap<Root, Map<string, Root>>();

/**
 * A source's tree with its quotes and dashes set for `lang` (#12), made once per tree and language and
 * shared: callers clone it before changing it, as they clone the parsed tree. Keyed by the parsed tree's
 * identity, so a source that changed (a new tree) is typeset again.
 */
export function typesetSource(tree: Root, lang: string): Root {
  if (!typographyFor(lang)) return tree;
  let byLang = typesetCopies.get(tree);
  if (!byLang) {
    byLang = new Map();
    typesetCopies.set(tree, byLang);
  }
  let typeset = byLang.get(lang);
  if (!typeset) {
    typeset = copyTree(tree);
    // Ids written after headings first, so `{#a--b}` is not read as a dash.
    remarkHeadingIds()(typeset);
    remarkTypography({ lang })(typeset);
    byLang.set(lang, typeset);
  }
  return typeset;
}

/**
 * The same conventions for a text that does not come from Markdown (#12): titles, a city's office and
 * government, sources, interface words, running heads. Per text, so a quote cannot pair across texts.
 */
export function smartenText(text: string, lang: string): string {
  const settings = typographyFor(lang);
  if (!settings || !mayCurl(text)) return text;
  let processor = processors.get(lang);
  if (!processor) {
    const frozen = retext().use(retextSmartypants, settings).freeze();
    // #14: the same few texts (a city's office, the sources' titles, "Mayor's Office" in every running head)
    // come back in every document and every build of a preview: each is curled once. Parsing one into a
    // sentence tree costs about 0.1 ms; a page has a dozen or more. Bounded: a long preview session that
    // sees many texts starts again rather than growing.
    const done = new Map<string, string>();
    processor = (value: string) => {
      let curled = done.get(value);
      if (curled === undefined) {
        curled = String(frozen.processSync(value));
        if (done.size >= 20_000) done.clear();
        done.set(value, curled);
      }
      return curled;
    };
    processors.set(lang, processor);
  }
  return processor(text);
}

const processors = new Map<string, (text: string) => string>();

const VERBATIM = new Set(['code', 'pre', 'kbd', 'samp', 'script', 'style', 'textarea']);

/**
 * Every text of a finished page in its language's conventions (#12): what the Markdown transforms did for
 * the body, done for the cover, contents, sources and back page too. Code, addresses printed as text and
 * `dir="ltr"` spans without a language (addresses, versions) are left alone; text already curled is unchanged.
 */
export function smartenTree(tree: HastRoot, lang: string): void {
  const walk = (node: HastElement | HastRoot, inLang: string) => {
    for (const child of node.children) {
      if (child.type === 'text') {
        if (!/^(?:https?:|mailto:|www\.)/i.test(child.value.trim())) child.value = smartenText(child.value, inLang);
      } else if (child.type === 'element') {
        // An address or a version is marked `dir="ltr"` alone; a passage in a language has `lang` too.
        if (VERBATIM.has(child.tagName) || child.tagName === 'head' || (child.properties.dir === 'ltr' && child.properties.lang === undefined)) continue;
        walk(child, typeof child.properties.lang === 'string' ? child.properties.lang : inLang);
      }
    }
  };
  walk(tree, lang);
}

/** The typeset copies made of a parsed tree so far, by language: kept between runs with the tree (#13). */
export function typesetCopiesOf(tree: Root): Record<string, Root> {
  return Object.fromEntries([...(typesetCopies.get(tree) ?? [])].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Typeset copies an earlier run made of the same text (see SourceCache.restore). */
export function rememberTypeset(tree: Root, copies: Record<string, Root>): void {
  const byLang = typesetCopies.get(tree) ?? new Map<string, Root>();
  for (const [lang, copy] of Object.entries(copies)) if (typographyFor(lang)) byLang.set(lang, copy);
  typesetCopies.set(tree, byLang);
}
