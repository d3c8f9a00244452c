import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The test files that took longest in a run from a fresh clone (seconds, `.ci/run`, fifteenth session),
 * heaviest first. Without timings of its own (a fresh clone, as CI always is), vitest starts the larger
 * files first, and the 47-second theme audit, a short file, started last of its group while the other
 * workers had finished. A file not listed, or a list gone stale, only costs packing, never a result.
 */
const knownSlow: Record<string, number> = {
  'test/content/theme-accessibility.test.ts': 47,
  'test/integration/pdf-quality.test.ts': 20,
  'test/content/translated-editions.test.ts': 28,
  'test/content/pdf-tagging.test.ts': 26,
  'test/unit/print-pdf-contents.test.ts': 25,
  'test/hostile/interrupt.test.ts': 25,
  'test/integration/build.test.ts': 23,
  'test/integration/translation.test.ts': 21,
  'test/content/shipped-blueprints.test.ts': 19,
  'test/content/xliff-round-trip.test.ts': 18,
  'test/content/accessibility.test.ts': 18,
  'test/integration/preview-authoring.test.ts': 18,
  'test/integration/pdf-cache.test.ts': 18,
  'test/integration/shard-merge.test.ts': 17,
  'test/integration/one-full-print.test.ts': 15,
  'test/unit/print-typesetting.test.ts': 14,
};

/**
 * Vitest's order (projects and groups in turn; with timings of its last run, the slowest first), but where
 * it has no timings, the files known to be slow first within each project, so the last to start are short.
 */
export default class SlowestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const root = this.ctx.config.root;
    const key = (file: TestSpecification) => relative(root, file.moduleId).split('\\').join('/');
    if (sorted.every((file) => this.ctx.cache.getFileTestResults(`${file.project.name}:${key(file)}`))) return sorted;
    // Each project's files stay together and in vitest's order of projects; within one, heaviest first.
    const projectAt = new Map<string, number>();
    for (const [i, file] of sorted.entries()) if (!projectAt.has(file.project.name)) projectAt.set(file.project.name, i);
    return sorted
      .map((file, i) => ({ file, i, project: projectAt.get(file.project.name) ?? 0, weight: knownSlow[key(file)] ?? 0 }))
      .sort((a, b) => a.project - b.project || b.weight - a.weight || a.i - b.i)
      .map(({ file }) => file);
  }
}
