import { describe, expect, it } from 'vitest';
import { BrowserNotFoundError, findBrowser, searchPath } from '../../src/pdf/find-browser.js';

const none = async () => undefined;
const only =
  (...paths: string[]) =>
  (p: string) =>
    paths.includes(p);

// #9: CI images, Nix and Homebrew install the browser away from the usual paths, but on PATH.
describe('findBrowser on PATH', () => {
  it('finds a browser on PATH when none is at the usual paths', async () => {
    const env = { PATH: '/nix/store/abc/bin:/home/ci/.local/bin' };
    expect(await findBrowser({ env, platform: 'linux', exists: only('/home/ci/.local/bin/google-chrome-stable'), puppeteerPath: none })).toEqual({
      executablePath: '/home/ci/.local/bin/google-chrome-stable',
      source: 'PATH',
    });
  });

  it('prefers the usual install paths, and puppeteer’s Chrome, over PATH', async () => {
    const env = { PATH: '/opt/bin' };
    const exists = only('/usr/bin/chromium', '/opt/bin/chromium', '/cache/chrome');
    expect(await findBrowser({ env, platform: 'linux', exists, puppeteerPath: none })).toEqual({ executablePath: '/usr/bin/chromium', source: 'system' });
    expect(await findBrowser({ env, platform: 'linux', exists, puppeteerPath: async () => '/cache/chrome' })).toEqual({
      executablePath: '/cache/chrome',
      source: 'puppeteer',
    });
  });

  it('never looks at PATH when a browser was named, even if the named one is missing', async () => {
    const env = { PATH: '/opt/bin', BLUEPRINT_BROWSER: '/nowhere/chrome' };
    await expect(findBrowser({ env, platform: 'linux', exists: only('/opt/bin/chromium'), puppeteerPath: none })).rejects.toThrow(
      'BLUEPRINT_BROWSER does not exist: /nowhere/chrome',
    );
  });

  it('tries the names in order of preference, each through PATH in order', () => {
    const env = { PATH: '/first:/second' };
    expect(searchPath(['chromium', 'msedge'], { env, platform: 'linux', exists: only('/first/msedge', '/second/chromium') })).toBe('/second/chromium');
    expect(searchPath(['chromium'], { env, platform: 'linux', exists: only('/first/chromium', '/second/chromium') })).toBe('/first/chromium');
  });

  it('looks for every Chromium-family command name', async () => {
    for (const name of ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome', 'msedge', 'microsoft-edge']) {
      const choice = await findBrowser({ env: { PATH: '/x' }, platform: 'linux', exists: only(`/x/${name}`), puppeteerPath: none });
      expect(choice.executablePath).toBe(`/x/${name}`);
    }
  });

  it('on Windows splits PATH at ";", adds .exe, and reads "Path" too', async () => {
    const edge = 'D:\\Tools\\Edge\\msedge.exe';
    const exists = only(edge);
    expect(await findBrowser({ env: { PATH: 'C:\\Windows;D:\\Tools\\Edge' }, platform: 'win32', exists, puppeteerPath: none })).toEqual({
      executablePath: edge,
      source: 'PATH',
    });
    expect(searchPath(['msedge'], { env: { Path: 'D:\\Tools\\Edge' }, platform: 'win32', exists })).toBe(edge);
    // Without .exe the file is not what Windows would run.
    expect(searchPath(['msedge'], { env: { PATH: 'D:\\Tools\\Edge' }, platform: 'win32', exists: only('D:\\Tools\\Edge\\msedge') })).toBeUndefined();
  });

  it('skips empty and relative PATH entries, which mean the checked-out folder', async () => {
    const env = { PATH: ':.:node_modules/.bin:/usr/local/bin' };
    const exists = only('chromium', './chromium', 'node_modules/.bin/chromium', '.');
    const attempt = findBrowser({ env, platform: 'linux', exists, puppeteerPath: none });
    await expect(attempt).rejects.toBeInstanceOf(BrowserNotFoundError);
    expect(searchPath(['chromium'], { env, platform: 'linux', exists: (p) => p.endsWith('/chromium') })).toBe('/usr/local/bin/chromium');
  });

  it('still says how to get a browser when PATH has none', async () => {
    const attempt = findBrowser({ env: { PATH: '/usr/bin:/bin' }, platform: 'linux', exists: () => false, puppeteerPath: none });
    await expect(attempt).rejects.toThrow('(at the usual paths or on PATH)');
    await expect(attempt).rejects.toMatchObject({ hint: expect.stringContaining('apt-get install -y chromium') });
  });
});
