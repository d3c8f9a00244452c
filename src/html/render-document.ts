import type { Element, ElementContent, Properties, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { toString as hastToString } from 'hast-util-to-string';
import { type Child, h } from 'hastscript';
import { isDraft, type LocalizedText, type Passage } from '../edition/localize.js';
import type { Edition } from '../edition/resolve-edition.js';
import type { WordKey } from '../i18n/interface-words.js';
import { counterStyleOf, directionOf, formatDate, scriptOf } from '../i18n/language.js';
import { smartenText, smartenTree, typesetCharacters } from '../markdown/remark-typography.js';
import type { Heading, RenderedBody } from '../markdown/render-body.js';
import type { BlueprintSource, Project } from '../project/load-project.js';
import { editionColors } from '../theme/edition-colors.js';
import { lineWidth, type Measure, textMeasure } from '../theme/fit-running-heads.js';
import type { Theme } from '../theme/load-theme.js';
import { marginTextSize, pageRules } from '../theme/page-rules.js';
import { type FontCatalog, type FontSelection, selectFonts } from '../theme/select-fonts.js';
import { fontFamilies, themeVariables } from '../theme/theme-variables.js';
import type { CityConfig } from '../validate/schemas/city.js';
import type { Source } from '../validate/schemas/common.js';
import type { ThemeConfig } from '../validate/schemas/theme.js';
import { pdfLinkPlaceholder } from './link-pdf.js';
import { fill, type Strings } from './strings.js';
import { styleElement } from './style-element.js';

export interface RenderDocumentInput {
  project: Project;
  blueprint: BlueprintSource;
  edition: Edition;
  lang: string;
  strings: Strings;
  /** Titles and city fields in the document's language (#10). */
  text: LocalizedText;
  theme: Theme;
  body: RenderedBody;
  toOutRoot: string;
  /** Output path (under out/) of the cover logo: the edition city's, else its theme's (#11). */
  logo?: { output: string; fromTheme: boolean };
  fonts: FontCatalog;
  /**
   * For `check` (#13), which reads only what a render reports: no typesetting (it reports nothing; the
   * characters it would add are still checked against the fonts) and no HTML text (`html` is empty).
   */
  forCheck?: boolean;
}

export interface RenderedDocument {
  /** The page; empty when rendered for `check`. */
  html: string;
  title: string;
  fonts: FontSelection;
  /** The headings the contents lists, in order (the PDF stage puts page numbers on them). */
  toc: { id: string; text: string; depth: number }[];
  /** What the PDF's metadata says, in the document's language (#10). */
  pdf: { author: string; subject: string; keywords: string[]; draft: boolean; links: Record<string, string> };
}

/** Theme stage and HTML emission: the whole standalone page around the rendered body. */
export function renderDocument(input: RenderDocumentInput): RenderedDocument {
  const { project, blueprint, edition, lang, strings, theme, body, text } = input;
  const city = edition.city.config;
  const bp = blueprint.config;
  const colors = editionColors(theme.config.colors, city.colors);
  const dir = text.dir;
  const name = text.city('name') as Passage;
  const government = text.city('government') as Passage;
  const office = text.city('office') as Passage;
  const editionName = fill(strings.edition, { city: name.text });
  const title = `${text.title.text} — ${editionName}`;
  const date = project.config.date ? formatDate(project.config.date, lang) : undefined;
  const draft = isDraft([...text.translations, ...body.translations]);

  /** An element holding a passage, marked when it is in another language than the document (#10). */
  const inLang = (selector: string, passage: Passage, props: Properties = {}) => h(selector, { ...props, ...marks(passage.lang, lang) }, passage.text);
  /** An interface word: marked when it falls back to English. */
  const word = (key: WordKey, value: string = strings[key]): ElementContent => {
    const wordLang = strings.langOf[key];
    return wordLang ? h('span', marks(wordLang, lang), value) : { type: 'text', value };
  };
  // The running header's and footer's placeholders (#11), in the document's language (#10).
  // #12: curly apostrophes and quotes in the running heads too ("Mayor’s Office").
  const smarten = input.forCheck ? (value: string) => value : smartenText;
  const pageValues = {
    title: smarten(text.title.text, text.title.lang),
    subtitle: smarten(text.subtitle?.text ?? '', text.subtitle?.lang ?? lang),
    series: smarten(text.projectTitle.text, text.projectTitle.lang),
    city: smarten(name.text, name.lang),
    government: smarten(government.text, government.lang),
    office: smarten(office.text, office.lang),
    version: project.config.version ?? '',
  };

  const sources = collectSources(
    bp.sources,
    body.fills.map((f) => f.caseStudy.config.sources),
  );
  const tocHeadings: Heading[] = [
    ...body.headings.filter((x) => x.depth <= theme.config.toc_depth),
    ...(sources.length ? [{ id: 'sources-title', depth: 1, text: strings.sources, part: -1, ...langOfWord(strings, 'sources') }] : []),
  ];

  const cover = h('header.cover', [
    h('div.cover-brand', [
      input.logo
        ? h('img.cover-logo', {
            src: input.toOutRoot + input.logo.output,
            alt: input.logo.fromTheme ? '' : fill(strings.logoAlt, { government: government.text }),
            ...(input.logo.fromTheme ? {} : marks(government.lang, lang)),
          })
        : undefined,
      h('div', [inLang('p.cover-government', government), inLang('p.cover-office', office)]),
    ]),
    h('div.cover-text', [
      inLang('p.cover-series', text.projectTitle),
      inLang('h1.cover-title', text.title),
      text.subtitle ? inLang('p.cover-subtitle', text.subtitle) : undefined,
      // #12: a short blurb on the cover; the whole summary opens the back page.
      inLang('p.cover-summary', text.blurb),
      h('dl.cover-meta', [
        h('div', [h('dt', [word('editionLabel'), ':']), inLang('dd', name)]),
        project.config.version ? h('div', [h('dt', [word('version'), ':']), h('dd', { dir: 'ltr' }, project.config.version)]) : undefined,
        date ? h('div', [h('dt', [word('published'), ':']), h('dd', date)]) : undefined,
      ]),
      // #10: a translation nobody has reviewed says so on its cover, in the reader's language.
      draft ? h('p.translation-draft', { role: 'note' }, [word('translationDraft')]) : undefined,
    ]),
  ]);

  const toc = h('nav.toc', { ariaLabelledBy: 'toc-title' }, [h('h2#toc-title', [word('contents')]), tocList(tocHeadings, lang)]);

  // Sources are cited in their own language (the source language): each is isolated, the address left to right.
  const sourceLang = marks(text.sourceLang, lang);
  const sourcesSection = sources.length
    ? h('section.sources', { ariaLabelledBy: 'sources-title' }, [
        h('h2#sources-title', [word('sources')]),
        h(
          'ol',
          sources.map((s) =>
            h('li', [
              h('span.source', sourceLang, [
                h('cite', s.title),
                endsSentence(s.title) ? ' ' : '. ',
                h('span.source-publisher', sentence(`${s.publisher}, ${s.year}`)),
              ]),
              ' ',
              s.url ? h('a', { href: s.url, dir: 'ltr' }, s.url) : undefined,
            ]),
          ),
        ),
      ])
    : undefined;

  const main = h('main#content', [...(body.tree.children as ElementContent[]), ...(sourcesSection ? [sourcesSection] : [])]);
  // #12: "Prepared by the Mayor's Office…": the office takes its article after the interface words.
  const officeArticle = text.article('office');
  const preparedBy = strings.preparedBy.split(/(\{office\}|\{government\})/).map((part): ElementContent => {
    if (part === '{office}') {
      const value = officeArticle ? `${officeArticle} ${office.text}` : office.text;
      return office.lang === lang ? { type: 'text', value } : h('span', marks(office.lang, lang), value);
    }
    if (part === '{government}')
      return government.lang === lang ? { type: 'text', value: government.text } : h('span', marks(government.lang, lang), government.text);
    return word('preparedBy', part);
  });
  const colophon = h(
    'footer.colophon',
    { ariaLabelledBy: 'about-title' },
    backPage({ project, text, strings, lang, date, word, inLang, marks, preparedBy, contact: city.contact }),
  );
  const bodyText = [
    title,
    text.title.text,
    text.subtitle?.text ?? '',
    text.summary.text,
    government.text,
    office.text,
    text.projectTitle.text,
    Object.values(strings).join(' '),
    hastToString(h('div', [cover, toc, main, colophon])),
  ].join(' ');
  const fontPackages = [
    { pkg: theme.config.fonts.body, sheets: ['400.css', '400-italic.css', '700.css', '700-italic.css'] },
    { pkg: theme.config.fonts.heading, sheets: ['700.css'] },
    ...theme.config.fonts.fallback.map((pkg) => ({ pkg, sheets: ['400.css', '700.css'], fallback: true })),
  ];
  const typeset = input.forCheck ? typesetCharacters(bodyText, lang) + typesetCharacters(bodyText, project.config.languages[0] ?? lang) : '';
  const fonts = selectFonts(input.fonts, fontPackages, `${bodyText} ${pageValues.title} ${pageValues.series}${typeset}`, input.toOutRoot);
  const families = fontFamilies(input.fonts, theme.config.fonts);
  const variables = themeVariables(theme.config, colors, families);
  const parts = blueprint.sections.map((_, i) => body.headings.find((x) => x.part === i && x.depth === 1)?.text ?? '');
  const print = pageRules({
    paper: project.config.paper,
    page: theme.config.page,
    partBreak: theme.config.part_break,
    values: pageValues,
    muted: colors.muted,
    background: colors.background,
    parts,
    strings,
    fontFamily: families.body,
    counterStyle: counterStyleOf(lang),
    dir,
    // #12: running heads on one line (a check prints no page: it does not measure them).
    ...(input.forCheck ? {} : { fit: runningHeadFit(input.fonts, theme.config, project.config.paper) }),
  });

  const author = `${office.text}, ${government.text}`;
  const subject = text.subtitle?.text ?? text.summary.text;
  const tree: Root = {
    type: 'root',
    children: [
      { type: 'doctype' },
      h('html', { lang, dir, dataScript: scriptOf(lang) }, [
        h('head', [
          h('meta', { charset: 'utf-8' }),
          h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
          h('title', title),
          h('meta', { name: 'author', content: author }),
          h('meta', { name: 'description', content: text.summary.text }),
          h('meta', { name: 'subject', content: subject }),
          h('meta', { name: 'generator', content: 'Blueprints toolkit' }),
          // #10: machines can tell a draft translation too (the manifest and the PDF say it as well).
          draft ? h('meta', { name: 'translation-status', content: 'machine-assisted draft, not yet reviewed by a professional translator' }) : undefined,
          styleElement(`${fonts.css}\n${variables}\n${theme.css}\n${print}`),
        ]),
        h('body', { className: ['blueprint', `city-${edition.city.id}`, `blueprint-${blueprint.id}`, `cover-${theme.config.cover.layout}`] }, [
          h('a.skip-link', { href: '#content' }, [word('skipToContent')]),
          // #12: on screen, the way back to every guide and to this guide's PDF (filled in after printing).
          h('nav.guide-nav', { ariaLabelledBy: 'guide-nav-index' }, [
            h('a#guide-nav-index', { href: `${input.toOutRoot}index.html` }, [word('allGuides')]),
            pdfLinkPlaceholder(),
          ]),
          cover,
          toc,
          main,
          colophon,
        ]),
      ]),
    ],
  };
  // #12: the cover, contents, sources and back page in the same typographic conventions as the body.
  if (!input.forCheck) smartenTree(tree, lang);
  const keywords = [text.projectTitle.text, text.title.text, name.text, ...(draft ? [strings.translationDraft] : [])];
  return {
    html: input.forCheck ? '' : `${toHtml(tree)}\n`,
    title,
    fonts,
    toc: tocHeadings.map((x) => ({ id: x.id, text: x.text, depth: x.depth })),
    pdf: { author, subject, keywords, draft, links: linkTexts(h('div', [toc, main, colophon])) },
  };
}

/** Whether a title already ends a sentence ("Who is language access for?"): no period after it. */
const endsSentence = (text: string) => /[.?!。？！؟]$/.test(text.trim());
/** A text closed by one period: "n.d." is not given a second. */
const sentence = (text: string) => (endsSentence(text) ? text : `${text}.`);

/**
 * #12: the back page, in print and on screen: the whole summary, who to contact, the accessibility
 * statement, where to get the guide in other formats and languages, the licence, the version and how to
 * cite it, then who prepared it.
 */
function backPage(input: {
  project: Project;
  text: LocalizedText;
  strings: Strings;
  lang: string;
  date: string | undefined;
  word: (key: WordKey, value?: string) => ElementContent;
  inLang: (selector: string, passage: Passage, props?: Properties) => Element;
  marks: (passageLang: string, docLang: string) => Properties;
  preparedBy: ElementContent[];
  contact: CityConfig['contact'];
}): ElementContent[] {
  const { project, text, strings, lang, date, word, inLang } = input;
  const city = text.city;
  const office = city('office') as Passage;
  const government = city('government') as Passage;
  const website = city('website');
  const contact = input.contact;
  const officeWithArticle = text.article('office') ? `${text.article('office')} ${office.text}` : office.text;
  const filled = (key: 'accessibilityText' | 'languageHelpText') => {
    const parts = strings[key].split('{office}');
    return parts.flatMap((part, i) => {
      // "The Mayor's Office … wants": an article that starts a sentence is capitalized.
      const starts = i > 0 && /(?:^|[.!?]\s+)$/.test(parts[i - 1] ?? '');
      const value = starts ? officeWithArticle.charAt(0).toLocaleUpperCase(office.lang) + officeWithArticle.slice(1) : officeWithArticle;
      return [
        ...(i > 0 ? [office.lang === lang ? ({ type: 'text', value } as ElementContent) : h('span', input.marks(office.lang, lang), value)] : []),
        word(key, part),
      ];
    });
  };
  const item = (key: WordKey, value: Child) => h('div', [h('dt', [word(key)]), h('dd', value)]);
  const version = project.config.version;
  const citation = [
    `${office.text}, ${government.text}. `,
    h('cite', [text.title.text, text.subtitle ? `: ${text.subtitle.text}` : '']),
    `. ${text.projectTitle.text}, ${fill(strings.edition, { city: (city('name') as Passage).text })}`,
    version ? `, ${strings.version.toLocaleLowerCase(lang)} ${version}` : '',
    date ? `, ${date}` : '',
    '.',
  ];
  return [
    h('h2#about-title', [word('aboutGuide')]),
    inLang('p.back-summary', text.summary),
    h('dl.back-facts', [
      item('contact', [
        inLang('span', office),
        ', ',
        inLang('span', government),
        website ? [h('br'), h('a', { href: website.text, dir: 'ltr' }, website.text)] : '',
        contact?.email ? [h('br'), h('a', { href: `mailto:${contact.email}`, dir: 'ltr' }, contact.email)] : '',
        contact?.phone ? [h('br'), h('span', { dir: 'ltr' }, contact.phone)] : '',
      ]),
      item('accessibility', filled('accessibilityText')),
      item('languageHelp', filled('languageHelpText')),
      project.config.license
        ? item('licence', [
            h('span', project.config.license),
            ...(project.config.license_url ? [' ', h('a', { href: project.config.license_url, dir: 'ltr' }, project.config.license_url)] : []),
          ])
        : undefined,
      version || date ? item('version', [h('span', { dir: 'ltr' }, version ?? ''), date ? `${version ? ' · ' : ''}${date}` : '']) : undefined,
      item('howToCite', h('span.citation', citation)),
    ]),
    h('p.prepared-by', input.preparedBy),
  ];
}

/** `lang` and `dir` for an element in language `passageLang` inside a document in `docLang`; nothing when they agree. */
function marks(passageLang: string, docLang: string): Properties {
  return passageLang === docLang ? {} : { lang: passageLang, dir: directionOf(passageLang) };
}

const langOfWord = (strings: Strings, key: WordKey) => (strings.langOf[key] ? { lang: strings.langOf[key] } : {});

function tocList(headings: Heading[], lang: string): Element {
  const root = h('ol');
  let current: Element | undefined;
  for (const heading of headings) {
    const text = h('span.toc-text', heading.lang ? marks(heading.lang, lang) : {}, heading.text);
    const link = h('a', { href: `#${heading.id}` }, [text, h('span.toc-page', { dataTocFor: heading.id })]);
    if (heading.depth === 1 || !current) {
      current = h(`li.toc-level-1`, [link]);
      root.children.push(current);
    } else {
      let sub = current.children.find((c): c is Element => c.type === 'element' && c.tagName === 'ol');
      if (!sub) {
        sub = h('ol');
        current.children.push(sub);
      }
      sub.children.push(h('li.toc-level-2', [link]));
    }
  }
  return root;
}

/** Blueprint sources, then each placed case study's, without repeats. */
function collectSources(own: Source[], fromCaseStudies: Source[][]): Source[] {
  const seen = new Set<string>();
  const out: Source[] = [];
  for (const s of [...own, ...fromCaseStudies.flat()]) {
    const key = `${s.url}|${s.title}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(s);
  }
  return out;
}

/**
 * #12: what each link says, by its address (`#id`, `https://…`): PDF/UA asks every link annotation for a
 * description (Contents), and Chromium writes none. The first link to an address names it.
 */
function linkTexts(tree: Element): Record<string, string> {
  const texts: Record<string, string> = {};
  const visit = (node: Element) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      const href = child.tagName === 'a' ? child.properties.href : undefined;
      if (typeof href === 'string' && !(href in texts)) {
        const text = (typeof child.properties.ariaLabel === 'string' ? child.properties.ariaLabel : hastToString(child)).replace(/\s+/g, ' ').trim();
        if (text) texts[href] = text;
      }
      visit(child);
    }
  };
  visit(tree);
  return texts;
}

/** How the running heads are fitted to their line: its width, and the theme's body fonts measuring at the boxes' size. */
function runningHeadFit(fonts: FontCatalog, config: ThemeConfig, paper: 'letter' | 'a4'): { width: number; measure: Measure } | undefined {
  const width = lineWidth(paper, config.page.margin);
  return width === undefined ? undefined : { width, measure: textMeasure(fonts, [config.fonts.body, ...config.fonts.fallback], marginTextSize) };
}
