import { readFileSync } from 'node:fs';
import path from 'node:path';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { saveMessage } from '../../src/diagnostics/saved-message.js';
import { judgeProse, judgeSources } from '../../src/markdown/plain-language/check-plain-language.js';
import type { startJudgeThread as StartJudgeThread } from '../../src/markdown/plain-language/judge-thread.js';
import { createMarkdownParser } from '../../src/markdown/processor.js';
import { loadProject } from '../../src/project/load-project.js';
import { fixture, repoRoot } from '../helpers.js';

/**
 * #13: `check` judges prose on a second thread while it renders. The thread runs the compiled toolkit
 * (dist/, compiled by the global setup): run from the TypeScript sources there is none, and check judges
 * in its own thread.
 */
describe('the plain-language thread', () => {
  it('judges as the main thread does, from the parsed trees it is sent, and reports a failure', async () => {
    const compiled = path.join(repoRoot, 'dist/markdown/plain-language/judge-thread.js');
    const { startJudgeThread } = (await import(compiled)) as { startJudgeThread: typeof StartJudgeThread };
    const thread = startJudgeThread();
    expect(thread).toBeDefined();
    if (!thread) return;
    try {
      const file = path.join(fixture('plain-language'), 'blueprints/welcome-desk/sections/01-why.md');
      const text = readFileSync(file, 'utf8');
      const tree = createMarkdownParser().parse(new VFile({ path: file, value: text }));
      const options = { limit: 9, all: true };
      const [there] = await thread.judge([{ path: file, text, tree }], options);
      const here = await judgeProse(tree, new VFile({ path: file, value: text }), options);
      expect(there?.messages.length).toBeGreaterThan(5);
      expect(there?.grade).toEqual(here.grade);
      expect(there?.messages.map(saveMessage)).toEqual(here.messages.map(saveMessage));
      // A tree the rules cannot read fails that request, not the process; the thread still answers after.
      await expect(thread.judge([{ path: file, text, tree: { type: 'root', children: [{ type: 'nonsense' }] } as never }], options)).rejects.toThrow(
        /plain-language thread failed/,
      );
      const [again] = await thread.judge([{ path: file, text, tree }], options);
      expect(again?.grade).toEqual(here.grade);
    } finally {
      await thread.close();
    }
  });

  it('judges here when the thread fails: the same findings, none lost', async () => {
    const { project } = await loadProject(fixture('plain-language'));
    if (!project) throw new Error('the fixture did not load');
    const options = { limit: 9, all: true };
    const summary = (judged: Awaited<ReturnType<typeof judgeSources>>) =>
      judged.map(({ source, result }) => [source.file.path, result.grade, result.messages.map(saveMessage)]);
    const here = summary(await judgeSources(project, options));
    const failed = summary(await judgeSources(project, options, { judge: () => Promise.reject(new Error('The plain-language thread stopped')) }));
    expect(here.flatMap(([, , messages]) => messages as unknown[]).length).toBeGreaterThan(5);
    expect(failed).toEqual(here);
  });
});
