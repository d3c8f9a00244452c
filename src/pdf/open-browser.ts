import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type Browser, launch } from 'puppeteer-core';
import { onForcedExit } from '../pipeline/forced-exit.js';

/**
 * A place no request can reach: services that cannot be switched off by a flag are pointed here, so
 * they fail at once, without a lookup or a socket.
 */
const nowhere = 'file:///nonexistent/';

/**
 * Flags for printing in locked-down machines and CI: no sandbox (root in containers), no GPU, and no
 * connection to anything but this machine. Frozen: puppeteer's launch() takes `--disable-features` out of
 * the array it is given (to merge it with its own), so a caller must pass a copy; one test that passed this
 * array itself left every later browser in its process without the disabled features, and Chromium then
 * asked clients2.google.com for the time.
 */
export const chromiumArgs: readonly string[] = Object.freeze([
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
  // #9: a build printed from file:// only, yet Chromium asked clients2.google.com for the time,
  // update.googleapis.com for an on-device model (an on-demand component update that ignores
  // --disable-component-update) and accounts.google.com for the signed-in accounts, each after a DNS
  // lookup and an IPv6 probe of a public address. Switch off what a flag can switch off...
  '--disable-features=NetworkTimeServiceQuerying,OptimizationHints,MediaRouter,DialMediaRouteProvider,Translate,AutofillServerCommunication',
  '--disable-domain-reliability',
  '--disable-breakpad',
  '--disable-default-apps',
  '--disable-extensions',
  '--disable-component-extensions-with-background-pages',
  '--no-pings',
  '--metrics-recording-only',
  // ...send every component update to a place that does not exist (the sign-in check is sent there too,
  // by a file openBrowser writes: see offlineGaiaConfig)...
  `--component-updater=url-source=${nowhere}`,
  // ...and should anything new ask for a host, resolve no name and send every connection, even one to
  // an address, to port 9 (discard) of this machine, closed on any ordinary one.
  '--host-resolver-rules=MAP * ~NOTFOUND',
  '--proxy-server=http://127.0.0.1:9',
  '--proxy-bypass-list=<-loopback>',
]);

/**
 * #9: Chromium checks the accounts signed in to Google at start, even in a fresh headless profile with
 * sync off; no flag stops it, but a Gaia config (`--gaia-config`) may say where that check goes.
 */
const offlineGaiaConfig = { urls: { list_accounts_url: { url: `${nowhere}ListAccounts` } } };

export interface OpenBrowserOptions {
  /** More command-line flags, after ours: tests add `--log-net-log=<file>` to see what the browser sends. */
  extraArgs?: string[];
  /** Folder for the temporary profile; the system's temporary folder by default. */
  tempDir?: string;
}

export interface OpenBrowser extends AsyncDisposable {
  browser: Browser;
}

/** One browser per build, closed (with its temporary profile) however the build ends, even if it never starts. */
export async function openBrowser(executablePath: string, options: OpenBrowserOptions = {}): Promise<OpenBrowser> {
  const userDataDir = await mkdtemp(path.join(options.tempDir ?? os.tmpdir(), 'blueprint-chromium-'));
  const removeProfile = () => rm(userDataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 }).catch(() => undefined);
  let browser: Browser | undefined;
  // A second Ctrl-C exits at once: the browser is killed and its profile removed there and then — also while
  // the browser is starting, before puppeteer hands it over (found by a test that stopped a build then).
  const forgetForcedExit = onForcedExit(() => {
    const child = browser?.process();
    // The whole group (puppeteer starts Chromium in a group of its own): its helpers write to the profile too.
    if (child?.pid) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }
    // Any helper outside the group too; then wait for them to be gone: a process being killed may still write
    // into the profile, and a folder removed before that was there again after the exit.
    killProcessesOf(userDataDir);
    untilNoProcessUses(userDataDir, 2000);
    rmSync(userDataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 20 });
  });
  try {
    const gaiaConfig = path.join(userDataDir, 'offline-gaia-config.json');
    await writeFile(gaiaConfig, JSON.stringify(offlineGaiaConfig));
    const args = [...chromiumArgs, `--gaia-config=${gaiaConfig}`, ...(options.extraArgs ?? [])];
    // The build stops the browser itself on Ctrl-C and SIGTERM (closing it, removing its profile, leaving the
    // output as it was): puppeteer's own handlers would exit the process before that could happen (#9).
    // Chromium keeps its crash reports' settings in ~/.config/chromium and dconf's in ~/.cache: both go into
    // the temporary profile, removed with it, so a build writes nothing in the user's home.
    const env = { ...process.env, XDG_CONFIG_HOME: path.join(userDataDir, 'xdg-config'), XDG_CACHE_HOME: path.join(userDataDir, 'xdg-cache') };
    browser = await launch({ executablePath, headless: true, args, userDataDir, env, handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false });
  } catch (cause) {
    // #9: a browser that fails to start must not leave its profile folder behind either.
    await removeProfile();
    forgetForcedExit();
    throw cause;
  }
  const started = browser;
  return {
    browser: started,
    async [Symbol.asyncDispose]() {
      const child = started.process();
      const exited =
        child && child.exitCode === null && child.signalCode === null ? new Promise<void>((resolve) => child.once('exit', () => resolve())) : Promise.resolve();
      await started.close().catch(() => undefined);
      // A browser already closing (stopped by a signal) may still be writing its profile: wait for it to
      // exit, and end it if it does not, before removing the profile (#9).
      const timer = setTimeout(() => child?.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
      await removeProfile();
      // Only now: a second Ctrl-C while this closes must still find the profile to remove.
      forgetForcedExit();
    },
  };
}

/** The processes started with `profile` as their user data folder (Linux: from /proc; elsewhere none are known). */
function processesOf(profile: string): number[] {
  if (process.platform !== 'linux') return [];
  const flag = `--user-data-dir=${profile}`;
  const found: number[] = [];
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').includes(flag)) found.push(Number(pid));
    } catch {
      // Gone already, or not ours to read.
    }
  }
  return found;
}

/** Wait, blocking (the process is exiting), until no process uses `profile`, or `ms` have passed. */
function untilNoProcessUses(profile: string, ms: number): void {
  const pause = new Int32Array(new SharedArrayBuffer(4));
  const end = Date.now() + ms;
  while (processesOf(profile).length > 0 && Date.now() < end) Atomics.wait(pause, 0, 0, 10);
}

/**
 * Kill, at once, the processes started with `profile` as their user data folder: a browser still starting,
 * whose process puppeteer has not handed over yet. Read from /proc on Linux; elsewhere by pkill.
 */
function killProcessesOf(profile: string): void {
  const flag = `--user-data-dir=${profile}`;
  if (process.platform === 'linux') {
    for (const pid of processesOf(profile)) {
      // Its group first: puppeteer starts the browser as the leader of a group holding its helpers.
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // Gone already.
        }
      }
    }
    return;
  }
  try {
    execFileSync('pkill', ['-KILL', '-f', flag], { stdio: 'ignore' });
  } catch {
    // No such process, or no pkill (Windows): nothing more can be done while exiting.
  }
}
