import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type Browser, launch } from 'puppeteer-core';

/**
 * Flags for printing in locked-down machines and CI: no sandbox (root in containers), no GPU, and no
 * background connections, which a closed network refuses many at a time.
 */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-dev-shm-usage',
  '--font-render-hinting=none',
  // Documents are printed in English UI locale so nothing locale-dependent creeps into the PDF.
  '--lang=en-US',
];

export interface OpenBrowser extends AsyncDisposable {
  browser: Browser;
}

/** One browser per build, closed (with its temporary profile) however the build ends. */
export async function openBrowser(executablePath: string): Promise<OpenBrowser> {
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'blueprint-chromium-'));
  const browser = await launch({ executablePath, headless: true, args: chromiumArgs, userDataDir });
  return {
    browser,
    async [Symbol.asyncDispose]() {
      await browser.close().catch(() => undefined);
      await rm(userDataDir, { recursive: true, force: true }).catch(() => undefined);
    },
  };
}
