import GithubSlugger from 'github-slugger';
import type { Heading } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import type { Project } from '../project/load-project.js';
import { explicitId } from './remark-heading-ids.js';
import { visit } from './visit-tree.js';

/** Where a link into a guide may point: the ids its headings get in one language, and each section's first. */
export interface GuideAnchors {
  /** The guide's id, for messages. */
  guide: string;
  ids: Set<string>;
  /** Section file (absolute path) → the id of its first heading: where a link to the file lands. */
  sections: Map<string, string>;
}

const known = new WeakMap<Project, Map<string, GuideAnchors>>();

/**
 * The ids a guide's headings get in a language, from its sources as the renderer names them (the id written
 * after a heading, `{#id}`, else its words GitHub's way, repeats numbered), with the fixed ids of its notes,
 * sources and case-study slots: so that a link from another guide to a section file lands on that section,
 * and a #link into another guide is checked, without rendering it first. Headings inside a city's case
 * studies differ by edition and are not among them.
 */
export function guideAnchors(project: Project, blueprintId: string, lang: string): GuideAnchors | undefined {
  let byGuide = known.get(project);
  if (!byGuide) {
    byGuide = new Map();
    known.set(project, byGuide);
  }
  const key = `${blueprintId}\n${lang}`;
  const found = byGuide.get(key);
  if (found) return found;
  const blueprint = project.blueprints.find((b) => b.id === blueprintId);
  if (!blueprint) return undefined;
  const sourceLang = project.config.languages[0];
  const slugs = new GithubSlugger();
  const anchors: GuideAnchors = {
    guide: blueprintId,
    ids: new Set(['footnote-label', 'sources-title', ...blueprint.config.slots.map((slot) => `case-study-${slot.id}`)]),
    sections: new Map(),
  };
  for (const section of blueprint.sections) {
    const source = lang !== sourceLang ? (section.translations.get(lang) ?? section) : section;
    visit(source.tree, 'heading', (heading: Heading) => {
      const text = mdastToString(heading);
      const written = explicitId.exec(text);
      const id = written?.[1] ?? slugs.slug(text);
      anchors.ids.add(id);
      if (!anchors.sections.has(section.file.path)) anchors.sections.set(section.file.path, id);
    });
  }
  byGuide.set(key, anchors);
  return anchors;
}
