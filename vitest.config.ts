import { configDefaults, defineConfig } from 'vitest/config';
import SlowestFirst from './test/slowest-first.js';

/** Test files that run with a module registry of their own: one replaces a module of the toolkit (vi.mock). */
const isolated = ['test/integration/preview-lifecycle.test.ts'];

export default defineConfig({
  test: {
    // #8: compile src/ into dist/ once, so the tests that spawn bin/blueprint.js run the code under test.
    globalSetup: ['test/global-setup.ts'],
    // #8: the slowest tests after every run. A --reporter on the command line replaces these: .ci/run
    // names the slowest reporter again. GitHub Actions annotations are kept, as vitest's default does.
    reporters: ['default', './test/reporters/slowest.ts', ...(process.env.GITHUB_ACTIONS === 'true' ? ['github-actions'] : [])],
    // Three test files at a time on a 2-core machine: much of a test's time is spent waiting on Chromium and
    // poppler (the suite used 1.2 cores with two at a time). With the content tests' shared build already
    // made: 212–229 s against 292 s with two; from a fresh clone (the shared build's 45 PDFs printing
    // meanwhile) about 300 s either way, at a load of 6–8, and 240 s once the shared build printed 27.
    maxWorkers: 3,
    // A fresh clone (CI) has no timings: the files known to be slow start first (test/slowest-first.ts).
    sequence: { sequencer: SlowestFirst },
    testTimeout: 180_000,
    hookTimeout: 300_000,
    projects: [
      {
        extends: true,
        // Test files share a worker's module registry: each file importing unified, puppeteer and the toolkit
        // afresh took 80 s of the suite (8 s shared). The toolkit keeps no state between calls.
        test: { name: 'toolkit', include: ['test/**/*.test.ts'], exclude: [...configDefaults.exclude, 'test/content/**', ...isolated], isolate: false },
      },
      { extends: true, test: { name: 'isolated', include: isolated, isolate: true } },
      {
        extends: true,
        // The shipped guides' tests run after the toolkit's, and the one build most of them read starts
        // before any test (start-shared-build.ts), printing while the toolkit's tests run.
        test: {
          name: 'content',
          include: ['test/content/**/*.test.ts'],
          isolate: false,
          globalSetup: ['test/global-setup.ts', 'test/content/start-shared-build.ts'],
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
