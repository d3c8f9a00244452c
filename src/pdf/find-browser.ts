import { existsSync } from 'node:fs';

export interface BrowserChoice {
  executablePath: string;
  /** Where it came from, for `--verbose` output and error messages. */
  source: 'flag' | 'BLUEPRINT_BROWSER' | 'PUPPETEER_EXECUTABLE_PATH' | 'puppeteer' | 'system';
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
 * Chrome, Chromium or Edge at its usual path.
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
  throw new BrowserNotFoundError(
    'No Chrome, Chromium or Edge browser was found to print PDFs',
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
