import type { Heading, Root } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Project } from '../../src/project/load-project.js';
import { shippedProject } from './shipped-project.js';

/** The words of a text that start with a capital in the middle of a sentence: names ("Chicago", "Local Law"). */
function namesIn(tree: Root): Set<string> {
  const names = new Set<string>();
  visit(tree, 'text', (node) => {
    for (const sentence of node.value.split(/[.!?:]\s+/)) {
      const words = sentence.split(/\s+/).slice(1);
      for (const word of words) if (/^\p{Lu}/u.test(word)) names.add(word.replace(/[^\p{L}\p{N}'’-]/gu, ''));
    }
  });
  return names;
}

/**
 * Words of a heading that are capitalized though they neither start it (nor follow a colon) nor are names
 * the guide's own text capitalizes mid-sentence, nor acronyms: the signs of Title Case.
 */
function titleCased(heading: string, names: Set<string>): string[] {
  const words = heading.split(/\s+/);
  return words.filter((word, i) => {
    const bare = word.replace(/[^\p{L}\p{N}'’-]/gu, '');
    if (i === 0 || /[:.?]$/.test(words[i - 1] ?? '') || !/^\p{Lu}/u.test(bare)) return false;
    if (/^[\p{Lu}\d]{2,}s?$/u.test(bare) || /^\p{Lu}\p{Ll}*\p{Lu}/u.test(bare)) return false;
    return !names.has(bare);
  });
}

// #12: the guides are one series; their section titles are all in sentence case.
describe('section titles of the shipped guides', () => {
  let project: Project;
  beforeAll(async () => {
    project = (await shippedProject()).project as Project;
  });

  it('are in sentence case in every guide (names aside)', () => {
    const wrong: string[] = [];
    for (const blueprint of project.blueprints) {
      const names = new Set(blueprint.sections.flatMap((s) => [...namesIn(s.tree as Root)]));
      for (const section of blueprint.sections) {
        visit(section.tree as Root, 'heading', (node: Heading) => {
          const text = mdastToString(node);
          const words = titleCased(text, names);
          if (words.length) wrong.push(`${blueprint.id}/${section.file.basename}: "${text}" (${words.join(', ')})`);
        });
      }
    }
    expect(wrong).toEqual([]);
  });

  it('name each shared part the same way in every guide', () => {
    const titles = new Map<string, Set<string>>();
    for (const blueprint of project.blueprints) {
      for (const section of blueprint.sections) {
        const first = (section.tree as Root).children.find((n): n is Heading => n.type === 'heading' && n.depth === 1);
        const title = first ? mdastToString(first) : '';
        // "Why language access matters": the first part names its guide's topic.
        const key = section.part === 'why-it-matters' ? title.replace(/^Why .+ (matters?)\b.*$/, 'Why … $1') : title;
        titles.set(section.part, new Set([...(titles.get(section.part) ?? []), key.replace('matter', 'matters').replace('matterss', 'matters')]));
      }
    }
    const differing = [...titles].filter(([, set]) => set.size > 1).map(([part, set]) => `${part}: ${[...set].join(' | ')}`);
    expect(differing).toEqual([]);
    expect([...(titles.get('why-it-matters') ?? [])]).toEqual(['Why … matters']);
  });

  it('a Title Case heading is caught', () => {
    expect(titleCased('Staffing, Budget and Partners', new Set())).toEqual(['Budget', 'Partners']);
    expect(titleCased('Why Chicago started it', new Set(['Chicago']))).toEqual([]);
  });
});
