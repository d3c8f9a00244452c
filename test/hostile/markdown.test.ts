import { appendFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { blueprint, errorsOf, filesBelow, hostileCopy, only, timeout } from './hostile.js';

/**
 * #9: Markdown whose cost grows faster than its size (deep nesting, masses of footnotes, unclosed marks)
 * is refused before it is parsed, with markdown-too-complex where it passes a limit, in well under a
 * second where it used to run for minutes or overflow the stack.
 */

const steps = 'blueprints/welcome-desk/sections/02-steps.md';
/** 02-steps.md has 11 lines: appended after a blank line, the new text starts on line 13. */
const appendToSteps = (text: string) => hostileCopy((r) => appendFileSync(path.join(r, steps), `\n${text}\n`));

async function refused(text: string): Promise<{ at: string[]; message: string }> {
  const root = appendToSteps(text);
  const o = await blueprint(root, 'build', '--format', 'html');
  expect(o.code).toBe(1);
  expect(filesBelow(path.join(root, 'out'))).toEqual([]);
  return { at: errorsOf(o), message: only(o, 'markdown-too-complex').message };
}

const nested = 'Markdown too complex to render: lists and quotes nested 33 levels deep (the limit is 32)';
const marks = 'Markdown too complex to render: too many emphasis marks, brackets and backticks (* _ ~ [ ] `) in one paragraph (the limit is 1000)';

describe('Markdown past the limits', { timeout }, () => {
  it('a list nested 10,000 deep on one line', async () => {
    expect(await refused(`${'- '.repeat(10_000)}x`)).toEqual({ at: [`${steps}:13:65 markdown-too-complex`], message: nested });
  });

  it('a blockquote nested 10,000 deep', async () => {
    expect(await refused(`${'>'.repeat(10_000)} x`)).toEqual({ at: [`${steps}:13:33 markdown-too-complex`], message: nested });
  });

  it('a list nested 1,000 deep by indentation', async () => {
    const list = Array.from({ length: 1000 }, (_, i) => `${' '.repeat(2 * i)}- level ${i + 1}`).join('\n');
    expect(await refused(list)).toEqual({ at: [`${steps}:45:65 markdown-too-complex`], message: nested });
  });

  it('100,000 footnote references', async () => {
    // The section already has a reference and a definition: the 999th new one is the 1,001st.
    const notes = Array.from({ length: 100_000 }, (_, i) => `See[^${i}].`).join('\n\n');
    expect(await refused(notes)).toEqual({
      at: [`${steps}:2009:4 markdown-too-complex`],
      message: 'Markdown too complex to render: too many footnote references and definitions in one file (the limit is 1000)',
    });
  });

  it('50,000 unclosed *', async () => {
    expect(await refused('*a '.repeat(50_000))).toEqual({ at: [`${steps}:13:3001 markdown-too-complex`], message: marks });
  });

  it('50,000 unclosed [', async () => {
    expect(await refused('[a '.repeat(50_000))).toEqual({ at: [`${steps}:13:3001 markdown-too-complex`], message: marks });
  });

  it('10,000 one-line quotes', async () => {
    // The section's two numbered items, two checklist items and one note count too: the 496th quote is the 501st.
    expect(await refused('> a quote\n\n'.repeat(10_000))).toEqual({
      at: [`${steps}:1003:1 markdown-too-complex`],
      message: 'Markdown too complex to render: too many list items and quoted lines in one file (the limit is 500)',
    });
  });

  it('5,000 unclosed <div>', async () => {
    expect(await refused('<div>'.repeat(5000))).toEqual({
      at: [`${steps}:13:161 markdown-too-complex`],
      message: 'Markdown too complex to render: raw HTML elements nested 33 deep (the limit is 32)',
    });
  });

  it('emphasis nested 70 deep, within the limits on marks but past the tree depth', async () => {
    expect(await refused(`${'*a _'.repeat(70)}x${'_ a*'.repeat(70)}`)).toEqual({
      at: [`${steps}:13:254 markdown-too-complex`],
      message: 'Markdown too complex to render: text nested 129 levels deep (the limit is 128)',
    });
  });

  it('a case study past the limits keeps its front matter: one error, no missing city or slot', async () => {
    const study = 'blueprints/cities/springfield/case-studies/welcome-desk-model.md';
    const root = hostileCopy((r) => appendFileSync(path.join(r, study), `\n${'>'.repeat(100)} deep\n`));
    const o = await blueprint(root, 'check');
    expect(o.code).toBe(1);
    expect(errorsOf(o)).toEqual([`${study}:15:33 markdown-too-complex`]);
  });

  it('a section past the limits, checked: its one error, no failure of the plain-language pass, no missing title', async () => {
    // The section has no front matter: what is kept of it is an empty tree, which the plain-language pass
    // once failed on ("expected position on nodes", an internal error, exit 70).
    const o = await blueprint(appendToSteps(`${'- '.repeat(10_000)}x`), 'check');
    expect(o.code).toBe(1);
    expect(errorsOf(o)).toEqual([`${steps}:13:65 markdown-too-complex`]);
    expect(o.json.diagnostics.filter((d) => d.file?.endsWith(steps)).map((d) => d.ruleId)).toEqual(['markdown-too-complex']);
  });

  it('renders Markdown just inside every limit', async () => {
    const root = appendToSteps([`${'>'.repeat(32)} deep quote`, `${'- '.repeat(31)}deep list`, `${'*a* '.repeat(250)}`, '<div>'.repeat(32)].join('\n\n'));
    const o = await blueprint(root, 'build', '--format', 'html');
    expect(errorsOf(o)).toEqual([]);
    expect(o.code).toBe(0);
    expect(filesBelow(path.join(root, 'out'))).toContain('springfield/en/welcome-desk.html');
  });
});
