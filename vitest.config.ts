import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // #8: compile src/ into dist/ once, so the tests that spawn bin/blueprint.js run the code under test.
    globalSetup: ['test/global-setup.ts'],
    // #8: the slowest tests after every run. A --reporter on the command line replaces these: .ci/run
    // names the slowest reporter again. GitHub Actions annotations are kept, as vitest's default does.
    reporters: ['default', './test/reporters/slowest.ts', ...(process.env.GITHUB_ACTIONS === 'true' ? ['github-actions'] : [])],
    // PDF tests start a real Chromium; two test files at a time keep a 2-core machine responsive.
    maxWorkers: 2,
    testTimeout: 180_000,
    hookTimeout: 300_000,
  },
});
