import type { Root as MdastRoot } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { measureSentences } from '../../src/markdown/plain-language/measure-sentences.js';
import { proseOf } from '../../src/markdown/plain-language/prose-tree.js';
import { readingGrade } from '../../src/markdown/plain-language/reading-grade.js';

async function grade(text: string) {
  const file = new VFile({ path: 'blueprints/guide/sections/01.md', value: text });
  const tree = unified().use(remarkParse).parse(file) as MdastRoot;
  const prose = await proseOf(tree, file);
  readingGrade(file, { ...prose, sentences: measureSentences(prose.tree) }, { limit: 9, all: false });
  return file.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.reason}`);
}

const easy = 'We help people. They come to the desk. ';
const opening = 'Residents who speak limited English often struggle to understand official notices about housing, taxes and public benefits.';
const hard =
  'Comprehensive intergovernmental coordination necessitates institutionalized multilingual communication infrastructure throughout municipal administrative departments.';
const closing = 'Departments should designate coordinators responsible for translation, interpretation and community outreach activities.';

// #13: the hardest and the longest sentences of a section above the limit are both named at their places.
describe('reading-grade', () => {
  it('reports the longest sentence at its own line when it is not the hardest', async () => {
    const long = 'The desk is open on each day of the week and the staff at the desk can help you fill in the form you need to get your card.';
    const text = `${opening}\n\n${long}\n\n${hard} ${closing}\n`;
    expect(await grade(text)).toEqual([
      expect.stringMatching(/^1:1 reading-grade: Reading grade \d+\.\d is above the project's limit of 9/),
      '5:1 hard-sentence: Hard sentence: 12 words at grade 39.2 ("Comprehensive intergovernmental coordination necessitates institutionalized multilingual communication infrastructure …")',
      '3:1 long-sentence: Long sentence: 29 words ("The desk is open on each day of …")',
    ]);
  });

  it('does not name a longest sentence of 20 words or fewer', async () => {
    const messages = await grade(`${opening} ${closing}\n\n${hard} ${closing} ${opening}\n`);
    expect(messages.map((m) => m.split(' ')[1])).toEqual(['reading-grade:', 'hard-sentence:']);
    expect(await grade(easy.repeat(20))).toEqual([]);
  });
});
