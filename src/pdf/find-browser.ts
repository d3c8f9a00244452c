import { existsSync } from 'node:fs';
import path from 'node:path';

export interface BrowserChoice {
  executablePath: string;
  /** Where it came from, for `--verbose` output and error messages. */
  source: 'flag' | 'BLUEPRINT_BROWSER' | 'PUPPETEER_EXECUTABLE_PATH' | 'puppeteer' | 'system' | 'PATH';
}

export class BrowserNotFoundError extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
    this.name = 'BrowserNotFoundError';
  }
}

const systemPaths: Record<string, string[]> = {
  linux: [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/opt/google/chrome/chrome',
    '/usr/bin/microsoft-edge',
    '/usr/bin/microsoft-edge-stable',
    '/snap/bin/chromium',
  ],
  darwin: [
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
  ],
  win32: [
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
    'C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe',
  ],
};

/** Browser commands looked up on PATH, in order of preference, after the usual install paths. */
export const browserCommands = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome', 'msedge', 'microsoft-edge'];

export interface SearchPathOptions {
  env: Record<string, string | undefined>;
  platform?: string;
  exists?: (p: string) => boolean;
}

/**
 * The first of `names` found in a folder of PATH, like `command -v`: names in order, each through PATH
 * in order. Takes PATH from `env`, not the process, so tests and `blueprint doctor` can pass their own.
 */
export function searchPath(names: readonly string[], options: SearchPathOptions): string | undefined {
  const exists = options.exists ?? existsSync;
  const windows = (options.platform ?? process.platform) === 'win32';
  const paths = windows ? path.win32 : path.posix;
  // Windows spells the variable "Path"; Node's process.env hides that, but a plain object does not.
  const value = options.env.PATH ?? (windows ? options.env.Path : undefined) ?? '';
  // #9: only absolute folders. An empty or relative entry means "the current folder", which in CI is the
  // checked-out pull request: a file named chromium there must not be run as the browser.
  const dirs = value.split(windows ? ';' : ':').filter((dir) => dir !== '' && paths.isAbsolute(dir));
  for (const name of names) {
    for (const dir of dirs) {
      const candidate = paths.join(dir, windows ? `${name}.exe` : name);
      if (exists(candidate)) return candidate;
    }
  }
  return undefined;
}

export interface FindBrowserOptions {
  flag?: string;
  env: Record<string, string | undefined>;
  platform?: string;
  /** Resolves puppeteer's own downloaded browser; injectable for tests. */
  puppeteerPath?: () => Promise<string | undefined>;
  exists?: (p: string) => boolean;
}

/**
 * Find a Chromium-family browser: `--browser`, then `BLUEPRINT_BROWSER`, then `PUPPETEER_EXECUTABLE_PATH`,
 * then the Chrome that `npm install puppeteer` downloads (where the network allowed it), then a system
 * Chrome, Chromium or Edge at its usual path, then one on PATH (`browserCommands`).
 */
export async function findBrowser(options: FindBrowserOptions): Promise<BrowserChoice> {
  const exists = options.exists ?? existsSync;
  const explicit: [BrowserChoice['source'], string | undefined][] = [
    ['flag', options.flag],
    ['BLUEPRINT_BROWSER', options.env.BLUEPRINT_BROWSER],
    ['PUPPETEER_EXECUTABLE_PATH', options.env.PUPPETEER_EXECUTABLE_PATH],
  ];
  for (const [source, value] of explicit) {
    if (!value) continue;
    if (exists(value)) return { executablePath: value, source };
    throw new BrowserNotFoundError(
      `The browser given by ${source === 'flag' ? '--browser' : source} does not exist: ${value}`,
      'Point it at a Chrome, Chromium or Edge executable, or unset it to let blueprint find one.',
    );
  }
  const own = await (options.puppeteerPath ?? puppeteerExecutable)();
  if (own && exists(own)) return { executablePath: own, source: 'puppeteer' };
  for (const candidate of systemPaths[options.platform ?? process.platform] ?? []) {
    if (exists(candidate)) return { executablePath: candidate, source: 'system' };
  }
  // #9: CI images and Nix or Homebrew machines put the browser elsewhere, but always on PATH.
  const onPath = searchPath(browserCommands, { env: options.env, exists, ...(options.platform ? { platform: options.platform } : {}) });
  if (onPath) return { executablePath: onPath, source: 'PATH' };
  throw new BrowserNotFoundError(
    'No Chrome, Chromium or Edge browser was found to print PDFs (at the usual paths or on PATH)',
    'Install one: on Debian or Ubuntu run "apt-get install -y chromium"; elsewhere install Google Chrome, or run ' +
      '"npx puppeteer browsers install chrome" where the internet is reachable. Or point --browser (or ' +
      'BLUEPRINT_BROWSER) at an existing browser. To build HTML only, use --format html.',
  );
}

async function puppeteerExecutable(): Promise<string | undefined> {
  try {
    // puppeteer is optional: its install downloads Chrome, which fails where there is no internet.
    const name = 'puppeteer';
    const mod = (await import(name)) as { default?: { executablePath(): string }; executablePath?: () => string };
    return (mod.default?.executablePath ?? mod.executablePath)?.();
  } catch {
    return undefined;
  }
}
