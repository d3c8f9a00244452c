import { VFile } from 'vfile';
import type { Options } from 'vfile-message';
import { describe, expect, it } from 'vitest';
import { formatAnnotations } from '../../src/diagnostics/format-annotations.js';

const root = '/repo';

function message(file: string, reason: string, options: { place?: Options['place']; ruleId?: string; note?: string; fatal?: boolean | null } = {}) {
  const m = new VFile({ path: file }).message(reason, {
    ...(options.place ? { place: options.place } : {}),
    ...(options.ruleId ? { ruleId: options.ruleId } : {}),
  });
  m.fatal = options.fatal === undefined ? true : options.fatal;
  if (options.note) m.note = options.note;
  return m;
}

// #9: each diagnostic of `blueprint check` in CI becomes an annotation on the pull request's diff.
describe('formatAnnotations', () => {
  it('writes an error with file, position range, rule as title, and the hint on a second line', () => {
    const m = message('/repo/blueprints/cities/riverton/case-studies/language-line-model.md', 'Case study for a city that does not exist: "rivertown"', {
      place: { start: { line: 2, column: 7 }, end: { line: 2, column: 16 } },
      ruleId: 'unknown-city',
      note: 'Did you mean "riverton"? Known cities: riverton, springfield.',
    });
    expect(formatAnnotations([m], root)).toBe(
      '::error file=blueprints/cities/riverton/case-studies/language-line-model.md,line=2,col=7,endLine=2,endColumn=16,title=unknown-city::' +
        'Case study for a city that does not exist: "rivertown"%0ADid you mean "riverton"? Known cities: riverton, springfield.',
    );
  });

  it('writes warnings for non-fatal messages and notices for informational ones; leaves out what is unknown', () => {
    const warning = message('/repo/blueprints/project.yaml', 'Slot filled by Chicago', {
      place: { line: 4, column: 1 },
      ruleId: 'slot-fallback',
      fatal: false,
    });
    const info = message('/repo/blueprints/project.yaml', 'Just so you know', { fatal: null });
    expect(formatAnnotations([warning, info], root)).toBe(
      [
        '::warning file=blueprints/project.yaml,line=4,col=1,title=slot-fallback::Slot filled by Chicago',
        '::notice file=blueprints/project.yaml::Just so you know',
      ].join('\n'),
    );
  });

  it('escapes %, CR and LF in the text, and also : and , in properties, so a message cannot end the command early', () => {
    const m = message('/repo/blueprints/a,b: c%d.md', 'Expected 100% of "a:b, c"\r\n::error::injected', {
      place: { line: 1, column: 1 },
      ruleId: 'rule:with,comma',
      note: 'Line one\nline two: 50%',
    });
    const out = formatAnnotations([m], root);
    expect(out).toBe(
      '::error file=blueprints/a%2Cb%3A c%25d.md,line=1,col=1,title=rule%3Awith%2Ccomma::' +
        'Expected 100%25 of "a:b, c"%0D%0A::error::injected%0ALine one%0Aline two: 50%25',
    );
    // One message, one line: the injected "::error::" stays inside the first command's data.
    expect(out.split('\n')).toHaveLength(1);
  });

  it('keeps paths outside the folder absolute and joins several messages with newlines', () => {
    const outside = message('/elsewhere/theme.yaml', 'Outside', { ruleId: 'unsafe-path' });
    const inside = message('/repo/themes/default/theme.yaml', 'Inside', { ruleId: 'missing-file' });
    expect(formatAnnotations([outside, inside], root)).toBe(
      '::error file=/elsewhere/theme.yaml,title=unsafe-path::Outside\n::error file=themes/default/theme.yaml,title=missing-file::Inside',
    );
    expect(formatAnnotations([], root)).toBe('');
  });
});
