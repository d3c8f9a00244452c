import { spawn } from 'node:child_process';
import compile from '../global-setup.js';
import { distIndex, sharedBuildOptions } from './shared-build.js';

/**
 * The content project's global setup (vitest.config.ts): start the content tests' shared build
 * (shared-build.ts) in a process of its own at once, so that it prints while the toolkit's tests run, and
 * the content test files, which run after them, find it done. Runs only when content tests are selected.
 * The build's messages are not printed here: each test file gets them from the build's record.
 */
export default function startSharedBuild(): () => Promise<void> {
  compile();
  // SIGTERM stops the build as the command line's does: browser closed, output folder as it was.
  const script = [
    `const { build } = await import(${JSON.stringify(distIndex)});`,
    'const stop = new AbortController();',
    "process.on('SIGTERM', () => stop.abort());",
    'for (const options of JSON.parse(process.env.BP_SHARED_BUILD)) if (!stop.signal.aborted) await build({ ...options, signal: stop.signal });',
  ].join('\n');
  const options = sharedBuildOptions();
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
    env: { ...options[0]?.env, BP_SHARED_BUILD: JSON.stringify(options) },
    stdio: 'ignore',
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return async () => {
    // A run stopped early (a failed test with --bail, Ctrl-C) stops the build too; the build cleans up.
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
}
