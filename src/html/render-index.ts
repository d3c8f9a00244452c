import type { Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import { directionOf, languageName } from '../i18n/language.js';
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
  const sections = [...groups.keys()].sort().map((key) => {
    const docs = (groups.get(key) ?? []).sort((a, b) => (order.get(a.blueprint) ?? 99) - (order.get(b.blueprint) ?? 99));
    const [cityId = '', docLang = ''] = key.split('\u0000');
    const city = project.cities.get(cityId)?.config;
    const headingId = `edition-${cityId}-${docLang}`;
    return h('section.edition', { ariaLabelledBy: headingId }, [
      h(`h2#${headingId}`, `${city?.government ?? cityId} (${languageName(docLang, lang)})`),
      city ? h('p.edition-office', city.office) : undefined,
      h(
        'ul.documents',
        docs.map((d) =>
          h('li', [
            h('span.document-title', d.lang === lang ? {} : { lang: d.lang, dir: directionOf(d.lang) }, d.title),
            ...linksOf(d).flatMap((link) => [' ', h('a.format-link', { href: link.href }, link.label)]),
          ]),
        ),
      ),
    ]);
  });
  const text = documents.map((d) => d.title).join(' ') + project.config.title + (project.config.subtitle ?? '');
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
.index main{padding-bottom:3rem}.documents{padding-left:1.2rem}.documents li{margin:.35rem 0}.format-link{font-size:.85rem;margin-left:.4rem}.edition-office{color:var(--bp-muted);margin-top:-.4rem}`;
  const tree: Root = {
    type: 'root',
    children: [
      { type: 'doctype' },
      h('html', { lang }, [
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
