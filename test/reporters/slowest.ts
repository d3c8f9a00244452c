import type { Reporter, TestModule, Vitest } from 'vitest/node';

const seconds = (ms: number) => `${(ms / 1000).toFixed(2).padStart(6)} s`;

/**
 * Prints the slowest tests and test files after every run (#8: the whole suite must stay under 4 minutes on
 * a 2-core machine, so what costs the time is shown each time). Runs next to the default reporter; a
 * file's time includes its beforeAll hooks, where most builds happen.
 */
export default class SlowestReporter implements Reporter {
  private vitest: Vitest | undefined;

  constructor(private readonly options: { tests?: number; files?: number } = {}) {}

  onInit(vitest: Vitest): void {
    this.vitest = vitest;
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const tests = testModules.flatMap((module) =>
      [...module.children.allTests()].map((test) => ({ name: `${module.relativeModuleId} > ${test.fullName}`, ms: test.diagnostic()?.duration ?? 0 })),
    );
    const files = testModules.map((module) => ({ name: module.relativeModuleId, ms: module.diagnostic().duration }));
    const top = (list: { name: string; ms: number }[], n: number) =>
      [...list]
        .sort((a, b) => b.ms - a.ms || a.name.localeCompare(b.name))
        .slice(0, n)
        .map((entry) => `  ${seconds(entry.ms)}  ${entry.name}`);
    const lines = [
      '',
      `Slowest tests (of ${tests.length}):`,
      ...top(tests, this.options.tests ?? 10),
      `Slowest test files, with their hooks (of ${files.length}):`,
      ...top(files, this.options.files ?? 5),
    ];
    const log = this.vitest ? (text: string) => this.vitest?.logger.log(text) : (text: string) => process.stdout.write(`${text}\n`);
    log(lines.join('\n'));
  }
}
