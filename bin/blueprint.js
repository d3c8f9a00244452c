#!/usr/bin/env node
// The `blueprint` command: runs the compiled CLI (dist/, made by `npm ci` through the prepare script).
import { main } from '../dist/cli/main.js';

const stop = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => stop.abort(signal));

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
