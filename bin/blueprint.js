#!/usr/bin/env node
// The `blueprint` command: runs the compiled CLI, bundled (dist/bundle/, made by `npm ci` through the
// prepare script, or `npm run compile`; see scripts/bundle-cli.js).

import { runForcedExitTasks } from '../dist/bundle/forced-exit.js';
import { main } from '../dist/bundle/main.js';

const stop = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (!stop.signal.aborted) return stop.abort(signal);
    // A second Ctrl-C: exit now, but not before the browser is killed and its temporary profile removed.
    runForcedExitTasks();
    process.exit(130);
  });
}

process.exitCode = await main(process.argv, {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  cwd: process.cwd(),
  isTty: Boolean(process.stderr.isTTY),
  columns: process.stderr.columns,
  // Ctrl-C or SIGTERM stops a build cleanly (browser closed, output folder as it was) with exit code 130.
  signal: stop.signal,
});
