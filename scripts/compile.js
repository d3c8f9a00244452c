// Compile src/ into dist/ and bundle the command (npm run compile, prepare, and the tests' global setup).
// tsc builds incrementally (tsconfig.build.json): with nothing changed it takes about 4 s instead of 10, and
// the tests start after it. Its record, dist/.tsbuildinfo, knows the sources, not the outputs: a file of
// dist/ deleted or edited by hand would not be written again, so the record is dropped when a source lacks
// its output or an output changed after the record was written.
import { execFileSync } from 'node:child_process';
import { readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const record = path.join(root, 'dist/.tsbuildinfo');

/** Whether every TypeScript file under src/ has its JavaScript under dist/, unchanged since `since` (ms). */
function outputsAsWritten(since, dir = 'src') {
  for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!outputsAsWritten(since, rel)) return false;
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) {
      const output = statSync(path.join(root, 'dist', path.relative('src', rel).replace(/\.ts$/, '.js')), { throwIfNoEntry: false });
      if (!output || output.mtimeMs > since) return false;
    }
  }
  return true;
}

const written = statSync(record, { throwIfNoEntry: false });
if (written && !outputsAsWritten(written.mtimeMs)) rmSync(record, { force: true });
execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
execFileSync(process.execPath, [path.join(root, 'scripts/bundle-cli.js')], { cwd: root, stdio: 'inherit' });
