import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectMessages, formatMessages } from '../../src/diagnostics/report.js';
import { affectedBlueprints } from '../../src/pipeline/affected-blueprints.js';
import { loadProject, type Project } from '../../src/project/load-project.js';
import { SourceCache } from '../../src/project/source-cache.js';
import { copyFixture, edit, fixture } from '../helpers.js';

const report = (files: Parameters<typeof collectMessages>[0], root: string) => formatMessages(collectMessages(files), root);

// #13: the preview parses only what a save changed, and re-renders only the guides it can change.
describe('SourceCache', () => {
  it('gives the same sources and messages as a load without it, and parses again only a changed file', async () => {
    const root = copyFixture('jekyll-import');
    const cache = new SourceCache();
    const plain = await loadProject(root);
    const first = await loadProject(root, { cache });
    const second = await loadProject(root, { cache });
    expect(report(first.files, root)).toBe(report(plain.files, root));
    expect(report(second.files, root)).toBe(report(plain.files, root));
    expect(report(second.files, root)).toContain('03-from-jekyll.md:8:1: error: Template tag');
    const sections = (p: Project | undefined) => p?.blueprints.find((b) => b.id === 'welcome-desk')?.sections ?? [];
    expect(sections(second.project).map((s) => s.tree)).toEqual(sections(plain.project).map((s) => s.tree));
    expect(sections(second.project)[0]?.tree).toBe(sections(first.project)[0]?.tree);

    // A message changed by one caller (check --strict) is not changed for the next load.
    for (const file of second.files) for (const message of file.messages) message.fatal = true;
    edit(root, 'blueprints/welcome-desk/sections/02-steps.md', 'Find a room.', 'Find a room.[^x]');
    const third = await loadProject(root, { cache });
    expect(sections(third.project)[0]?.tree).toBe(sections(first.project)[0]?.tree);
    expect(sections(third.project)[1]?.tree).not.toBe(sections(first.project)[1]?.tree);
    expect(report(third.files, root)).toContain('02-steps.md:3:16: error: Footnote [^x] has no definition in this file');
    expect(report(third.files, root)).toContain('03-from-jekyll.md:2:1: warning: Front-matter key "title" is ignored');
  });
});

describe('affectedBlueprints', () => {
  it('maps a section to its guide, a case study to the guide of its slot, and anything else to every guide', async () => {
    const root = fixture('basic');
    const { project } = await loadProject(root);
    const at = (file: string) => path.join(root, file);
    expect(affectedBlueprints(project as Project, [at('blueprints/welcome-desk/sections/02-steps.md')])).toEqual(new Set(['welcome-desk']));
    expect(affectedBlueprints(project as Project, [at('blueprints/cities/riverton/case-studies/language-line-model.md')])).toEqual(new Set(['language-line']));
    expect(affectedBlueprints(project as Project, [at('blueprints/welcome-desk/blueprint.yaml')])).toBeUndefined();
    expect(affectedBlueprints(project as Project, [at('blueprints/welcome-desk/sections/09-new.md')])).toBeUndefined();
  });
});
