import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { type BrowserChoice, findBrowser } from '../pdf/find-browser.js';
import { type OpenBrowser, openBrowser } from '../pdf/open-browser.js';
import type { DoctorCheck } from './doctor-check.js';

export interface CheckBrowserOptions {
  /** `--browser`, as the build takes it. */
  flag?: string;
  env: Record<string, string | undefined>;
  platform?: string;
  /** For tests; the defaults are generous because a cold Chromium on a busy CI runner is slow. */
  versionTimeoutMs?: number;
  startTimeoutMs?: number;
}

const sourceText: Record<BrowserChoice['source'], string> = {
  flag: 'given by --browser',
  BLUEPRINT_BROWSER: 'from BLUEPRINT_BROWSER',
  PUPPETEER_EXECUTABLE_PATH: 'from PUPPETEER_EXECUTABLE_PATH',
  puppeteer: 'the Chrome puppeteer downloaded',
  system: 'at its usual install path',
  PATH: 'found on PATH',
};

/**
 * The browser the build would use (`browser`), its version (`browser-version`) and that it really starts
 * headless and closes (`browser-start`). Finding a file is not enough: a Chromium without its libraries,
 * or a snap shim in a container, is found and then fails to print (#9).
 */
export async function checkBrowser(options: CheckBrowserOptions): Promise<DoctorCheck[]> {
  let choice: BrowserChoice;
  try {
    choice = await findBrowser({
      env: options.env,
      ...(options.flag ? { flag: options.flag } : {}),
      ...(options.platform ? { platform: options.platform } : {}),
    });
  } catch (cause) {
    // The version and start checks need a browser; without one they would only repeat this failure.
    return [{ id: 'browser', ok: false, required: true, detail: messageOf(cause), fix: notFoundFix(options) }];
  }
  const where = `${choice.executablePath} (${sourceText[choice.source]})`;
  const checks: DoctorCheck[] = [{ id: 'browser', ok: true, required: true, detail: where }];

  const printed = await printedVersion(choice.executablePath, options.env, options.versionTimeoutMs ?? 10_000);
  const started = await startAndClose(choice.executablePath, options.startTimeoutMs ?? 60_000);
  // Chrome on Windows prints nothing for --version; the version the running browser reports will do.
  const version = printed.version ?? started.version;
  checks.push({
    id: 'browser-version',
    ok: version !== undefined,
    // The build never needs the number; it is here so a report says which browser printed the PDFs.
    required: false,
    detail: version ?? `"${choice.executablePath} --version" failed: ${printed.problem}`,
    ...(version ? {} : { fix: `run "${choice.executablePath} --version" in a terminal to see its error` }),
  });
  checks.push(
    started.problem === undefined
      ? { id: 'browser-start', ok: true, required: true, detail: 'started headless and closed' }
      : {
          id: 'browser-start',
          ok: false,
          required: true,
          detail: `${choice.executablePath} did not start headless: ${started.problem}`,
          fix: startFix(choice),
        },
  );
  return checks;
}

/** What to do when the browser was found but does not start: replace the one named, or install Chromium with its libraries. */
function startFix(choice: BrowserChoice): string {
  if (choice.source === 'flag') return 'pass --browser /path/to/chrome with a browser that starts, or leave it out to let blueprint find one';
  if (choice.source === 'BLUEPRINT_BROWSER' || choice.source === 'PUPPETEER_EXECUTABLE_PATH')
    return `set ${choice.source}=/path/to/chrome with a browser that starts, or unset it to let blueprint find one`;
  return 'apt-get install -y chromium (it brings the libraries Chromium needs), or set BLUEPRINT_BROWSER=/path/to/chrome';
}

/** What to do when no browser was found: correct the one named, or install one. */
function notFoundFix(options: CheckBrowserOptions): string {
  if (options.flag) return 'pass --browser /path/to/chrome with an existing Chrome, Chromium or Edge executable';
  if (options.env.BLUEPRINT_BROWSER) return 'set BLUEPRINT_BROWSER=/path/to/chrome to an existing executable, or unset it to let blueprint find one';
  if (options.env.PUPPETEER_EXECUTABLE_PATH)
    return 'set PUPPETEER_EXECUTABLE_PATH to an existing executable, or unset it; or set BLUEPRINT_BROWSER=/path/to/chrome';
  const platform = options.platform ?? process.platform;
  if (platform === 'darwin') return 'brew install --cask google-chrome, or set BLUEPRINT_BROWSER=/path/to/chrome';
  if (platform === 'win32') return 'winget install Google.Chrome, or set BLUEPRINT_BROWSER=C:\\path\\to\\chrome.exe';
  return 'apt-get install -y chromium, or set BLUEPRINT_BROWSER=/path/to/chrome';
}

async function printedVersion(
  executablePath: string,
  env: Record<string, string | undefined>,
  timeout: number,
): Promise<{ version?: string; problem?: string }> {
  try {
    const { stdout } = await promisify(execFile)(executablePath, ['--version'], { timeout, env, encoding: 'utf8' });
    const version = stdout.trim();
    return version ? { version } : { problem: 'it printed nothing' };
  } catch (cause) {
    return { problem: (cause as { killed?: boolean }).killed ? `no answer within ${timeout / 1000} s` : messageOf(cause) };
  }
}

/** Start the browser exactly as a build does, ask its version, close it; give up after `timeout` ms. */
async function startAndClose(executablePath: string, timeout: number): Promise<{ version?: string; problem?: string }> {
  const opening = openBrowser(executablePath);
  const run = (async () => {
    await using open = await opening;
    return { version: await open.browser.version() };
  })();
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), timeout);
  });
  try {
    const result = await Promise.race([run, late]);
    if (result !== 'late') return result;
    // Still starting: close it whenever it does start, so no browser outlives the doctor.
    opening.then((open: OpenBrowser) => open[Symbol.asyncDispose]()).catch(() => undefined);
    run.catch(() => undefined);
    return { problem: `it did not start within ${timeout / 1000} s` };
  } catch (cause) {
    return { problem: messageOf(cause) };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * An error in one line: its first line and, for a launch failure, the first line the browser wrote to
 * stderr (a missing library, a sandbox refusal); puppeteer's troubleshooting link adds nothing here.
 */
function messageOf(cause: unknown): string {
  const text = cause instanceof Error ? cause.message : String(cause);
  const lines = text
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '' && line !== 'stderr:' && !line.startsWith('TROUBLESHOOTING'));
  return lines.slice(0, 2).join(' — ') || text;
}
