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
