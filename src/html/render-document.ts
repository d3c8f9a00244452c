import type { Element, ElementContent, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { toString as hastToString } from 'hast-util-to-string';
import { h } from 'hastscript';
import type { Edition } from '../edition/resolve-edition.js';
import type { Heading, RenderedBody } from '../markdown/render-body.js';
import type { BlueprintSource, Project } from '../project/load-project.js';
import type { Theme } from '../theme/load-theme.js';
import { pageRules } from '../theme/page-rules.js';
import { type FontCatalog, type FontSelection, selectFonts } from '../theme/select-fonts.js';
import type { Source } from '../validate/schemas/common.js';
import { fill, type Strings } from './strings.js';
import { styleElement } from './style-element.js';

export interface RenderDocumentInput {
  project: Project;
  blueprint: BlueprintSource;
  edition: Edition;
  lang: string;
  strings: Strings;
  theme: Theme;
  body: RenderedBody;
  toOutRoot: string;
  /** Output path (under out/) of the edition city's logo, if it has one. */
  logo?: string;
  fonts: FontCatalog;
}

export interface RenderedDocument {
  html: string;
  title: string;
  fonts: FontSelection;
  /** The headings the contents lists, in order (the PDF stage puts page numbers on them). */
  toc: { id: string; text: string; depth: number }[];
}

const rtl = new Set(['ar', 'ur', 'fa', 'he', 'ps', 'yi']);

/** Theme stage and HTML emission: the whole standalone page around the rendered body. */
export function renderDocument(input: RenderDocumentInput): RenderedDocument {
  const { project, blueprint, edition, lang, strings, theme, body } = input;
  const city = edition.city.config;
  const bp = blueprint.config;
  const colors = { ...theme.config.colors, ...(city.colors ?? {}) };
  const editionName = fill(strings.edition, { city: city.name });
  const title = `${bp.title} — ${editionName}`;
  const date = project.config.date ? formatDate(project.config.date, lang) : undefined;

  const sources = collectSources(
    bp.sources,
    body.fills.map((f) => f.caseStudy.config.sources),
  );
  const tocHeadings = [
    ...body.headings.filter((x) => x.depth <= theme.config.toc_depth),
    ...(sources.length ? [{ id: 'sources-title', depth: 1, text: strings.sources, part: -1 }] : []),
  ];

  const cover = h('header.cover', [
    h('div.cover-brand', [
      input.logo ? h('img.cover-logo', { src: input.toOutRoot + input.logo, alt: `${city.government} logo` }) : undefined,
      h('div', [h('p.cover-government', city.government), h('p.cover-office', city.office)]),
    ]),
    h('div.cover-text', [
      h('p.cover-series', project.config.title),
      h('h1.cover-title', bp.title),
      bp.subtitle ? h('p.cover-subtitle', bp.subtitle) : undefined,
      h('p.cover-summary', bp.summary.trim()),
      h('dl.cover-meta', [
        h('div', [h('dt', `${strings.editionLabel}:`), h('dd', city.name)]),
        project.config.version ? h('div', [h('dt', `${strings.version}:`), h('dd', project.config.version)]) : undefined,
        date ? h('div', [h('dt', `${strings.published}:`), h('dd', date)]) : undefined,
      ]),
    ]),
  ]);

  const toc = h('nav.toc', { ariaLabelledBy: 'toc-title' }, [h('h2#toc-title', strings.contents), tocList(tocHeadings)]);

  const sourcesSection = sources.length
    ? h('section.sources', { ariaLabelledBy: 'sources-title' }, [
        h('h2#sources-title', strings.sources),
        h(
          'ol',
          sources.map((s) =>
            h('li', [h('cite', s.title), '. ', h('span.source-publisher', `${s.publisher}, ${s.year}.`), ' ', h('a', { href: s.url }, s.url)]),
          ),
        ),
      ])
    : undefined;

  const main = h('main#content', [...(body.tree.children as ElementContent[]), ...(sourcesSection ? [sourcesSection] : [])]);
  const colophon = h('footer.colophon', [
    h('p', `${strings.preparedBy} ${city.office}, ${city.government}.`),
    h('p', [project.config.title, project.config.version ? ` · ${strings.version} ${project.config.version}` : '', date ? ` · ${date}` : '']),
  ]);

  const bodyText = [bp.title, bp.subtitle ?? '', bp.summary, city.government, city.office, hastToString(h('div', [main, colophon]))].join(' ');
  const fontPackages = [
    { pkg: theme.config.fonts.body, sheets: ['400.css', '400-italic.css', '700.css', '700-italic.css'] },
    { pkg: theme.config.fonts.heading, sheets: ['700.css'] },
    ...theme.config.fonts.fallback.map((pkg) => ({ pkg, sheets: ['400.css', '700.css'], fallback: true })),
  ];
  const fonts = selectFonts(input.fonts, fontPackages, bodyText, input.toOutRoot);
  const fallbackFamilies = theme.config.fonts.fallback.map((pkg) => `'${input.fonts.familyName(pkg)}'`).join(',');
  const bodyFamily = `'${input.fonts.familyName(theme.config.fonts.body)}',${fallbackFamilies},sans-serif`;
  const headingFamily = `'${input.fonts.familyName(theme.config.fonts.heading)}',${bodyFamily}`;
  const variables = `:root{--bp-primary:${colors.primary};--bp-accent:${colors.accent};--bp-text:${colors.text};--bp-muted:${colors.muted};--bp-surface:${colors.surface};--bp-font-body:${bodyFamily};--bp-font-heading:${headingFamily}}`;
  const parts = blueprint.sections.map((_, i) => body.headings.find((x) => x.part === i && x.depth === 1)?.text ?? '');
  const print = pageRules({
    paper: project.config.paper,
    theme: theme.config,
    colors,
    title: bp.title,
    city: city.government,
    parts,
    strings,
    fontFamily: bodyFamily,
  });

  const dir = rtl.has(lang.split('-')[0] ?? lang) ? 'rtl' : 'ltr';
  const tree: Root = {
    type: 'root',
    children: [
      { type: 'doctype' },
      h('html', { lang, dir }, [
        h('head', [
          h('meta', { charset: 'utf-8' }),
          h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
          h('title', title),
          h('meta', { name: 'author', content: `${city.office}, ${city.government}` }),
          h('meta', { name: 'description', content: bp.summary.trim() }),
          h('meta', { name: 'subject', content: bp.subtitle ?? bp.summary.trim() }),
          h('meta', { name: 'generator', content: 'Blueprints toolkit' }),
          styleElement(`${fonts.css}\n${variables}\n${theme.css}\n${print}`),
        ]),
        h('body', { className: ['blueprint', `city-${edition.city.id}`, `blueprint-${blueprint.id}`] }, [
          h('a.skip-link', { href: '#content' }, strings.skipToContent),
          cover,
          toc,
          main,
          colophon,
        ]),
      ]),
    ],
  };
  return { html: `${toHtml(tree)}\n`, title, fonts, toc: tocHeadings.map((x) => ({ id: x.id, text: x.text, depth: x.depth })) };
}

function tocList(headings: Heading[]): Element {
  const root = h('ol');
  let current: Element | undefined;
  for (const heading of headings) {
    const link = h('a', { href: `#${heading.id}` }, [h('span.toc-text', heading.text), h('span.toc-page', { dataTocFor: heading.id })]);
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

function formatDate(iso: string, lang: string): string {
  try {
    return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
  } catch {
    return iso;
  }
}
