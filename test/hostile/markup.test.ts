import { appendFileSync, cpSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Element } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toString as hastToString } from 'hast-util-to-string';
import { describe, expect, it } from 'vitest';
import { edit, repoRoot } from '../helpers.js';
import { blueprint, errorsOf, expectSafePage, hostileCopy, timeout, warningsIn } from './hostile.js';

/**
 * #9: every text a fork controls (titles, names, headings, stylesheets, links, raw HTML) ends up in a
 * standalone page that runs no script and loads nothing from the network.
 */

const why = 'blueprints/welcome-desk/sections/01-why.md';
const page = (root: string, name = 'welcome-desk') => path.join(root, 'out', 'springfield', 'en', `${name}.html`);
const text = (tree: ReturnType<typeof expectSafePage>, selector: string) => hastToString(select(selector, tree) as Element);

describe('markup in titles, names and headings stays text', { timeout }, () => {
  it('a section heading with an event handler, a script and an escaped script', async () => {
    const root = hostileCopy((r) =>
      edit(
        r,
        why,
        '# Why it matters',
        '# Why <img src="../images/desk.png" onerror="alert(1)"> &lt;script&gt;alert(2)&lt;/script&gt; <script>alert(3)</script>',
      ),
    );
    const o = await blueprint(root, 'build', '--format', 'html');
    expect(o.code).toBe(0);
    expect(warningsIn(o, why)).toEqual([`${why}:1:95 raw-text-html`]);
    const tree = expectSafePage(page(root));
    // The escaped script is printed as the text it is; the image keeps its picture, not its handler.
    expect(text(tree, 'section.part-1 > h2').trim()).toBe('Why  <script>alert(2)</script>');
    expect(selectAll('main h2 img', tree).map((img) => Object.keys(img.properties).sort())).toEqual([['src']]);
  });

  it('a blueprint title and subtitle that try to end <title> and <style>', async () => {
    const title = 'Welcome </title><script>alert(1)</script><img src=x onerror=alert(1)>';
    const subtitle = '</style><script>alert(2)</script>';
    const root = hostileCopy((r) => {
      edit(r, 'blueprints/welcome-desk/blueprint.yaml', 'title: Welcome Desk', `title: ${JSON.stringify(title)}`);
      edit(r, 'blueprints/welcome-desk/blueprint.yaml', 'subtitle: A front door for new residents', `subtitle: ${JSON.stringify(subtitle)}`);
    });
    const o = await blueprint(root, 'build', '--format', 'html');
    expect(o.code).toBe(0);
    const tree = expectSafePage(page(root), '@page part-2');
    expect(text(tree, 'title')).toBe(`${title} — Springfield edition`);
    expect(text(tree, 'h1.cover-title')).toBe(title);
    expect(text(tree, 'p.cover-subtitle')).toBe(subtitle);
    expectSafePage(path.join(root, 'out', 'index.html'));
  });

  it('a city government, office and name with markup, and a quote that tries to end a CSS string', async () => {
    const root = hostileCopy((r) => {
      const city = 'blueprints/cities/springfield/city.yaml';
      edit(r, city, 'government: City of Springfield', 'government: "City\\"}body{background:url(https://evil.example/x)} </style><script>alert(1)</script>"');
      edit(r, city, 'office: Springfield Office of New Neighbors', 'office: "<img src=x onerror=alert(2)>"');
      edit(r, city, 'name: Springfield', 'name: "</style><script>alert(3)</script>"');
    });
    const o = await blueprint(root, 'build', '--format', 'html');
    expect(o.code).toBe(0);
    const tree = expectSafePage(page(root), '@page part-2');
    expect(text(tree, 'p.cover-government')).toBe('City”}body{background:url(https://evil.example/x)} </style><script>alert(1)</script>');
    expect(text(tree, 'p.cover-office')).toBe('<img src=x onerror=alert(2)>');
    expect(text(tree, 'dl.cover-meta dd')).toBe('</style><script>alert(3)</script>');
    // In the running footer the government is one CSS string (shortened to fit its line, #12): its quote is
    // escaped, so the rule cannot end (cssString's escapes of the rest: test/unit/fit-running-heads.test.ts).
    const css = text(tree, 'style');
    expect(css).toContain('@bottom-left{content:"City”}body{background:url(https://evil.example/x)}…"');
    expect(css).not.toContain('City"');
    expect(css).not.toMatch(/<\/style|<script/i);
  });

  it('a project title with markup, on every page and the index', async () => {
    const root = hostileCopy((r) => edit(r, 'blueprints/project.yaml', 'title: Fixture Blueprints', 'title: "<script>alert(1)</script></title><b onclick=x>"'));
    const o = await blueprint(root, 'build', '--format', 'html');
    expect(o.code).toBe(0);
    const tree = expectSafePage(page(root));
    expect(text(tree, 'p.cover-series')).toBe('<script>alert(1)</script></title><b onclick=x>');
    const index = expectSafePage(path.join(root, 'out', 'index.html'));
    expect(text(index, 'title')).toContain('<script>alert(1)</script></title><b onclick=x>');
  });

  it('a theme stylesheet that closes <style> and opens <script>', async () => {
    const root = hostileCopy((r) => {
      cpSync(path.join(repoRoot, 'themes', 'default'), path.join(r, 'themes', 'hostile'), { recursive: true });
      appendFileSync(path.join(r, 'themes', 'hostile', 'print.css'), '\n</style><script>alert(1)</script><style>\n.AFTER-THE-SCRIPT{color:red}\n');
      edit(r, 'blueprints/cities/springfield/city.yaml', 'logo: logo.svg', 'logo: logo.svg\ntheme: hostile');
    });
    const o = await blueprint(root, 'build', '--format', 'html');
    expect(o.code).toBe(0);
    const tree = expectSafePage(page(root), '.AFTER-THE-SCRIPT{color:red}');
    expect(text(tree, 'style')).toContain('\\3c /style>\\3c script>alert(1)\\3c /script>\\3c style>');
  });
});

describe('addresses a reader could follow or a page could load', { timeout }, () => {
  it('refuses javascript: and data: as a blueprint source address, at the value', async () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>']) {
      const root = hostileCopy((r) => edit(r, 'blueprints/welcome-desk/blueprint.yaml', 'url: https://example.org/one', `url: ${JSON.stringify(url)}`));
      const o = await blueprint(root, 'check');
      expect(o.code).toBe(1);
      expect(errorsOf(o)).toEqual(['blueprints/welcome-desk/blueprint.yaml:16:10 wrong-type']);
      expect(o.json.diagnostics.find((d) => d.ruleId === 'wrong-type')?.message).toBe(
        'Unexpected value for "sources[0].url" in the blueprint: Use an http://, https:// or mailto: address',
      );
    }
  });

  it("refuses javascript: as a case study's source address, at its line in the front matter", async () => {
    const study = 'blueprints/cities/springfield/case-studies/welcome-desk-model.md';
    const root = hostileCopy((r) => edit(r, study, 'url: https://springfield.example.org/desk', 'url: javascript:alert(1)'));
    const o = await blueprint(root, 'check');
    expect(o.code).toBe(1);
    expect(errorsOf(o)).toEqual([`${study}:10:10 wrong-type`]);
  });

  it('removes javascript: and data: links from Markdown, keeping their text, with a warning at each', async () => {
    const root = hostileCopy((r) => appendFileSync(path.join(r, why), '\n[click](javascript:alert(1)) and [data](data:text/html;base64,PHNjcmlwdD4=)\n'));
    const o = await blueprint(root, 'build', '--format', 'html');
    expect(o.code).toBe(0);
    expect(warningsIn(o, why)).toEqual([`${why}:17:1 unsafe-url`, `${why}:17:34 unsafe-url`]);
    const tree = expectSafePage(page(root));
    const last = selectAll('section.part-1 > p', tree).at(-1) as Element;
    expect(hastToString(last)).toBe('click and data');
    expect(selectAll('a', last)).toEqual([]);
  });

  it('refuses raw HTML images from the network or the site root, at their lines', async () => {
    const root = hostileCopy((r) => appendFileSync(path.join(r, why), '\n<img src="https://evil.example/x.png">\n\n<img src="/etc/passwd">\n'));
    const o = await blueprint(root, 'check');
    expect(o.code).toBe(1);
    expect(errorsOf(o)).toEqual([`${why}:17:1 remote-resource`, `${why}:19:1 site-root-link`]);
  });

  it('drops a raw <style> with its CSS, and renders the Markdown after it', async () => {
    const root = hostileCopy((r) => appendFileSync(path.join(r, why), '\n<style>body{display:none} .RAW-CSS{}</style>\n\nAfter the *style*.\n'));
    const o = await blueprint(root, 'build', '--format', 'html');
    expect(o.code).toBe(0);
    expect(warningsIn(o, why)).toEqual([`${why}:17:1 raw-text-html`]);
    const tree = expectSafePage(page(root));
    expect(readFileSync(page(root), 'utf8')).not.toContain('RAW-CSS');
    expect(hastToString(selectAll('section.part-1 > p', tree).at(-1) as Element)).toBe('After the style.');
    expect(select('section.part-1 > p:last-child em', tree)).toBeTruthy();
  });

  it('drops an unclosed raw <title>, and renders the Markdown after it', async () => {
    const root = hostileCopy((r) => appendFileSync(path.join(r, why), '\n<title>UNCLOSED-TITLE\n\nAfter the **title**.\n'));
    const o = await blueprint(root, 'build', '--format', 'html');
    expect(o.code).toBe(0);
    expect(warningsIn(o, why)).toEqual([`${why}:17:1 raw-text-html`]);
    const tree = expectSafePage(page(root));
    expect(readFileSync(page(root), 'utf8')).not.toContain('UNCLOSED-TITLE');
    expect(select('section.part-1 > p:last-child strong', tree)).toBeTruthy();
    expect(text(tree, 'title')).toBe('Welcome Desk — Springfield edition');
  });

  it('keeps an unclosed raw <table> inside its own section (regression: it took in the next one)', async () => {
    const root = hostileCopy((r) => appendFileSync(path.join(r, why), '\n<table><tr><td>\n\nUnclosed table.\n'));
    const o = await blueprint(root, 'build', '--format', 'html');
    expect(o.code).toBe(0);
    const tree = expectSafePage(page(root));
    expect(selectAll('main > section.part', tree).map((s) => (s.properties.className as string[]).join(' '))).toEqual(['part part-1', 'part part-2']);
    expect(select('table section', tree)).toBeUndefined();
  });
});
