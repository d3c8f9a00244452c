import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Compile src/ into dist/ once, before any test file runs (#8): the tests that spawn bin/blueprint.js run
 * what they just compiled, never a dist/ left over from an older checkout.
 */
export default function compile(): void {
  const started = performance.now();
  execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
  process.stdout.write(`compiled src/ into dist/ in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
}
