import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blueprint, expectSafePage, filesBelow, hostileCopy } from './hostile.js';

/**
 * #9: random Markdown and random YAML-like text, built from the pieces hostile inputs are made of. Whatever
 * they hold, `check` ends with exit 0 or 1 and one JSON document without an internal error, and a page that
 * builds runs no script. Fixed seeds keep the runs the same on every machine; 25 runs each (a new process
 * each, about 0.6 s: the suite has a 4-minute budget).
 */

const markdownPieces = [
  ...['#', '# ', '## ', '>', '> ', '- ', '1. ', '    ', '\n', '\n', '\n\n', ' ', 'text', 'Word ', '---', '|', '`'],
  ...['*', '**', '_', '~', '[', ']', '](', ')', '![a](', '../images/desk.png', 'https://example.org/', '<', '>', '&lt;', '&#60;'],
  ...['<script>', '</script>', 'javascript:', 'data:text/html,', '<img src=x onerror=alert(1)>', '<style>', '</style>', '<title>', '<div>', '</div>'],
  ...['<a href="javascript:alert(1)">', '<svg onload=alert(1)>', '<table><tr><td>', ':city[', ':city[office]', ':city[nope]', ']{#x}'],
  ...['::case-study{slot="x"}', '::case-study{slot="welcome-desk-model"}', ':::note', '[^1]', '[^1]: ', '[^n]', '<!--', '-->'],
];

const yamlPieces = [
  ...['name: ', 'government: ', 'office: ', 'state: ', 'website: ', 'logo: ', 'colors: ', 'theme: ', 'office_short: ', 'languages_served: '],
  ...['Riverton', 'https://riverton.example.org/', 'javascript:alert(1)', '"', "'", '\n', '\n  ', '  ', '- ', ': ', '#', '[', ']', '{', '}', ','],
  ...['&a ', '*a', '<<: ', '? ', '|', '>', '!!str ', '!!binary ', '~', 'null', 'yes', '1e9', '0x1F', '%YAML 1.2\n', '--- ', '...\n', '\t'],
  ...['../../../../etc/hostname', 'logo.svg', '<script>alert(1)</script>', '\\u0000', '\\x00'],
];

const piecesOf = (pieces: string[], maxLength: number) =>
  fc
    .array(fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...pieces) }, { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 4 }) }), {
      maxLength,
    })
    .map((parts) => parts.join(''));

/** A city profile: half the time a valid one with random names (so its editions render), else random text. */
const cityProfile = fc.oneof(
  fc
    .tuple(piecesOf(yamlPieces, 6), piecesOf(yamlPieces, 6), piecesOf(markdownPieces, 10))
    .map(
      ([name, government, office]) =>
        `name: ${JSON.stringify(`R${name}`)}\ngovernment: ${JSON.stringify(`T${government}`)}\noffice: ${JSON.stringify(`O${office}`)}\nstate: Oregon\nwebsite: https://riverton.example.org/\n`,
    ),
  piecesOf(yamlPieces, 40),
);

const why = 'blueprints/welcome-desk/sections/01-why.md';
const city = 'blueprints/cities/riverton/city.yaml';

describe('random hostile input', () => {
  it('check: exit 0 or 1 and one JSON document, for any section and city profile', { timeout: 120_000 }, async () => {
    const root = hostileCopy();
    await fc.assert(
      fc.asyncProperty(piecesOf(markdownPieces, 80), cityProfile, async (section, profile) => {
        writeFileSync(path.join(root, why), section);
        writeFileSync(path.join(root, city), profile);
        const o = await blueprint(root, 'check');
        expect([0, 1]).toContain(o.code);
        expect(o.json.diagnostics.filter((d) => d.ruleId === 'internal-error' || d.ruleId === null)).toEqual([]);
      }),
      { numRuns: 25, seed: 9 },
    );
  });

  it('build html: a page that builds runs no script and loads nothing; one that fails writes nothing', { timeout: 120_000 }, async () => {
    const root = hostileCopy();
    await fc.assert(
      fc.asyncProperty(piecesOf(markdownPieces, 80), async (section) => {
        rmSync(path.join(root, 'out'), { recursive: true, force: true });
        writeFileSync(path.join(root, why), section);
        const o = await blueprint(root, 'build', '--format', 'html', 'welcome-desk');
        expect([0, 1]).toContain(o.code);
        if (o.code === 0) expectSafePage(path.join(root, 'out', 'springfield', 'en', 'welcome-desk.html'));
        else expect(filesBelow(path.join(root, 'out'))).toEqual([]);
      }),
      { numRuns: 25, seed: 9 },
    );
  });
});
