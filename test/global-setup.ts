import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Compile src/ into dist/ and bundle the command once, before any test file runs (#8): the tests that spawn
 * bin/blueprint.js run what they just compiled, never a dist/ left over from an older checkout.
 */
export default function compile(): void {
  // Each test project (vitest.config.ts) runs this setup, in the one main process: compile once.
  const done = Symbol.for('blueprints.test.compiled');
  const state = globalThis as { [done]?: boolean };
  if (state[done]) return;
  state[done] = true;
  const started = performance.now();
  // tsc, incrementally, then the bundle bin/blueprint.js runs (scripts/bundle-cli.js).
  execFileSync(process.execPath, [path.join(root, 'scripts/compile.js')], { cwd: root, stdio: 'inherit' });
  process.stdout.write(`compiled src/ into dist/ and bundled the command in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
}
