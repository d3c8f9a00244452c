import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogue, docsUrl, type RuleId } from '../../src/diagnostics/catalogue.js';
import { collectMessages } from '../../src/diagnostics/report.js';
import { loadProject } from '../../src/project/load-project.js';
import { crossReferenceRules } from '../../src/validate/rules/index.js';
import { fixture, messageLines, repoRoot } from '../helpers.js';

interface Case {
  /** A small real project under test/fixtures/, broken in one way. */
  fixture: string;
  /** Every message loading it gives, as `file:line:column: severity: reason [ruleId]`. */
  messages: string[];
  /** The hint of each message, in the same order. */
  hints: string[];
  /** Did-you-mean candidates of each message (undefined: none). */
  expected?: (string[] | undefined)[];
}

// #8: one rule per file in src/validate/rules/, each with a fixture per case (unified-engine style).
const cases: Record<string, Case[]> = {
  'project-cities': [
    {
      fixture: 'unknown-city-in-project',
      messages: [
        'blueprints/project.yaml:2:15: error: Unknown city "springfeld" [unknown-city]',
        'blueprints/project.yaml:4:25: error: Unknown city "rivertn" [unknown-city]',
      ],
      hints: [
        'Did you mean "springfield"? Known cities (folders under blueprints/cities/): riverton, springfield.',
        'Did you mean "riverton"? Known cities (folders under blueprints/cities/): riverton, springfield.',
      ],
      expected: [['springfield'], ['riverton']],
    },
  ],
  'theme-references': [
    {
      fixture: 'unknown-theme',
      messages: [
        'blueprints/cities/springfield/city.yaml:6:8: error: Unknown theme "harbor" [unknown-theme]',
        'blueprints/project.yaml:3:16: error: Unknown theme "defualt" [unknown-theme]',
      ],
      hints: [
        'Known themes (folders under themes/): almanac, civic, default.',
        'Did you mean "default"? Known themes (folders under themes/): almanac, civic, default.',
      ],
      expected: [['almanac', 'civic', 'default'], ['default']],
    },
    {
      // #8: this crashed the build with a TypeError.
      fixture: 'theme-folder-without-theme-yaml',
      messages: ['blueprints/cities/springfield/city.yaml:6:8: error: Theme folder "harbor" has no theme.yaml [missing-theme-file]'],
      hints: ['Add themes/harbor/theme.yaml with "extends: default" and the tokens you change, or remove the folder.'],
    },
    { fixture: 'unreferenced-theme-folder', messages: [], hints: [] },
  ],
  // #10: a language the project builds without interface words, said where the language is listed.
  'interface-words': [
    {
      fixture: 'interface-words-missing',
      messages: [
        'blueprints/project.yaml:3:17: warning: No interface words in "de" for aboutGuide, accessibility, accessibilityText, allGuides, backToContent, caseStudy, contact, contents, continued, edition, editionLabel, fallbackNote, howToCite, languageHelp, languageHelpText, licence, logoAlt, notLegalAdvice, notes, notesAndSources, pageOf, pdfLink, preparedBy, published, skipToContent, sources, translationDraft, untranslatedNote, version; they print in English [interface-words-missing]',
      ],
      hints: ['Add them under "strings: de:" in blueprints/project.yaml (every key is listed in docs/translating.md).'],
    },
  ],
  // #10: a translation made from an earlier source, and a translated slot the blueprint does not declare.
  'translation-files': [
    {
      fixture: 'translation-files',
      messages: [
        'blueprints/welcome-desk/blueprint.es.yaml:2:11: warning: The es translation is stale: welcome-desk/blueprint.yaml changed since it was translated (recorded 0000000000000000, now 1b80b71f5e887885) [translation-stale]',
        'blueprints/welcome-desk/blueprint.es.yaml:7:3: warning: This es translation is never used: blueprint welcome-desk has no slot "welcome-desk-modle". Did you mean "welcome-desk-model"? Known slots of this blueprint: welcome-desk-model. [translation-orphaned]',
      ],
      hints: [
        'Update the translation from the current welcome-desk/blueprint.yaml (blueprint i18n extract --lang es), then set "source: 1b80b71f5e887885".',
        'Rename the key after one of the blueprint’s slots, or remove it.',
      ],
    },
  ],
  'profile-placeholder': [
    {
      fixture: 'profile-placeholder',
      messages: ['blueprints/cities/springfield/city.yaml:4:8: warning: City profile "state" is still a placeholder: "TODO (the state)" [profile-placeholder]'],
      hints: ['Replace the value of "state" with the city\'s own.'],
    },
  ],
  'output-pattern': [
    {
      fixture: 'unsafe-output-pattern',
      messages: ['blueprints/project.yaml:6:9: error: Output pattern "../{city}/{blueprint}" has an empty, "." or ".." folder in it [unsafe-output-pattern]'],
      hints: ['Use only {city}, {lang}, {blueprint}, letters, digits, "-", "_" and "/" between them, e.g. "{city}/{lang}/{blueprint}".'],
    },
  ],
  'blueprint-list': [
    {
      fixture: 'unknown-blueprint',
      messages: ['blueprints/project.yaml:3:28: error: Unknown blueprint "welcome-dsk": there is no blueprints/welcome-dsk/blueprint.yaml [unknown-blueprint]'],
      hints: ['Did you mean "welcome-desk"? Known blueprints: welcome-desk.'],
      expected: [['welcome-desk']],
    },
    {
      fixture: 'duplicate-blueprint',
      messages: ['blueprints/project.yaml:3:28: error: Blueprint "welcome-desk" is listed twice [duplicate-blueprint]'],
      hints: ['Remove the second entry.'],
    },
    {
      fixture: 'unused-blueprint',
      messages: ['blueprints/project.yaml:3:1: warning: Blueprint folder "drafts" is not listed in "blueprints" [unused-blueprint]'],
      hints: ['Add "- drafts" to the list to build it.'],
    },
  ],
  'missing-part': [
    {
      fixture: 'missing-part',
      messages: ['blueprints/welcome-desk/blueprint.yaml:3:1: error: Missing required part(s): implementation, pitfalls [missing-part]'],
      hints: ['Add a section with "part: <name>" for each, as blueprints/project.yaml requires (required_parts).'],
    },
  ],
  'duplicate-slot': [
    {
      fixture: 'duplicate-slot',
      messages: [
        'blueprints/language-line/blueprint.yaml:7:9: error: Slot "welcome-desk-model" is already declared by blueprint "welcome-desk" [duplicate-slot]',
      ],
      hints: ['Slot ids are unique across the project; rename this one (the other is at blueprints/welcome-desk/blueprint.yaml:7:9).'],
    },
  ],
  'case-study-city': [
    {
      fixture: 'case-study-unknown-city',
      messages: ['blueprints/cities/riverton/case-studies/welcome-desk-model.md:2:7: error: Unknown city "rivertown" [unknown-city]'],
      hints: ['Did you mean "riverton"? Known cities: riverton, springfield.'],
      expected: [['riverton']],
    },
    {
      fixture: 'city-mismatch',
      messages: [
        'blueprints/cities/springfield/case-studies/welcome-desk-model.md:2:7: error: Case study names city "riverton" but is in the folder of "springfield" [city-mismatch]',
      ],
      hints: ['Move the file to blueprints/cities/riverton/case-studies/ or set "city: springfield".'],
    },
  ],
  'case-study-slot': [
    {
      fixture: 'unknown-slot',
      messages: ['blueprints/cities/riverton/case-studies/welcome-desk-model.md:3:7: error: Unknown slot "welcome-desk-modle" [unknown-slot]'],
      hints: ['Did you mean "welcome-desk-model"? Known slots: welcome-desk-model.'],
      expected: [['welcome-desk-model']],
    },
  ],
  'duplicate-case-study': [
    {
      fixture: 'duplicate-case-study',
      messages: [
        'blueprints/cities/springfield/case-studies/welcome-desk-pilot.md:3:7: error: A second case study for slot "welcome-desk-model" from springfield [duplicate-case-study]',
      ],
      hints: ['blueprints/cities/springfield/case-studies/welcome-desk-model.md already fills this slot for this city; merge the two or change the slot.'],
    },
  ],
  'empty-slot': [
    {
      fixture: 'empty-slot',
      messages: ['blueprints/welcome-desk/blueprint.yaml:9:9: error: Slot "welcome-desk-pilot" has no case study from any city [empty-slot]'],
      hints: ['Add blueprints/cities/<city>/case-studies/welcome-desk-pilot.md for at least one city.'],
    },
  ],
};

describe('cross-reference rules (#8)', () => {
  it('has fixtures for every rule in src/validate/rules/, and runs every one of them', () => {
    const files = readdirSync(path.join(repoRoot, 'src/validate/rules'))
      .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
      .map((f) => f.replace(/\.ts$/, ''))
      .sort();
    expect(Object.keys(cases).sort()).toEqual(files);
    expect(crossReferenceRules).toHaveLength(files.length);
  });

  for (const [rule, ruleCases] of Object.entries(cases)) {
    describe(rule, () => {
      it.each(ruleCases)('$fixture', async ({ fixture: name, messages, hints, expected }) => {
        const root = fixture(name);
        const { project, files } = await loadProject(root);
        expect(messageLines(files, root)).toEqual(messages);
        const found = collectMessages(files);
        expect(found.map((m) => m.note)).toEqual(hints);
        expect(found.map((m) => m.expected)).toEqual(expected ?? found.map(() => undefined));
        for (const m of found) {
          const entry = catalogue[m.ruleId as RuleId];
          expect(m.source).toBe('blueprint');
          expect(m.fatal).toBe(entry.severity === 'error');
          expect(m.url).toBe(`${docsUrl}#rule-${m.ruleId}`);
          // Every position is a range on the offending value (or key), never a guessed column 0.
          expect(m.place).toMatchObject({ start: { line: m.line, column: m.column }, end: { line: m.line } });
        }
        // A project whose references do not fit together still loads (later stages decide what to skip).
        expect(project).toBeDefined();
      });
    });
  }
});
