import { chmodSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openBrowser } from '../../src/pdf/open-browser.js';

describe('openBrowser when the browser does not start (#9)', () => {
  it('leaves no profile folder behind when there is no browser at the path', async () => {
    const tempDir = mkdtempSync(path.join(os.tmpdir(), 'bp-profile-'));
    await expect(openBrowser(path.join(tempDir, 'no-such-chromium'), { tempDir })).rejects.toThrow(/no-such-chromium/);
    expect(readdirSync(tempDir)).toEqual([]);
  });

  it('leaves no profile folder behind when the program at the path exits at once', async () => {
    const tempDir = mkdtempSync(path.join(os.tmpdir(), 'bp-profile-'));
    const fake = path.join(tempDir, 'fake-chromium');
    writeFileSync(fake, '#!/bin/sh\necho "not a browser" >&2\nexit 3\n');
    chmodSync(fake, 0o755);
    await expect(openBrowser(fake, { tempDir })).rejects.toThrow(/not a browser|Failed to launch/);
    expect(readdirSync(tempDir)).toEqual(['fake-chromium']);
  });
});

describe('the printing browser’s flags (#9)', () => {
  // puppeteer's launch() splices `--disable-features` out of the array it is given: passed this array itself,
  // it left every later browser of the process asking clients2.google.com for the time.
  it('cannot be changed by whoever launches a browser with them', async () => {
    const { launch } = await import('puppeteer-core');
    const { findBrowser } = await import('../../src/pdf/find-browser.js');
    const { chromiumArgs } = await import('../../src/pdf/open-browser.js');
    expect(Object.isFrozen(chromiumArgs)).toBe(true);
    const { executablePath } = await findBrowser({ env: process.env });
    const copy = [...chromiumArgs];
    const browser = await launch({ executablePath, headless: true, args: copy });
    await browser.close();
    expect(copy.some((arg) => arg.startsWith('--disable-features='))).toBe(false);
    expect(chromiumArgs.filter((arg) => arg.startsWith('--disable-features='))).toHaveLength(1);
  });
});
