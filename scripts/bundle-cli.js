// The `blueprint` command as a few files (#13): run by `npm run compile` and `prepare`, after tsc wrote dist/.
// Node spent 0.5–0.7 s finding, reading and linking the 770 modules (137 packages) a `check` loads one by
// one; bundled, the command starts at once. The library API (dist/index.js) stays as tsc wrote it.
//
// dist/bundle/ sits one folder below dist/, as dist/cli/main.js does, and its shared chunks beside the
// entries, so the paths the code finds from its own place (the shipped themes, package.json, the
// plain-language thread's script beside it) are the same.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'dist/bundle');
rmSync(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: {
    main: 'dist/cli/main.js',
    'forced-exit': 'dist/pipeline/forced-exit.js',
    // Started by judge-thread.js as `new URL('./judge-thread-worker.js', import.meta.url)`.
    'judge-thread-worker': 'dist/markdown/plain-language/judge-thread-worker.js',
  },
  outdir,
  bundle: true,
  // One copy of what the entries share (forced-exit's list of clean-ups is the one main registers in).
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // The browser driver stays a package of its own (it finds its browser relative to itself); fontkit is
  // loaded with require() only when a font must be read.
  external: ['puppeteer-core', 'puppeteer', 'fontkit'],
  // CommonJS dependencies (commander) require Node's built-ins.
  banner: { js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);" },
  legalComments: 'none',
  logLevel: 'warning',
});
