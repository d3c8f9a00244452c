import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { dedupeMessages, report } from '../../src/diagnostics/messages.js';
import { copyMessage, restoreMessage, saveMessage } from '../../src/diagnostics/saved-message.js';

const untranslated = (file: VFile, lang: string, what = 'case study') =>
  report(file, 'untranslated', { langs: [lang], source: 'en', name: file.stem ?? '', what });
const said = (file: VFile) => file.messages.map((m) => `${m.reason} | ${m.note}`);

/** #10: a file printed untranslated in several languages is one warning at the end of a run, naming them all. */
describe('messages the catalogue merges', () => {
  it('says one untranslated warning per file, its languages in order, where the first was', () => {
    const study = new VFile({ path: '/p/blueprints/cities/boston/case-studies/law.md' });
    const section = new VFile({ path: '/p/blueprints/health/sections/01-why.md' });
    report(study, 'broken-fragment', { id: 'x', edition: '' }, { place: { line: 3, column: 1 } });
    for (const lang of ['zh-Hans', 'es', 'ar', 'es']) untranslated(study, lang);
    untranslated(section, 'es', 'section');
    dedupeMessages([study, section]);
    expect(said(study)).toEqual([
      expect.stringMatching(/#x/),
      'No ar, es or zh-Hans translation of this case study; printing the en text | Add law.ar.md, law.es.md and law.zh-Hans.md next to it.',
    ]);
    expect(study.messages[1]?.fatal).toBe(false);
    expect(study.messages[1]?.ruleId).toBe('untranslated');
    expect(said(section)).toEqual(['No es translation of this section; printing the en text | Add 01-why.es.md next to it.']);
  });

  it('merges messages saved by an earlier run and copied ones alike (a check replays the renders it did not redo)', () => {
    const study = new VFile({ path: '/p/law.md' });
    const replayed = new VFile({ path: '/p/law.md' });
    replayed.messages.push(restoreMessage(saveMessage(untranslated(study, 'es'))), copyMessage(untranslated(study, 'ar')));
    dedupeMessages([replayed]);
    expect(said(replayed)).toEqual(['No ar or es translation of this case study; printing the en text | Add law.ar.md and law.es.md next to it.']);
  });
});
