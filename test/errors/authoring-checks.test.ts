import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DiagnosticJson } from '../../src/diagnostics/report.js';
import { copyFixture, edit, run } from '../helpers.js';

async function checkJson(root: string, ...args: string[]): Promise<{ code: number; diagnostics: DiagnosticJson[]; json: Record<string, unknown> }> {
  const result = await run(['check', '--json', ...args], root);
  const json = JSON.parse(result.stdout) as { diagnostics: DiagnosticJson[] } & Record<string, unknown>;
  return { code: result.code, diagnostics: json.diagnostics, json };
}

/** `line:column severity rule` of each message on one file, in order. */
const lines = (diagnostics: DiagnosticJson[], file: string) =>
  diagnostics.filter((d) => d.file?.endsWith(file)).map((d) => `${d.line}:${d.column} ${d.severity} ${d.ruleId}`);

/** A missing file (13:51) and a missing #id (13:84) in Riverton's welcome-desk case study. */
const breakRivertonsLinks = (root: string) =>
  edit(
    root,
    'blueprints/cities/riverton/case-studies/welcome-desk-model.md',
    'in the public library.',
    'in the [public library](missing.md) and [below](#nowhere).',
  );

// #13: a page brought from a Jekyll site, with every problem the issue found, reported all at once.
describe('checks that teach: Markdown that would not print as written (#13)', () => {
  it('reports each problem of an imported Jekyll page at its line and column, errors and warnings together', async () => {
    const { code, diagnostics } = await checkJson(copyFixture('jekyll-import'));
    expect(code).toBe(1);
    expect(lines(diagnostics, 'welcome-desk/sections/03-from-jekyll.md')).toEqual([
      '2:1 warning unused-front-matter',
      '3:1 warning unused-front-matter',
      '8:1 error template-tag',
      '8:33 error template-tag',
      '9:27 error template-tag',
      '10:24 error site-root-link',
      '11:1 error attribute-list',
      '13:1 error unknown-directive',
      '17:33 warning todo-marker',
      '19:1 warning missing-alt',
      '21:1 warning empty-section',
      '21:1 warning skipped-heading-level',
      '23:1 warning empty-section',
      '27:15 error undefined-footnote',
      '30:1 warning unused-footnote',
    ]);
    const of = (rule: string, n = 0) => diagnostics.filter((d) => d.ruleId === rule)[n] as DiagnosticJson;
    expect(of('template-tag', 2).message).toBe('Template tag "{{ site.baseurl }}" would print as text: this toolkit does not run Jekyll or Hugo templates');
    expect(of('template-tag', 2).hint).toMatch(/^Remove it: a link in a guide is a path from the file it is in/);
    expect([of('template-tag', 2).endLine, of('template-tag', 2).endColumn]).toEqual([9, 45]);
    expect(of('template-tag').hint).toMatch(/^Remove the tag and keep the text you want printed/);
    expect(of('site-root-link').hint).toBe(
      'Link the project\'s file by its path from this file: "../../language-line/sections/02-steps.md". For a page of a web site, write its full address (https://…/language-line/steps).',
    );
    expect(of('attribute-list').message).toBe('Attribute list "{:.lead}" would print as text: this toolkit reads GitHub-flavoured Markdown, not kramdown');
    expect(of('unknown-directive').message).toBe('Unknown directive ":::warning": it would print without any meaning');
    expect(of('unknown-directive').hint).toMatch(/^Known directives: ::case-study\{slot="…"\} on its own line/);
    expect(of('unused-front-matter').message).toBe('Front-matter key "title" is ignored: section files do not use front matter');
    expect(of('unused-front-matter').hint).toBe('Remove it: the section\'s title is its first heading ("# Who the desk serves").');
    expect(of('undefined-footnote').message).toBe('Footnote [^nosuch] has no definition in this file; it would print as "[^nosuch]"');
    expect(of('undefined-footnote').hint).toContain('Known notes in this file: hours, unused.');
    expect(of('unused-footnote').message).toBe('Footnote [^unused] is defined but never cited; it is left out of the guide');
    expect(of('skipped-heading-level').message).toBe('Heading level 3 follows level 1; expected level 2');
    expect(of('empty-section').message).toBe('Heading "Staffing" has nothing under it');
    expect(of('missing-alt').message).toBe('Image "../images/desk.png" has no alt text');
    expect(of('todo-marker').message).toBe('To-do marker "TODO" left in the text');
    for (const d of diagnostics) expect(d.url).toBe(`https://github.com/blueprints-toolkit/blueprints/blob/main/README.md#rule-${d.ruleId}`);
  });

  it('says did-you-mean for a directive of the wrong form, and leaves "word:word" text alone', async () => {
    const root = copyFixture('basic');
    edit(
      root,
      'blueprints/welcome-desk/sections/02-steps.md',
      '2. Train staff.[^train]',
      '2. Train staff: see :case-study{slot="x"} and note:this.[^train]\n\n::citty[name]',
    );
    const { diagnostics } = await checkJson(root);
    const found = diagnostics.filter((d) => d.ruleId === 'unknown-directive');
    expect(found.map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual([
      '4:21 Unknown directive ":case-study": it would print without any meaning',
      '6:1 Unknown directive "::citty": it would print without any meaning',
    ]);
    expect(found[0]?.hint).toMatch(/^"case-study" is written ::case-study on a line of its own\./);
    expect(found[1]?.hint).toMatch(/^Did you mean "city"\?/);
    expect(found[1]?.expected).toEqual(['city']);
  });

  it('reports a to-do marker in a comment and a second marker on one line at its own column', async () => {
    const root = copyFixture('basic');
    edit(root, 'blueprints/welcome-desk/sections/02-steps.md', '- [x] Staff named', '- [x] Staff named TBD and TBD\n\n<!-- FIXME: add the budget -->');
    const { diagnostics } = await checkJson(root);
    expect(lines(diagnostics, 'welcome-desk/sections/02-steps.md').filter((l) => l.endsWith('todo-marker'))).toEqual([
      '9:19 warning todo-marker',
      '9:27 warning todo-marker',
      '11:6 warning todo-marker',
    ]);
  });

  // Found trying the loop as a new user: a front matter left open read as a rule and a paragraph, and the
  // only message was about the heading (a section) or a front matter "missing" (a case study).
  it('says a front matter that is never closed, at its first line, with the line to close it after', async () => {
    const root = copyFixture('basic');
    const section = 'blueprints/welcome-desk/sections/01-why.md';
    const study = 'blueprints/cities/springfield/case-studies/welcome-desk-model.md';
    edit(root, section, /^/, '---\ntitle: Why it matters\nlayout: page\n\n');
    edit(root, study, /^---\nyear: 2019\n|\n---\n\n/m, (match) => (match.startsWith('\n---') ? '\n\n' : match));
    expect(fs.readFileSync(path.join(root, study), 'utf8')).not.toMatch(/\n---\n/);
    const { code, diagnostics } = await checkJson(root);
    expect(code).toBe(1);
    // First, and instead of the heading's warning. (micromark, after a front matter it could not close, no
    // longer reads the footnote definition as one: the note's errors follow, and go with the fix.)
    expect(lines(diagnostics, section)[0]).toBe('1:1 error unclosed-front-matter');
    expect(lines(diagnostics, section).filter((line) => /heading-structure|unclosed/.test(line))).toEqual(['1:1 error unclosed-front-matter']);
    expect(lines(diagnostics, study)).toEqual(['1:1 error unclosed-front-matter']);
    const [forSection, forStudy] = [section, study].map((file) => diagnostics.find((d) => d.file?.endsWith(file)) as DiagnosticJson);
    expect(forSection?.message).toBe('The front matter opened on line 1 is never closed: its lines would print as text');
    expect(forSection?.hint).toBe('Add a line with only "---" after line 3, where the front matter ends, or remove the front matter: section files use none.');
    expect(forStudy?.hint).toBe('Add a line with only "---" after line 10, where the front matter ends.');
  });

  // Found trying the loop as a new user: a case study whose front matter had an error showed its link
  // problems only once that was mended (links are checked when a guide places it).
  it('checks the links and images of a case study no edition can place, with its front matter error', async () => {
    const root = copyFixture('basic');
    const study = 'blueprints/cities/springfield/case-studies/welcome-desk-model.md';
    edit(root, study, /^title: .*\n/m, '');
    edit(root, study, /lobby\.\n/, 'lobby.\n\nSee [the policy](/policies/desk), [the plan](../nowhere.md) and ![A desk](../images/none.png).\n');
    const { code, diagnostics } = await checkJson(root);
    expect(code).toBe(1);
    expect(lines(diagnostics, 'springfield/case-studies/welcome-desk-model.md')).toEqual([
      '2:1 error missing-key',
      '14:5 error site-root-link',
      '14:35 error broken-link',
      '14:65 error missing-image',
    ]);
    // A case study that can be placed is checked by its guide, once.
    const placed = await checkJson(copyFixture('basic'));
    expect(lines(placed.diagnostics, 'springfield/case-studies/welcome-desk-model.md')).toEqual([]);
  });
});

// #13: `check` renders each guide once per language; what differs by edition is checked directly.
describe('a fast check that still sees every edition (#13)', () => {
  it('renders one document per guide and language, and still checks case studies and city fields of other editions', async () => {
    const root = copyFixture('basic');
    // Riverton's welcome-desk case study is not placed in the default (Springfield) edition.
    breakRivertonsLinks(root);
    // Only Springfield has an office_short: the Riverton edition would print its name there.
    edit(root, 'blueprints/cities/springfield/city.yaml', /^office: .*\n/m, (line) => `${line}office_short: SONN\n`);
    edit(root, 'blueprints/welcome-desk/sections/01-why.md', 'and its :city[office].', 'and its :city[office] (:city[office_short]).');
    const { code, diagnostics, json } = await checkJson(root);
    expect([json.documents, json.rendered]).toEqual([4, 2]);
    expect(code).toBe(1);
    const at = (d: DiagnosticJson) => `${path.basename(d.file ?? '')}:${d.line}:${d.column} ${d.ruleId}`;
    expect(diagnostics.filter((d) => ['broken-link', 'broken-fragment', 'city-field-missing'].includes(d.ruleId ?? '')).map(at)).toEqual([
      'welcome-desk-model.md:13:51 broken-link',
      'welcome-desk-model.md:13:84 broken-fragment',
      '01-why.md:3:68 city-field-missing',
    ]);
  });
});

// Found trying the loop as a new city would: `check --city <id>` was refused as an unknown option.
describe('a check narrowed to some guides, cities or languages', () => {
  it("renders the named city's own edition and leaves other cities' case studies to their checks", async () => {
    const root = copyFixture('basic');
    breakRivertonsLinks(root);
    const at = (d: DiagnosticJson) =>
      `${path.basename(path.dirname(path.dirname(d.file ?? '')))}/${path.basename(d.file ?? '')}:${d.line}:${d.column} ${d.ruleId}`;
    const riverton = await checkJson(root, '--city', 'riverton');
    expect(riverton.code).toBe(1);
    expect([riverton.json.documents, riverton.json.rendered]).toEqual([2, 2]);
    expect(riverton.diagnostics.filter((d) => d.severity === 'error').map(at)).toEqual([
      'riverton/welcome-desk-model.md:13:51 broken-link',
      'riverton/welcome-desk-model.md:13:84 broken-fragment',
    ]);
    const springfield = await checkJson(root, '--city', 'springfield', '--no-cache');
    expect(springfield.code).toBe(0);
    const grades = springfield.json.grades as { file: string }[];
    expect(grades.length).toBeGreaterThan(0);
    expect(grades.filter((g) => g.file.includes('riverton'))).toEqual([]);
    // One guide in one language of every city, and a misspelt city with the known ones.
    const one = await checkJson(root, 'welcome-desk', '--lang', 'en', '--city', 'all');
    expect([one.json.documents, one.json.rendered]).toEqual([2, 1]);
    expect(one.diagnostics.filter((d) => d.severity === 'error').map(at)).toEqual([
      'riverton/welcome-desk-model.md:13:51 broken-link',
      'riverton/welcome-desk-model.md:13:84 broken-fragment',
    ]);
    const wrong = await checkJson(root, '--city', 'rivertn');
    expect(wrong.code).toBe(2);
    expect(wrong.diagnostics.map((d) => `${d.ruleId} ${d.message}`)).toEqual([expect.stringMatching(/^unknown-option-value .*"rivertn"/)]);
  });
});

// A placed case study's links and images were resolved a second time from its guide's section file: a
// relative image or link in a city's case study failed the build with an error on a file it never named.
describe("a case study's own images and links", () => {
  it('resolve from the case study file, once, when its guide places it', async () => {
    const root = copyFixture('basic');
    fs.copyFileSync(path.join(root, 'blueprints/welcome-desk/images/desk.png'), path.join(root, 'blueprints/cities/riverton/desk.png'));
    edit(
      root,
      'blueprints/cities/riverton/case-studies/welcome-desk-model.md',
      'in the public library.',
      'in the library. ![Our desk](../desk.png) See [the steps](../../../welcome-desk/sections/02-steps.md) and [the notes](#footnote-label).',
    );
    const out = path.join(root, 'built');
    const result = await run(['build', '--city', 'riverton', '--format', 'html', '--out', out, '--json'], root);
    const diagnostics = (JSON.parse(result.stdout) as { diagnostics: DiagnosticJson[] }).diagnostics;
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.code).toBe(0);
    const html = fs.readFileSync(path.join(out, 'riverton/en/welcome-desk.html'), 'utf8');
    expect(html).toMatch(/<img src="\.\.\/\.\.\/assets\/[0-9a-f]{16}\.png" alt="Our desk">/);
    expect(html).toContain('<a href="#steps-to-open-a-desk">the steps</a>');
    // A broken #link in it is reported once, on the case study's own file.
    edit(root, 'blueprints/cities/riverton/case-studies/welcome-desk-model.md', '(#footnote-label)', '(#nowhere)');
    const { diagnostics: found } = await checkJson(root, '--city', 'riverton');
    expect(found.filter((d) => d.ruleId === 'broken-fragment').map((d) => `${path.basename(d.file ?? '')}:${d.line}:${d.column}`)).toEqual([
      'welcome-desk-model.md:13:149',
    ]);
  });
});

// Found by a fork's walkthrough: a case study printed in another city's edition (a fallback) said that
// city's office did the work, and `check` blamed every city for a field only the case study's city uses.
describe("a case study's city variables", () => {
  it("print the case study's own city in any edition, and check that city's profile only", async () => {
    const root = copyFixture('basic');
    edit(root, 'blueprints/cities/riverton/case-studies/language-line-model.md', 'Riverton signed', 'The :city[office] (:city[office_short]) signed');
    const out = path.join(root, 'built');
    const result = await run(['build', 'language-line', '--format', 'html', '--out', out, '--json'], root);
    expect(result.code).toBe(0);
    const html = fs.readFileSync(path.join(out, 'springfield/en/language-line.html'), 'utf8');
    expect(html).toContain('The Riverton Welcome Office (Riverton) signed');
    expect(html).not.toMatch(/Springfield Office of New Neighbors\)? signed/);
    // Only Riverton's profile is asked for its short office name; Springfield's edition prints Riverton's.
    edit(root, 'blueprints/cities/springfield/city.yaml', /^office: .*\n/m, (line) => `${line}office_short: SONN\n`);
    const { diagnostics } = await checkJson(root);
    expect(
      diagnostics.filter((d) => d.ruleId === 'city-field-missing').map((d) => `${path.basename(d.file ?? '')}:${d.line}:${d.column} ${d.message}`),
    ).toEqual([`language-line-model.md:13:20 Riverton has no "office_short" in the city profile; its edition prints the city's name instead`]);
  });
});

// Found by a fork's walkthrough: a link to another guide's section file went to the top of that guide, and a
// #link into another guide was never checked.
describe('links between guides', () => {
  it("land on the linked section's heading, and a #link to a heading another guide lacks is reported", async () => {
    const root = copyFixture('basic');
    const study = 'blueprints/welcome-desk/sections/02-steps.md';
    edit(
      root,
      study,
      '2. Train staff.',
      '2. Train staff ([line](../../language-line/sections/02-steps.md), [own](01-why.md), [gone](../../language-line/sections/01-why.md#no-such-heading)).',
    );
    const { diagnostics } = await checkJson(root);
    expect(
      diagnostics.filter((d) => d.severity === 'error').map((d) => `${path.basename(d.file ?? '')}:${d.line}:${d.column} ${d.ruleId} ${d.message}`),
    ).toEqual(['02-steps.md:4:85 broken-fragment Broken link: no heading of the guide "language-line" has the id "#no-such-heading"']);
    edit(root, study, ', [gone](../../language-line/sections/01-why.md#no-such-heading)', '');
    const out = path.join(root, 'built');
    expect((await run(['build', 'welcome-desk', 'language-line', '--format', 'html', '--out', out], root)).code).toBe(0);
    const html = fs.readFileSync(path.join(out, 'springfield/en/welcome-desk.html'), 'utf8');
    const target = fs.readFileSync(path.join(out, 'springfield/en/language-line.html'), 'utf8');
    const lineHref = /<a href="language-line\.html#([^"]+)">line<\/a>/.exec(html)?.[1];
    expect(lineHref).toBeDefined();
    expect(target).toContain(`<h2 id="${lineHref}">`);
    expect(html).toContain('<a href="#why-it-matters">own</a>');
  });
});

// Found by a fork's walkthrough: slots, keys and themes had a did-you-mean; a misspelt file name did not.
describe('a misspelt file name', () => {
  it('gets the name of the file beside it that was probably meant', async () => {
    const root = copyFixture('basic');
    edit(
      root,
      'blueprints/welcome-desk/sections/02-steps.md',
      '2. Train staff.',
      '2. Train staff. ![A desk](../images/dsk.png) [Why](01-wy.md) [Far](../nothing/x.md)',
    );
    const { diagnostics } = await checkJson(root);
    expect(diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.line}:${d.column} ${d.ruleId} ${d.hint}`)).toEqual([
      '4:17 missing-image Did you mean "../images/desk.png"? Otherwise add the file at blueprints/welcome-desk/images/dsk.png.',
      '4:46 broken-link Did you mean "01-why.md"? The path is relative to this file.',
      '4:62 broken-link Correct the path (it is relative to this file) or remove the link.',
    ]);
  });
});
