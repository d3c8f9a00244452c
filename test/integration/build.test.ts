import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Element } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toString as hastToString } from 'hast-util-to-string';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../src/index.js';
import { copyFixture, edit, pdfInfo, pdfPages, readHtml, repoRoot, run } from '../helpers.js';

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

function tree(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tree(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
  );
}
/** Every published file's hash; not the cache folder, whose records name the build's own output folder. */
const hashes = (dir: string) =>
  Object.fromEntries(
    tree(dir)
      .filter((f) => !f.startsWith('.blueprint-cache/'))
      .sort()
      .map((f) => [f, sha(path.join(dir, f))]),
  );

describe('blueprint build on the basic fixture', () => {
  let root: string;
  let out: string;
  let manifest: Manifest;
  let stdout: string;

  beforeAll(async () => {
    root = copyFixture('basic');
    out = path.join(root, 'out');
    const result = await run(['build', '--json'], root);
    expect(result.code, result.stderr).toBe(0);
    stdout = result.stdout;
    manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as Manifest;
  });

  it('writes HTML and PDF per document under out/<city>/<lang>/ and an index', () => {
    expect(
      tree(out)
        .filter((f) => !f.startsWith('assets/'))
        .map((f) => f.replace(/(sources|build)-[0-9a-f]{16}\.json$/, '$1-<key>.json'))
        .sort(),
    ).toEqual([
      // #14: the record of this build, answering the same build of unchanged sources.
      '.blueprint-cache/build-<key>.json',
      // #14: the record of which inputs each PDF was made from, so an unchanged one is not printed again.
      '.blueprint-cache/pdf.json',
      // #13, #14: the sources as parsed and checked, so the next build or check parses only what changed.
      '.blueprint-cache/sources-<key>.json',
      'index.html',
      'manifest.json',
      'springfield/en/language-line.html',
      'springfield/en/language-line.pdf',
      'springfield/en/welcome-desk.html',
      'springfield/en/welcome-desk.pdf',
    ]);
    const index = readHtml(path.join(out, 'index.html'));
    const links = selectAll('a', index).map((a) => a.properties.href);
    expect(links).toEqual(expect.arrayContaining(['springfield/en/welcome-desk.html', 'springfield/en/welcome-desk.pdf', 'springfield/en/language-line.pdf']));
  });

  it('records every document, the city that filled each slot and true SHA-256 hashes in the manifest', () => {
    expect(manifest.documents.map((d) => `${d.city}/${d.lang}/${d.blueprint}`)).toEqual(['springfield/en/language-line', 'springfield/en/welcome-desk']);
    const desk = manifest.documents.find((d) => d.blueprint === 'welcome-desk');
    expect(desk?.slots).toEqual({ 'welcome-desk-model': { city: 'springfield', source: 'edition' } });
    const line = manifest.documents.find((d) => d.blueprint === 'language-line');
    expect(line?.slots).toEqual({ 'language-line-model': { city: 'riverton', source: 'fallback' } });
    for (const doc of manifest.documents) {
      for (const file of [doc.outputs.html, doc.outputs.pdf]) {
        expect(file).toBeDefined();
        expect(sha(path.join(out, file?.path ?? ''))).toBe(file?.sha256);
      }
      expect(Number(pdfInfo(path.join(out, doc.outputs.pdf?.path ?? '')).Pages)).toBe(doc.outputs.pdf?.pages);
    }
    const printed = JSON.parse(stdout) as { manifest: Manifest };
    expect(printed.manifest.documents).toEqual(manifest.documents);
  });

  it('emits semantic, standalone HTML with lang, contents, case study, notes and sources', () => {
    const html = readHtml(path.join(out, 'springfield/en/welcome-desk.html'));
    expect((select('html', html) as Element).properties.lang).toBe('en');
    expect(select('header.cover h1', html)).toBeTruthy();
    expect(hastToString(select('title', html) as Element)).toBe('Welcome Desk — Springfield edition');
    const toc = selectAll('nav.toc a', html).map((a) => a.properties.href);
    expect(toc).toEqual(['#why-it-matters', '#steps-to-open-a-desk', '#case-study-welcome-desk-model', '#footnote-label', '#sources-title']);
    for (const href of toc) expect(select(`[id="${String(href).slice(1)}"]`, html), String(href)).toBeTruthy();
    expect(selectAll('main section.part', html)).toHaveLength(2);
    const study = select('aside.case-study', html) as Element;
    expect(study.properties.dataCity).toBe('springfield');
    expect(hastToString(study)).toContain('SPRINGFIELD-DESK-MARKER');
    expect(selectAll('section.footnotes li', html)).toHaveLength(2);
    expect(selectAll('section.sources li', html).map((li) => hastToString(li))).toEqual([
      'Fixture source one. Fixture Publisher, 2020. https://example.org/one',
      'Springfield desk report. City of Springfield, 2019. https://springfield.example.org/desk',
    ]);
    // City variables filled from the profile.
    expect(hastToString(select('main', html) as Element)).toContain('written for the City of Springfield and its Springfield Office of New Neighbors');
    // GFM: table, task list.
    expect(selectAll('table th', html).map((th) => hastToString(th))).toEqual(['Need', 'Share']);
    // #12: checkboxes print as characters, not form fields a PDF would tag as Form.
    expect(selectAll('li.task-list-item input', html)).toHaveLength(0);
    expect(selectAll('li.task-list-item .task-box.task-done', html).map((box) => hastToString(box))).toEqual(['\u2611']);
  });

  it('links each page to the index and to its own PDF with its pages and size; the index shows summaries in the city’s colours (#12)', () => {
    const html = readHtml(path.join(out, 'springfield/en/welcome-desk.html'));
    const doc = manifest.documents.find((d) => d.blueprint === 'welcome-desk');
    const pdf = doc?.outputs.pdf;
    const nav = select('nav.guide-nav', html) as Element;
    expect(selectAll('a', nav).map((a) => [a.properties.href, hastToString(a)])).toEqual([
      ['../../index.html', 'All guides'],
      ['welcome-desk.pdf', `PDF, ${pdf?.pages} pages, ${Math.round((pdf?.bytes ?? 0) / 1024)} KB`],
    ]);
    expect(pdf?.pages).toBeGreaterThan(2);
    // The placeholder is gone, and the manifest records the page as published.
    const text = readFileSync(path.join(out, 'springfield/en/welcome-desk.html'), 'utf8');
    expect(text).not.toContain('data-pdf-link');
    expect(doc?.outputs.html?.sha256).toBe(sha(path.join(out, 'springfield/en/welcome-desk.html')));
    // Publication details: edition, version and date on the cover.
    expect(hastToString(select('.cover-meta', html) as Element)).toMatch(/Edition:\s*Springfield.*Published:\s*June 1, 2025/s);
    // A table scrolls inside a region named by its heading, which keyboards can reach.
    const region = select('.table-scroll', html) as Element;
    expect(region.properties).toMatchObject({ role: 'region', tabIndex: 0 });
    expect(select(`#${String(region.properties.ariaLabelledBy)}`, html)?.tagName).toMatch(/^h[1-6]$/);
    expect(select('.table-scroll > table', html)).toBeDefined();
    const index = readHtml(path.join(out, 'index.html'));
    expect(selectAll('.document-summary', index).map((p) => hastToString(p))).toEqual([
      'How a city sets up a welcome desk for newcomers.',
      'Phone interpretation for every agency.',
    ]);
    expect(String((select('section.edition', index) as Element).properties.style)).toContain('--bp-primary:#224466;--bp-accent:#cc3300');
  });

  it('copies images and resolves links between guides', () => {
    const html = readHtml(path.join(out, 'springfield/en/welcome-desk.html'));
    const img = select('main img', html) as Element;
    expect(img.properties.alt).toBe('A welcome desk with two staff members');
    const src = String(img.properties.src);
    expect(src).toMatch(/^\.\.\/\.\.\/assets\/[0-9a-f]{16}\.png$/);
    expect(existsSync(path.join(out, 'springfield/en', src))).toBe(true);
    // A link to another guide's section file lands on that section's heading there.
    expect(selectAll('main a', html).map((a) => a.properties.href)).toContain('language-line.html#why-a-language-line');
    expect(select('h2#why-a-language-line', readHtml(path.join(out, 'springfield/en/language-line.html')))).toBeDefined();
  });

  // Found by a fork's walkthrough: a guide built alone linked to a page no build had made, silently.
  it('warns at the link when a guide built alone links to a guide the output folder does not hold', async () => {
    const alone = copyFixture('basic');
    const first = await run(['build', 'welcome-desk', '--format', 'html', '--json'], alone);
    expect(first.code, first.stderr).toBe(0);
    const said = (r: { stdout: string }) =>
      (JSON.parse(r.stdout) as { diagnostics: { ruleId: string; file: string; line: number; column: number }[] }).diagnostics
        .filter((d) => d.ruleId === 'guide-not-built')
        .map((d) => `${path.relative(alone, d.file)}:${d.line}:${d.column}`);
    expect(said(first)).toEqual(['blueprints/welcome-desk/sections/01-why.md:13:10']);
    // Every guide, then the one alone again: the output folder holds the page now, nothing to say.
    expect(said(await run(['build', '--format', 'html', '--json'], alone))).toEqual([]);
    expect(said(await run(['build', 'welcome-desk', '--format', 'html', '--json', '--no-cache'], alone))).toEqual([]);
  });

  it('references no network resource and keeps no script, handler, iframe or javascript: link', () => {
    for (const file of ['springfield/en/welcome-desk.html', 'springfield/en/language-line.html', 'index.html']) {
      const text = readFileSync(path.join(out, file), 'utf8');
      const html = readHtml(path.join(out, file));
      expect(selectAll('script, iframe, form, object, embed, link[rel=stylesheet]', html)).toHaveLength(0);
      expect(text).not.toMatch(/\son[a-z]+=|javascript:/i);
      for (const el of selectAll('[src]', html)) expect(String(el.properties.src)).not.toMatch(/^(https?:)?\/\//);
      for (const style of selectAll('style', html)) expect(hastToString(style)).not.toMatch(/url\((['"]?)(https?:)?\/\//);
    }
    const line = readHtml(path.join(out, 'springfield/en/language-line.html'));
    expect(hastToString(select('main', line) as Element)).toContain('bad link');
  });

  it('prints the chosen case study into the PDF and not the other city’s', () => {
    const text = pdfPages(path.join(out, 'springfield/en/welcome-desk.pdf')).join('\n');
    expect(text).toContain('SPRINGFIELD-DESK-MARKER');
    expect(text).not.toContain('RIVERTON-DESK-MARKER');
    const line = pdfPages(path.join(out, 'springfield/en/language-line.pdf')).join('\n');
    expect(line).toContain('RIVERTON-LINE-MARKER');
    expect(line.replace(/\s+/g, ' ')).toContain('This edition has no Springfield example for this topic yet; this case study comes from Riverton.');
  });

  it('embeds bundled Noto fonts for Arabic, Chinese, Bengali, Korean, Russian, Haitian Creole and Urdu text', () => {
    const file = path.join(out, 'springfield/en/language-line.pdf');
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' })
      .split('\n')
      .slice(2)
      .filter(Boolean)
      .map((line) => (line.split(/\s+/)[0] as string).replace(/^[A-Z]{6}\+/, ''));
    expect(fonts.every((f) => f.startsWith('Noto'))).toBe(true);
    for (const family of ['NotoSansArabic', 'NotoSansBengali', 'NotoSansSC', 'NotoSansKR', 'NotoNastaliqUrdu', 'NotoSans-Regular']) {
      expect(
        fonts.some((f) => f.startsWith(family)),
        family,
      ).toBe(true);
    }
    const text = pdfPages(file).join('\n');
    for (const word of ['Русский', 'Kreyòl ayisyen', '中文', '한국어', 'বাংলা']) expect(text).toContain(word);
  });

  it('builds another city’s edition, and swaps a single slot with --case-study', async () => {
    const riverton = await run(['build', 'welcome-desk', '--city', 'riverton', '--out', 'out-riverton'], root);
    expect(riverton.code, riverton.stderr).toBe(0);
    const text = pdfPages(path.join(root, 'out-riverton/riverton/en/welcome-desk.pdf')).join('\n');
    expect(text).toContain('RIVERTON-DESK-MARKER');
    expect(text).not.toContain('SPRINGFIELD-DESK-MARKER');
    expect(text).toContain('Town of Riverton');

    const swapped = await run(
      ['build', 'welcome-desk', '--case-study', 'welcome-desk-model=riverton', '--format', 'html', '--out', 'out-swap', '--json'],
      root,
    );
    expect(swapped.code, swapped.stderr).toBe(0);
    const doc = (JSON.parse(swapped.stdout) as { manifest: Manifest }).manifest.documents[0];
    expect(doc?.slots['welcome-desk-model']).toEqual({ city: 'riverton', source: 'override' });
    expect(readFileSync(path.join(root, 'out-swap/springfield/en/welcome-desk.html'), 'utf8')).toContain('RIVERTON-DESK-MARKER');
    expect(existsSync(path.join(root, 'out-swap/springfield/en/welcome-desk.pdf'))).toBe(false);
    // #12: no PDF was built, so the page links to none.
    const swappedHtml = readHtml(path.join(root, 'out-swap/springfield/en/welcome-desk.html'));
    expect(selectAll('nav.guide-nav a', swappedHtml).map((a) => a.properties.href)).toEqual(['../../index.html']);
  });

  it('gives byte-identical HTML and PDF on a second build', async () => {
    const again = await run(['build', '--out', 'out-again'], root);
    expect(again.code, again.stderr).toBe(0);
    expect(hashes(path.join(root, 'out-again'))).toEqual(hashes(out));
  });

  it('leaves the previous out/ untouched when a build fails', async () => {
    const before = hashes(out);
    edit(root, 'blueprints/welcome-desk/sections/02-steps.md', 'Find a room.', 'Find a room ![x](missing.png).');
    const failed = await run(['build'], root);
    edit(root, 'blueprints/welcome-desk/sections/02-steps.md', 'Find a room ![x](missing.png).', 'Find a room.');
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/02-steps\.md:3:16: error: Image "missing.png" does not exist \[missing-image\]/);
    expect(failed.stderr).toContain('nothing in the output folder was changed');
    expect(hashes(out)).toEqual(before);
    expect(readdirSync(out).filter((f) => f.startsWith('.staging'))).toEqual([]);
  });

  it('refuses a theme stylesheet that loads anything from outside the guide, at each declaration, before printing', async () => {
    const evil = path.join(root, 'themes', 'tracking');
    mkdirSync(evil, { recursive: true });
    writeFileSync(
      path.join(evil, 'theme.yaml'),
      readFileSync(path.join(repoRoot, 'themes/default/theme.yaml'), 'utf8')
        .replace('name: Default', 'name: Tracking')
        .replace('css: [screen.css, print.css]', 'css: [track.css]'),
    );
    writeFileSync(path.join(evil, 'track.css'), 'body{background:url(https://tracker.example.org/pixel.png)} main{background:url(file:///etc/hostname)}');
    edit(root, 'blueprints/cities/springfield/city.yaml', 'logo: logo.svg', 'logo: logo.svg\ntheme: tracking');
    const before = hashes(out);
    const result = await run(['build', 'welcome-desk'], root);
    edit(root, 'blueprints/cities/springfield/city.yaml', 'logo: logo.svg\ntheme: tracking', 'logo: logo.svg');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'themes/tracking/track.css:1:6: error: Theme stylesheet loads "https://tracker.example.org/pixel.png" from outside the guide [theme-remote-url]',
    );
    expect(result.stderr).toContain(
      'themes/tracking/track.css:1:66: error: Theme stylesheet loads "file:///etc/hostname" from outside the guide [theme-remote-url]',
    );
    // Refused when the theme is read: no browser asked for it (printing would refuse it too: print-pdf-contents.test.ts).
    expect(result.stderr).not.toContain('blocked-request');
    expect(hashes(out)).toEqual(before);
  });
});
