import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString as hastToString } from 'hast-util-to-string';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderIndex } from '../../src/html/render-index.js';
import type { ManifestDocument, OutputFile } from '../../src/pipeline/manifest.js';
import { outputFormats } from '../../src/pipeline/output-formats.js';
import { indexLinks } from '../../src/pipeline/publish-output.js';
import { loadProject, type Project } from '../../src/project/load-project.js';
import { loadTheme, type Theme } from '../../src/theme/load-theme.js';
import { fixture } from '../helpers.js';

const file = (path: string, bytes: number, pages?: number): OutputFile => ({ path, sha256: '0'.repeat(64), bytes, ...(pages ? { pages } : {}) });

function doc(city: string, lang: string, blueprint: string, outputs: ManifestDocument['outputs'], title = `${blueprint} (${city}, ${lang})`): ManifestDocument {
  return { blueprint, city, lang, title, slots: {}, outputs };
}

/** Each edition section of the index: its heading, office line and documents with their links. */
function editions(tree: Root) {
  return selectAll('section.edition', tree).map((section) => ({
    heading: hastToString(select('h2', section) as Element),
    office: select('p.edition-office', section) ? hastToString(select('p.edition-office', section) as Element) : undefined,
    documents: selectAll('ul.documents > li', section).map((li) => ({
      title: hastToString(select('.document-title', li) as Element),
      links: selectAll('a.format-link', li).map((a) => `${hastToString(a)} → ${String(a.properties.href)}`),
    })),
  }));
}

describe('renderIndex (#8)', () => {
  let project: Project;
  let theme: Theme;
  beforeAll(async () => {
    project = (await loadProject(fixture('editions'))).project as Project;
    theme = loadTheme(project.root, 'default').theme as Theme;
    expect(theme).toBeDefined();
  });

  const render = (documents: ManifestDocument[]) => fromHtml(renderIndex(project, theme, documents, indexLinks).html);

  it('links each document to the files the output formats made of it: only PDF, only HTML, or both', () => {
    const tree = render([
      doc('springfield', 'en', 'welcome-desk', { pdf: file('springfield/en/welcome-desk.pdf', 348_160, 12) }),
      doc('springfield', 'en', 'language-line', { html: file('springfield/en/language-line.html', 2_000) }),
      doc('riverton', 'en', 'welcome-desk', {
        html: file('riverton/en/welcome-desk.html', 512),
        pdf: file('riverton/en/welcome-desk.pdf', 3_250_000, 2),
      }),
    ]);
    expect(editions(tree).flatMap((e) => e.documents)).toEqual([
      { title: 'welcome-desk (riverton, en)', links: ['HTML, 1 KB → riverton/en/welcome-desk.html', 'PDF, 2 pages, 3.1 MB → riverton/en/welcome-desk.pdf'] },
      { title: 'welcome-desk (springfield, en)', links: ['PDF, 12 pages, 340 KB → springfield/en/welcome-desk.pdf'] },
      { title: 'language-line (springfield, en)', links: ['HTML, 2 KB → springfield/en/language-line.html'] },
    ]);
  });

  it('takes its links only from the output formats, in their order', () => {
    const outputs = Object.fromEntries(outputFormats.map((f, i) => [f.id, file(`x/en/guide.${f.id}`, 1024 * (i + 1), 3)]));
    expect(indexLinks(doc('x', 'en', 'guide', outputs)).map((l) => l.href)).toEqual(outputFormats.map((f) => `x/en/guide.${f.id}`));
    expect(indexLinks(doc('x', 'en', 'guide', {}))).toEqual([]);
  });

  it('groups documents by edition, cities sorted and languages in the project’s order, each group in the project’s blueprint order', () => {
    const pdf = (city: string, lang: string, blueprint: string) => doc(city, lang, blueprint, { pdf: file(`${city}/${lang}/${blueprint}.pdf`, 4096, 2) });
    const tree = render([
      pdf('springfield', 'es', 'language-line'),
      pdf('springfield', 'en', 'language-line'),
      pdf('lakeside', 'en', 'language-line'),
      pdf('springfield', 'en', 'welcome-desk'),
      pdf('springfield', 'es', 'welcome-desk'),
      pdf('gone', 'en', 'welcome-desk'),
      // A language the project no longer lists (an earlier build's): after the project's, whose first is the source.
      pdf('springfield', 'ar', 'welcome-desk'),
    ]);
    expect(editions(tree).map((e) => [e.heading, e.office, e.documents.map((d) => d.title)])).toEqual([
      // A city no longer in the project (an earlier build's document) is shown by its id, without an office; the language by its name (#10).
      ['gone (English)', undefined, ['welcome-desk (gone, en)']],
      ['City of Lakeside (English)', 'Lakeside Welcome Office', ['language-line (lakeside, en)']],
      ['City of Springfield (English)', 'Springfield Welcome Office', ['welcome-desk (springfield, en)', 'language-line (springfield, en)']],
      ['City of Springfield (Spanish)', 'Springfield Welcome Office', ['welcome-desk (springfield, es)', 'language-line (springfield, es)']],
      ['City of Springfield (Arabic)', 'Springfield Welcome Office', ['welcome-desk (springfield, ar)']],
    ]);
    // Each section is labelled by its heading.
    for (const section of selectAll('section.edition', tree)) {
      const heading = select('h2', section) as Element;
      expect(section.properties.ariaLabelledBy).toEqual([String(heading.properties.id)]);
    }
    expect(hastToString(select('title', tree) as Element)).toBe('Editions Fixture');
    expect((select('html', tree) as Element).properties.lang).toBe('en');
  });

  it('sets the page right to left, and names its script, when the project’s source language is Arabic', () => {
    const arabic = { ...project, config: { ...project.config, languages: ['ar', 'en'] } } as Project;
    const root = select('html', fromHtml(renderIndex(arabic, theme, [], indexLinks).html)) as Element;
    expect(root.properties).toMatchObject({ lang: 'ar', dir: 'rtl', dataScript: 'Arab' });
    expect((select('html', render([])) as Element).properties).toMatchObject({ lang: 'en', dir: 'ltr', dataScript: 'Latn' });
  });

  it('prints a hostile title as text, never as markup', () => {
    const hostile = '</span><script>alert(1)</script><img src=x onerror="alert(2)"> & "Guide" \'quoted\'';
    const html = renderIndex(
      project,
      theme,
      [doc('springfield', 'en', 'welcome-desk', { html: file('springfield/en/welcome-desk.html', 900) }, hostile)],
      indexLinks,
    ).html;
    const tree = fromHtml(html);
    expect(editions(tree)[0]?.documents[0]?.title).toBe(hostile);
    expect(selectAll('script, img, [onerror]', tree)).toEqual([]);
    expect(html).not.toContain('<script>');
  });
});
