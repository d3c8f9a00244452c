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
    edit(
      root,
      'blueprints/cities/riverton/case-studies/welcome-desk-model.md',
      'in the public library.',
      'in the [public library](missing.md) and [below](#nowhere).',
    );
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
