import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBrowser } from '../../src/doctor/check-browser.js';
import { type DoctorCheck, runDoctor } from '../../src/doctor/run-doctor.js';
import { findBrowser } from '../../src/pdf/find-browser.js';
import { copyFixture, run, runBin } from '../helpers.js';

const byId = (checks: DoctorCheck[], id: string) => checks.find((c) => c.id === id);

/** A stand-in browser: a shell script, so a test can make it fail or hang on purpose. */
function fakeBrowser(body: string): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'bp-fake-browser-')), 'chrome');
  writeFileSync(file, `#!/bin/sh\n${body}\n`, { mode: 0o755 });
  return file;
}

// #9: blueprint doctor, run where CI runs, against the real browser.
describe('runDoctor', () => {
  it('fails on a browser path that does not exist, says how to fix it, and skips starting it', async () => {
    const root = copyFixture('basic');
    const report = await runDoctor({ env: { ...process.env, BLUEPRINT_BROWSER: '/nowhere/chrome' }, root });
    expect(report.ok).toBe(false);
    expect(byId(report.checks, 'browser')).toEqual({
      id: 'browser',
      ok: false,
      required: true,
      detail: 'The browser given by BLUEPRINT_BROWSER does not exist: /nowhere/chrome',
      fix: 'set BLUEPRINT_BROWSER=/path/to/chrome to an existing executable, or unset it to let blueprint find one',
    });
    expect(byId(report.checks, 'browser-start')).toBeUndefined();
    expect(byId(report.checks, 'node')?.ok).toBe(true);
  });

  it('passes with the real Chromium: its version, started headless, fonts, out/ writable', async () => {
    const browser = existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : (await findBrowser({ env: process.env })).executablePath;
    const root = copyFixture('basic');
    // Optional tools missing (PATH without them) must not make the machine "not ready".
    const report = await runDoctor({ env: { ...process.env, PATH: '/nonexistent' }, browser, root });
    const failedRequired = report.checks.filter((c) => c.required && !c.ok);
    expect(failedRequired).toEqual([]);
    expect(report.ok).toBe(true);
    expect(byId(report.checks, 'browser')).toEqual({ id: 'browser', ok: true, required: true, detail: `${browser} (given by --browser)` });
    expect(byId(report.checks, 'browser-version')?.detail).toMatch(/^(Chromium|Google Chrome|Microsoft Edge) \d+\.\d+\.\d+\.\d+/);
    expect(byId(report.checks, 'browser-start')).toEqual({ id: 'browser-start', ok: true, required: true, detail: 'started headless and closed' });
    expect(byId(report.checks, 'output')?.ok).toBe(true);
    expect(byId(report.checks, 'tool:qpdf')).toMatchObject({ ok: false, required: false });
    expect(readdirSync(root)).toEqual(['blueprints']);
  });

  it('reports a browser that is found but cannot start, with the line it wrote to stderr', async () => {
    const broken = fakeBrowser('echo "chrome: error while loading shared libraries: libnss3.so" >&2; exit 127');
    const checks = await checkBrowser({ env: process.env, flag: broken });
    expect(byId(checks, 'browser')?.ok).toBe(true);
    expect(byId(checks, 'browser-start')).toMatchObject({
      ok: false,
      required: true,
      detail: expect.stringContaining('libnss3.so'),
      fix: 'pass --browser /path/to/chrome with a browser that starts, or leave it out to let blueprint find one',
    });
    expect(byId(checks, 'browser-version')).toMatchObject({ ok: false, required: false });
  });

  it('gives up on a browser that hangs instead of waiting for it', async () => {
    const hanging = fakeBrowser('exec sleep 3');
    const checks = await checkBrowser({ env: process.env, flag: hanging, versionTimeoutMs: 300, startTimeoutMs: 500 });
    expect(byId(checks, 'browser-version')?.detail).toContain('no answer within 0.3 s');
    expect(byId(checks, 'browser-start')?.detail).toContain('did not start within 0.5 s');
  });
});

describe('blueprint doctor', () => {
  // The test runs the compiled command, as CI does; test/global-setup.ts compiled it before any test ran.
  const doctor = (cwd: string, env: NodeJS.ProcessEnv = process.env) => runBin(['doctor', '--json'], cwd, env);

  it('prints one JSON document and exits 0 on this machine', () => {
    const result = doctor(copyFixture('basic'));
    expect(result.stderr).toBe('');
    const report = JSON.parse(result.stdout);
    expect(report.ok).toBe(true);
    expect(Object.keys(report)).toEqual(['ok', 'checks']);
    expect(report.checks.map((c: { id: string }) => c.id)).toEqual(expect.arrayContaining(['node', 'project', 'browser', 'browser-start', 'output']));
    expect(result.code).toBe(0);
  });

  it('exits 3 when a required check fails', () => {
    const result = doctor(copyFixture('basic'), { ...process.env, BLUEPRINT_BROWSER: '/nowhere/chrome' });
    expect(result.code).toBe(3);
    expect(JSON.parse(result.stdout).ok).toBe(false);
  });

  it('prints ✓ and ✗ with the fix under each failure', async () => {
    const result = await run(['doctor', '--browser', '/nowhere/chrome'], copyFixture('basic'));
    expect(result.code).toBe(3);
    expect(result.stdout).toMatch(/^✓ node +Node \d+/m);
    expect(result.stdout).toMatch(/^✗ browser +The browser given by --browser does not exist: \/nowhere\/chrome\n +fix: pass --browser \/path\/to\/chrome/m);
    expect(result.stdout).toContain('Not ready: 1 required check failed (browser).');
  });
});
