import { readdirSync, readFileSync, statSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Element, ElementContent } from 'xast';
import { fromXml } from 'xast-util-from-xml';
import { toXml } from 'xast-util-to-xml';
import { check, extractTranslations, importTranslations } from '../../src/index.js';
import { copyFixture, messageLines, run } from '../helpers.js';

/** Every file under the project's blueprints/, path → bytes, to compare before and after an import. */
function snapshot(root: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else files.set(path.relative(root, full), readFileSync(full, 'latin1'));
    }
  };
  walk(path.join(root, 'blueprints'));
  return files;
}

async function extract(root: string, out = path.join(root, 'es.xlf')): Promise<string> {
  const result = await extractTranslations({ root, lang: 'es', out });
  expect(messageLines(result.files, root)).toEqual([]);
  expect(result.code).toBe(0);
  return readFileSync(out, 'utf8');
}

/** Line and column (1-based) of the first occurrence of `needle` in `text`, plus `shift` characters. */
function placeOf(text: string, needle: string, shift = 0): string {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`${needle} not in the XLIFF file`);
  const before = text.slice(0, at + shift).split('\n');
  return `${before.length}:${(before.at(-1) as string).length + 1}`;
}

/** A translator's work: every empty target filled with the source, its words marked "ES ". */
function translateRest(xliff: string): string {
  const tree = fromXml(xliff);
  const visit = (node: Element) => {
    if (node.name === 'segment' && !node.children.some((c) => c.type === 'element' && c.name === 'target')) {
      const source = node.children.find((c): c is Element => c.type === 'element' && c.name === 'source') as Element;
      const mark = (children: ElementContent[]): ElementContent[] =>
        children.map((c) =>
          c.type === 'text' && c.value.trim() ? { ...c, value: `ES ${c.value}` } : c.type === 'element' ? { ...c, children: mark(c.children) } : c,
        );
      node.children.push({ type: 'element', name: 'target', attributes: { 'xml:space': 'preserve' }, children: mark(structuredClone(source.children)) });
      node.attributes.state = 'translated';
    }
    for (const child of node.children) if (child.type === 'element') visit(child);
  };
  for (const child of tree.children) if (child.type === 'element') visit(child);
  return toXml(tree, { closeEmptyElements: true });
}

describe('issue 10: blueprint i18n extract and import (XLIFF 2.0)', () => {
  it('reproduces every translation byte for byte from an unedited extract', async () => {
    const root = copyFixture('xliff-round-trip');
    const before = snapshot(root);
    const xliff = await extract(root);
    // One <file> per source, one unit per block or title; Markdown as codes, block structure outside.
    expect(xliff).toContain(
      '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" xmlns:mda="urn:oasis:names:tc:xliff:metadata:2.0" version="2.0" srcLang="en" trgLang="es">',
    );
    expect(xliff.match(/<file /g)).toHaveLength(5);
    expect(xliff).toContain('<data id="d1" xml:space="preserve">:city[government]</data>');
    expect(xliff).toContain('<data id="d3e" xml:space="preserve">](https://example.org/plan "The plan")</data>');
    expect(xliff).toContain('<data id="d6" xml:space="preserve">[^plan]</data>');
    expect(xliff).toContain('<source xml:space="preserve">A desk for everyone<ph id="1" dataRef="d1" canDelete="no" /></source>');
    expect(xliff).toContain('<mda:meta type="translation">blueprints/welcome-desk/sections/01-why.es.md</mda:meta>');
    expect(xliff).not.toContain('case-study{');
    expect(xliff).not.toContain('code blocks stay outside');
    expect(xliff).not.toContain('| ---');
    // The translation says "review: reviewed": its segments are reviewed.
    expect(xliff).toContain('<target xml:space="preserve">Por qué importa</target>');
    expect(xliff.match(/state="reviewed"/g)?.length).toBeGreaterThan(20);

    const result = await importTranslations({ root, files: [path.join(root, 'es.xlf')] });
    expect(result.code, messageLines(result.files, root).join('\n')).toBe(0);
    expect(result.written).toEqual([
      { path: 'blueprints/welcome-desk/blueprint.es.yaml', lang: 'es', state: 'unchanged' },
      { path: 'blueprints/welcome-desk/sections/01-why.es.md', lang: 'es', state: 'unchanged' },
    ]);
    expect(snapshot(root)).toEqual(before);
  });

  // Found by a fork's walkthrough: a city's translator was sent every upstream file with the city's three.
  it("extracts only the cities' own text with --city-only: the profile and its case studies", async () => {
    const root = copyFixture('xliff-round-trip');
    const result = await extractTranslations({ root, lang: 'es', citiesOnly: true });
    expect(result.code).toBe(0);
    expect(result.sources.map((s) => s.source)).toEqual([
      'blueprints/cities/springfield/city.yaml',
      'blueprints/cities/springfield/case-studies/welcome-desk-model.md',
    ]);
    expect(result.xliff?.match(/<file /g)).toHaveLength(2);
  });

  it("writes a translator's changes where they belong, creates the missing translations, and reads them back", async () => {
    const root = copyFixture('xliff-round-trip');
    const section = path.join(root, 'blueprints/welcome-desk/sections/01-why.es.md');
    const original = readFileSync(section, 'utf8');
    let xliff = await extract(root);
    xliff = xliff.replace(
      '<pc id="1" dataRefStart="d1s" dataRefEnd="d1e" canDelete="no">enlace</pc>',
      'otro <pc id="1" dataRefStart="d1s" dataRefEnd="d1e" canDelete="no">vínculo</pc>',
    );
    xliff = translateRest(xliff);
    writeFileSync(path.join(root, 'es.xlf'), xliff);
    const result = await run(['i18n', 'import', 'es.xlf', '--json'], root);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout).written).toEqual([
      { path: 'blueprints/project.es.yaml', lang: 'es', state: 'created' },
      { path: 'blueprints/welcome-desk/blueprint.es.yaml', lang: 'es', state: 'changed' },
      { path: 'blueprints/welcome-desk/sections/01-why.es.md', lang: 'es', state: 'changed' },
      { path: 'blueprints/cities/springfield/city.es.yaml', lang: 'es', state: 'created' },
      { path: 'blueprints/cities/springfield/case-studies/welcome-desk-model.es.md', lang: 'es', state: 'created' },
    ]);
    // The one edit, at its place; every other byte as it was.
    expect(readFileSync(section, 'utf8')).toBe(original.replace('Un elemento anidado con un [enlace][ref]', 'Un elemento anidado con un otro [vínculo][ref]'));
    // The blueprint's slot description was translated now: added, the hand-written comment kept.
    const blueprint = readFileSync(path.join(root, 'blueprints/welcome-desk/blueprint.es.yaml'), 'utf8');
    expect(blueprint).toMatch(/^# A translation written by hand, with a comment the import keeps\.\n/);
    expect(blueprint).toContain('review: draft');
    expect(blueprint).toContain('title: "Un mostrador que funciona"');
    expect(blueprint).toContain('    description: ES What a desk does, and for whom.\n');
    expect(readFileSync(path.join(root, 'blueprints/cities/springfield/case-studies/welcome-desk-model.es.md'), 'utf8')).toBe(
      [
        '---',
        'translation:',
        '  source: 0b4d4ce8071aee0c',
        '  review: draft',
        "title: ES Springfield's Newcomer Desk",
        '---',
        '',
        'ES Springfield opened a desk in the **ES city hall lobby**ES .[^desk]',
        '',
        '[^desk]: ES The desk opened in 2019.',
        '',
      ].join('\n'),
    );
    expect(readFileSync(path.join(root, 'blueprints/cities/springfield/city.es.yaml'), 'utf8')).toBe(
      [
        '# yaml-language-server: $schema=../../../schemas/city-translation.schema.json',
        'translation:',
        '  source: 98d1d48ae8582750',
        '  review: draft',
        'name: ES Springfield',
        'government: ES City of Springfield',
        'office: ES Springfield Welcome Office',
        'state: ES Illinois',
        '',
      ].join('\n'),
    );
    // What was written is valid and current, and a second round trip changes nothing.
    const checked = await check({ root });
    expect(messageLines(checked.files, root).filter((line) => /translation-|wrong-type|unknown-key/.test(line))).toEqual([]);
    const after = snapshot(root);
    await extract(root, path.join(os.tmpdir(), `bp-xliff-${process.pid}.xlf`));
    const again = await importTranslations({ root, files: [path.join(os.tmpdir(), `bp-xliff-${process.pid}.xlf`)] });
    expect(again.written.map((w) => w.state)).toEqual(['unchanged', 'unchanged', 'unchanged', 'unchanged', 'unchanged']);
    expect(snapshot(root)).toEqual(after);
  });

  it('leaves the targets of a translation whose blocks differ from its source empty, warns, and rebuilds it from the source', async () => {
    const root = copyFixture('xliff-round-trip');
    const section = 'blueprints/welcome-desk/sections/01-why.es.md';
    writeFileSync(path.join(root, section), readFileSync(path.join(root, section), 'utf8').replace('> Una cita de un residente.\n\n', ''));
    const result = await extractTranslations({ root, lang: 'es', out: path.join(root, 'es.xlf') });
    expect(messageLines(result.files, root)).toEqual([
      `${section}:1:1: warning: The es translation does not follow the structure of blueprints/welcome-desk/sections/01-why.md (18 blocks for the source's 19); its targets are left empty [xliff-unaligned]`,
    ]);
    const xliff = readFileSync(path.join(root, 'es.xlf'), 'utf8');
    const part = xliff.slice(xliff.indexOf('original="blueprints/welcome-desk/sections/01-why.md"'), xliff.indexOf('original="blueprints/cities/'));
    expect(part).not.toContain('<target');
    writeFileSync(path.join(root, 'es.xlf'), translateRest(xliff));
    const imported = await importTranslations({ root, files: [path.join(root, 'es.xlf')] });
    expect(imported.code, messageLines(imported.files, root).join('\n')).toBe(0);
    const rebuilt = readFileSync(path.join(root, section), 'utf8');
    expect(rebuilt).toMatch(/^---\ntranslation:\n {2}source: [0-9a-f]{16}\n {2}review: draft\n---\n# ES Why it matters\n/);
    expect(rebuilt).toContain('\n> ES A quote from a resident.\n');
    expect(rebuilt).toContain('\n::case-study{slot="welcome-desk-model"}\n');
    expect(rebuilt).toContain('| ES Phone   | `311` |');
  });

  describe('refuses an invalid file whole, each problem at its line and column, writing nothing', () => {
    const cases: { name: string; change: (x: string) => string; expected: (x: string) => string[] }[] = [
      {
        name: 'XML that is not well-formed',
        change: (x) => x.replace('<target xml:space="preserve">Por qué importa</target>', '<target xml:space="preserve">Por qué importa</targte>'),
        expected: (x) => [`es.xlf:${placeOf(x, '</targte>')}: error: The XLIFF file is not well-formed XML: Missing end tag for element target [xliff-syntax]`],
      },
      {
        name: 'a language the project does not build',
        change: (x) => x.replace('trgLang="es"', 'trgLang="fr"'),
        expected: () => ['es.xlf:2:1: error: Unexpected XLIFF: trgLang "fr" is not a language the project translates into (es) [xliff-structure]'],
      },
      {
        name: 'a source changed since the extract',
        change: (x) => x.replace('<mda:meta type="sourceHash">e8919343e9829072</mda:meta>', '<mda:meta type="sourceHash">0123456789abcdef</mda:meta>'),
        expected: (x) => [
          `es.xlf:${placeOf(x, '<mda:meta type="sourceHash">0123456789abcdef')}: error: blueprints/welcome-desk/sections/01-why.md changed since this file was extracted (extracted from 0123456789abcdef, now e8919343e9829072) [xliff-stale]`,
        ],
      },
      {
        name: 'a unit the source does not have, and one it lacks',
        change: (x) => x.replace('<unit id="b11" name="paragraph">', '<unit id="b99" name="paragraph">'),
        expected: (x) => [
          `es.xlf:${placeOf(x, '<file id="f3"')}: error: Units do not match the source: blueprints/welcome-desk/sections/01-why.md lacks unit "b11" [xliff-unit]`,
          `es.xlf:${placeOf(x, '<unit id="b99"')}: error: Units do not match the source: blueprints/welcome-desk/sections/01-why.md has no unit "b99" [xliff-unit]`,
        ],
      },
      {
        name: 'a target without a footnote reference of its source',
        change: (x) => x.replace('.<ph id="6" dataRef="d6" canDelete="no" /></target>', '.</target>'),
        expected: (x) => [
          `es.xlf:${placeOf(x, '<target xml:space="preserve">Esta guía')}: error: Inline codes of the target do not match the source: unit "b2" lacks <ph id="6"> ([^plan]) [xliff-inline-code]`,
        ],
      },
      {
        name: 'a code twice, a code the source lacks',
        change: (x) =>
          x
            .replace('Un segundo elemento</target>', 'Un segundo <ph id="7" dataRef="d7"/>elemento</target>')
            .replace('en el <ph id="5" dataRef="d5" canDelete="no" />', 'en el <ph id="5" dataRef="d5" canDelete="no" /><ph id="5" dataRef="d5" />'),
        expected: (x) => [
          `es.xlf:${placeOf(x, '<ph id="5" dataRef="d5" />')}: error: Inline codes of the target do not match the source: <ph id="5"> (\`desk\`) appears twice [xliff-inline-code]`,
          `es.xlf:${placeOf(x, '<ph id="7" dataRef="d7"/>')}: error: Inline codes of the target do not match the source: <ph id="7"> is not a code of the source [xliff-inline-code]`,
        ],
      },
      {
        name: 'paired codes as <sc>/<ec> closed out of order',
        change: (x) =>
          x.replace(
            '<target xml:space="preserve">Los residentes preguntan <pc id="1" dataRefStart="d1s" dataRefEnd="d1e" canDelete="no">por dónde <pc id="2" dataRefStart="d2s" dataRefEnd="d2e" canDelete="no">empezar</pc></pc>',
            '<target xml:space="preserve">Los residentes preguntan <sc id="1" dataRef="d1s"/>por dónde <sc id="2" dataRef="d2s"/>empezar<ec startRef="1" dataRef="d1e"/><ec startRef="2" dataRef="d2e"/>',
          ),
        expected: (x) => [
          // The second <ec> closes the second <sc>; the first <sc> is left open.
          `es.xlf:${placeOf(x, '<target xml:space="preserve">Los residentes')}: error: Inline codes of the target do not match the source: <sc id="1"> has no <ec> in this target [xliff-inline-code]`,
          `es.xlf:${placeOf(x, '<ec startRef="1"')}: error: Inline codes of the target do not match the source: <ec startRef="1"> closes <sc id="2">'s pair out of order [xliff-inline-code]`,
        ],
      },
      {
        name: 'an empty target',
        change: (x) => x.replace('<target xml:space="preserve">Primer paso</target>', '<target xml:space="preserve"> </target>'),
        expected: (x) => [`es.xlf:${placeOf(x, '<unit id="b9"')}: error: Unit "b9" has no target [xliff-target-missing]`],
      },
    ];
    for (const { name, change, expected } of cases) {
      it(name, async () => {
        const root = copyFixture('xliff-round-trip');
        const xliff = change(
          (await extract(root)).replace('<target xml:space="preserve">Segundo paso</target>', '<target xml:space="preserve">Paso dos</target>'),
        );
        writeFileSync(path.join(root, 'es.xlf'), xliff);
        const before = snapshot(root);
        const result = await importTranslations({ root, files: [path.join(root, 'es.xlf')] });
        expect(messageLines(result.files, root).filter((line) => !line.includes('xliff-file-untranslated'))).toEqual(expected(xliff));
        expect(result.code).toBe(1);
        expect(result.written).toEqual([]);
        // The valid edit in the same file is not written either.
        expect(snapshot(root)).toEqual(before);
      });
    }
  });

  it('says on the command line what it cannot do: a language to translate into, a file to read', async () => {
    const root = copyFixture('xliff-round-trip');
    const source = await run(['i18n', 'extract', '--lang', 'en', '--json'], root);
    expect(source.code).toBe(2);
    expect(JSON.parse(source.stdout).diagnostics.map((d: { message: string }) => d.message)).toEqual(['Unknown language "en"']);
    const missing = await run(['i18n', 'import', 'nothing.xlf'], root);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`error: Cannot read the XLIFF file "${path.join(root, 'nothing.xlf')}": it does not exist [xliff-input]`);
    // Without --out, the XLIFF goes to standard output, and nothing else does.
    const printed = await run(['i18n', 'extract', 'welcome-desk', '--lang', 'es'], root);
    expect(printed.code, printed.stderr).toBe(0);
    expect(printed.stdout).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<xliff [\s\S]*<\/xliff>\n$/);
    expect(printed.stderr).toContain('Extracted 32 units from 5 files (22 already translated); 0 errors, 0 warnings.');
  });

  it('never writes through a symbolic link, inside the project or out of it', async () => {
    for (const where of ['inside', 'outside'] as const) {
      const root = copyFixture('xliff-round-trip');
      const xliff = await extract(root);
      const target = path.join(root, 'blueprints/welcome-desk/blueprint.es.yaml');
      const linked = where === 'inside' ? path.join(root, 'blueprints/welcome-desk/notes.txt') : path.join(os.tmpdir(), `bp-outside-${process.pid}.yaml`);
      writeFileSync(linked, readFileSync(target));
      unlinkSync(target);
      symlinkSync(linked, target);
      writeFileSync(path.join(root, 'es.xlf'), xliff.replace('Mostrador de bienvenida</target>', 'Mostrador</target>'));
      const result = await importTranslations({ root, files: [path.join(root, 'es.xlf')] });
      expect(messageLines(result.files, root).filter((line) => line.includes('error'))).toEqual([
        where === 'inside'
          ? 'es.xlf: error: Refusing to write blueprints/welcome-desk/blueprint.es.yaml: it is a symbolic link [xliff-write-refused]'
          : 'blueprints/welcome-desk/blueprint.es.yaml: error: File "blueprints/welcome-desk/blueprint.es.yaml" leads outside the project [unsafe-path]',
      ]);
      expect(result.written).toEqual([]);
      expect(readFileSync(linked, 'utf8')).toContain('Mostrador de bienvenida');
    }
  });
});
