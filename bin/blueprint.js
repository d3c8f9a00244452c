#!/usr/bin/env node
// The `blueprint` command: runs the compiled CLI (dist/, made by `npm ci` through the prepare script).
import { main } from '../dist/cli/main.js';

process.exitCode = await main(process.argv, {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  cwd: process.cwd(),
  waitForStop: () => new Promise((resolve) => process.once('SIGINT', resolve).once('SIGTERM', resolve)),
});
