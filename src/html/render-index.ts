import type { Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import { localize } from '../edition/localize.js';
import { directionOf, languageName, scriptOf } from '../i18n/language.js';
import type { ManifestDocument } from '../pipeline/manifest.js';
import type { Project } from '../project/load-project.js';
import { editionColors } from '../theme/edition-colors.js';
import type { Theme } from '../theme/load-theme.js';
import { FontCatalog, type FontSelection, selectFonts } from '../theme/select-fonts.js';
import { fontFamilies, themeVariables } from '../theme/theme-variables.js';
import { stringsFor } from './strings.js';
import { styleElement } from './style-element.js';

export interface IndexLink {
  href: string;
  label: string;
}

/**
 * `out/index.html`: every built document, grouped by edition and language, each with a link to every file
 * made of it (`linksOf` comes from the output formats: the index names none by hand, #8).
 */
export function renderIndex(
  project: Project,
  theme: Theme,
  documents: ManifestDocument[],
  linksOf: (doc: ManifestDocument) => IndexLink[],
  catalog: FontCatalog = new FontCatalog(project.root),
): { html: string; fonts: FontSelection } {
  const lang = project.config.languages[0] ?? 'en';
  const strings = stringsFor(lang, project.config.strings);
  const order = new Map(project.config.blueprints.map((id, i) => [id, i]));
  const groups = new Map<string, ManifestDocument[]>();
  for (const doc of documents) {
    const key = `${doc.city}\u0000${doc.lang}`;
    groups.set(key, [...(groups.get(key) ?? []), doc]);
  }
  const summaries: string[] = [];
  // Cities alphabetically; in each, the languages in the project's order (the source language first).
  const langOrder = (code: string) => {
    const at = project.config.languages.indexOf(code);
    return at === -1 ? project.config.languages.length : at;
  };
  const byEdition = (a: string, b: string) => {
    const [cityA = '', langA = ''] = a.split('\u0000');
    const [cityB = '', langB = ''] = b.split('\u0000');
    return cityA < cityB ? -1 : cityA > cityB ? 1 : langOrder(langA) - langOrder(langB) || (langA < langB ? -1 : langA > langB ? 1 : 0);
  };
  const sections = [...groups.keys()].sort(byEdition).map((key) => {
    const docs = (groups.get(key) ?? []).sort((a, b) => (order.get(a.blueprint) ?? 99) - (order.get(b.blueprint) ?? 99));
    const [cityId = '', docLang = ''] = key.split('\u0000');
    const profile = project.cities.get(cityId);
    const city = profile?.config;
    const headingId = `edition-${cityId}-${docLang}`;
    const docMarks = docLang === lang ? {} : { lang: docLang, dir: directionOf(docLang) };
    // #12: each edition in its city's colours (checked for contrast like the guides, low-contrast).
    const colors = editionColors(theme.config.colors, city?.colors);
    return h(
      'section.edition',
      { ariaLabelledBy: headingId, style: `--bp-primary:${colors.primary};--bp-accent:${colors.accent};--bp-focus:${colors.focus}` },
      [
        h(`h2#${headingId}`, `${city?.government ?? cityId} (${languageName(docLang, lang)})`),
        city ? h('p.edition-office', city.office) : undefined,
        h(
          'ul.documents',
          docs.map((d) => {
            // #12: what each guide is for, in its own language, so a reader can choose before opening one.
            const blueprint = project.blueprints.find((b) => b.id === d.blueprint);
            const summary = blueprint && profile ? localize(project, blueprint, profile, d.lang).summary : undefined;
            if (summary) summaries.push(summary.text);
            return h('li', [
              h('span.document-title', docMarks, d.title),
              ...linksOf(d).flatMap((link) => [' ', h('a.format-link', { href: link.href }, link.label)]),
              summary ? h('p.document-summary', summary.lang === lang ? {} : { lang: summary.lang, dir: directionOf(summary.lang) }, summary.text) : undefined,
            ]);
          }),
        ),
      ],
    );
  });
  const text = [...documents.map((d) => d.title), ...summaries, project.config.title, project.config.subtitle ?? ''].join(' ');
  const fonts = selectFonts(
    catalog,
    [
      { pkg: theme.config.fonts.body, sheets: ['400.css', '700.css'] },
      { pkg: theme.config.fonts.heading, sheets: ['700.css'] },
      ...theme.config.fonts.fallback.map((pkg) => ({ pkg, sheets: ['400.css'], fallback: true })),
    ],
    text,
    '',
  );
  const css = `${fonts.css}
${themeVariables(theme.config, editionColors(theme.config.colors, undefined), fontFamilies(catalog, theme.config.fonts))}
${theme.css}
.index main{padding-bottom:3rem}.documents{padding-inline-start:0;list-style:none}.documents li{margin:0 0 1rem}.document-title{font-weight:700;color:var(--bp-primary)}.format-link{font-size:.85rem;margin-inline-start:.4rem}.document-summary{margin:.2rem 0 0;color:var(--bp-text)}.edition-office{color:var(--bp-muted);margin-top:-.4rem}.edition{border-inline-start:6px solid var(--bp-accent);padding-inline-start:1rem;margin-block:2rem}.edition h2{color:var(--bp-primary);border-bottom-color:var(--bp-accent)}`;
  const tree: Root = {
    type: 'root',
    children: [
      { type: 'doctype' },
      h('html', { lang, dir: directionOf(lang), dataScript: scriptOf(lang) }, [
        h('head', [
          h('meta', { charset: 'utf-8' }),
          h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
          h('title', project.config.title),
          styleElement(css),
        ]),
        h('body', { className: ['index', `cover-${theme.config.cover.layout}`] }, [
          h('header.cover', [
            h('p.cover-series', strings.allGuides),
            h('h1.cover-title', project.config.title),
            project.config.subtitle ? h('p.cover-subtitle', project.config.subtitle) : undefined,
          ]),
          h('main#content', sections),
        ]),
      ]),
    ],
  };
  return { html: `${toHtml(tree)}\n`, fonts };
}
