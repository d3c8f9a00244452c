import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractTranslations, importTranslations } from '../../src/index.js';
import { messageLines, repoRoot } from '../helpers.js';

/** The shipped translation files of the language-access guide, path → text. */
function translations(root: string): Map<string, string> {
  const files = new Map<string, string>();
  const dirs = [
    'blueprints',
    'blueprints/language-access',
    'blueprints/language-access/sections',
    'blueprints/cities/new-york-city',
    'blueprints/cities/new-york-city/case-studies',
  ];
  for (const dir of dirs)
    for (const name of readdirSync(path.join(root, dir)))
      if (/\.(es|zh-Hans|ar)\.(md|yaml)$/.test(name)) files.set(`${dir}/${name}`, readFileSync(path.join(root, dir, name), 'utf8'));
  return files;
}

/** #10: an extract followed by an import of the same file gives back the shipped translations exactly. */
describe('issue 10: the shipped Spanish, Chinese and Arabic translations survive an XLIFF round trip', () => {
  it('reproduces every translation file of language-access byte for byte, and puts an edit in its place', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'bp-xliff-shipped-'));
    cpSync(path.join(repoRoot, 'blueprints'), path.join(root, 'blueprints'), { recursive: true });
    const before = translations(root);
    expect(before.size).toBeGreaterThanOrEqual(48);
    const xlfs: string[] = [];
    for (const lang of ['es', 'zh-Hans', 'ar']) {
      const out = path.join(root, `${lang}.xlf`);
      const result = await extractTranslations({ root, lang, blueprints: ['language-access'], out });
      expect(messageLines(result.files, root).filter((line) => line.includes('xliff-'))).toEqual([]);
      expect(result.code).toBe(0);
      // The translated files give their text as targets; the rest are offered untranslated.
      const section = result.sources.find((s) => s.source.endsWith('01-why-it-matters.md'));
      expect(section?.translated).toBe(section?.units);
      xlfs.push(out);
    }
    const result = await importTranslations({ root, files: xlfs });
    expect(result.code, messageLines(result.files, root).join('\n')).toBe(0);
    expect(result.written.filter((w) => w.state !== 'unchanged')).toEqual([]);
    expect(result.written).toHaveLength(before.size);
    expect(translations(root)).toEqual(before);

    // A translator's change to one Spanish paragraph lands in that paragraph only.
    const es = readFileSync(xlfs[0] as string, 'utf8');
    const sentence = 'Las consecuencias pueden ser graves';
    expect(es).toContain(sentence);
    writeFileSync(xlfs[0] as string, es.replace(sentence, `${sentence} y duraderas`));
    const edited = await importTranslations({ root, files: [xlfs[0] as string] });
    const file = 'blueprints/language-access/sections/01-why-it-matters.es.md';
    expect(edited.written.filter((w) => w.state === 'changed').map((w) => w.path)).toEqual([file]);
    expect(translations(root).get(file)).toBe(before.get(file)?.replace(sentence, `${sentence} y duraderas`));
  });
});
