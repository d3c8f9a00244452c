import { describe, expect, it } from 'vitest';
import { BrowserNotFoundError, findBrowser } from '../../src/pdf/find-browser.js';

const none = async () => undefined;

describe('findBrowser', () => {
  it('prefers --browser, then BLUEPRINT_BROWSER, then PUPPETEER_EXECUTABLE_PATH', async () => {
    const exists = () => true;
    const env = { BLUEPRINT_BROWSER: '/b', PUPPETEER_EXECUTABLE_PATH: '/p' };
    expect(await findBrowser({ flag: '/f', env, exists, puppeteerPath: none })).toEqual({ executablePath: '/f', source: 'flag' });
    expect(await findBrowser({ env, exists, puppeteerPath: none })).toEqual({ executablePath: '/b', source: 'BLUEPRINT_BROWSER' });
    expect(await findBrowser({ env: { PUPPETEER_EXECUTABLE_PATH: '/p' }, exists, puppeteerPath: none })).toEqual({
      executablePath: '/p',
      source: 'PUPPETEER_EXECUTABLE_PATH',
    });
  });

  it('uses puppeteer’s downloaded Chrome before a system browser', async () => {
    const exists = (p: string) => p === '/cache/chrome' || p === '/usr/bin/chromium';
    expect(await findBrowser({ env: {}, exists, platform: 'linux', puppeteerPath: async () => '/cache/chrome' })).toEqual({
      executablePath: '/cache/chrome',
      source: 'puppeteer',
    });
    expect(await findBrowser({ env: {}, exists, platform: 'linux', puppeteerPath: async () => '/cache/missing' })).toEqual({
      executablePath: '/usr/bin/chromium',
      source: 'system',
    });
  });

  it('finds Chrome or Edge at the usual places on macOS and Windows', async () => {
    const mac = '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge';
    expect((await findBrowser({ env: {}, platform: 'darwin', exists: (p) => p === mac, puppeteerPath: none })).executablePath).toBe(mac);
    const win = 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe';
    expect((await findBrowser({ env: {}, platform: 'win32', exists: (p) => p === win, puppeteerPath: none })).executablePath).toBe(win);
  });

  it('says exactly how to get a browser when there is none', async () => {
    const attempt = findBrowser({ env: {}, platform: 'linux', exists: () => false, puppeteerPath: none });
    await expect(attempt).rejects.toBeInstanceOf(BrowserNotFoundError);
    await expect(attempt).rejects.toMatchObject({ hint: expect.stringContaining('apt-get install -y chromium') });
  });

  it('refuses an explicit path that does not exist rather than silently using another browser', async () => {
    await expect(findBrowser({ flag: '/nope', env: {}, exists: () => false, puppeteerPath: none })).rejects.toThrow('--browser does not exist: /nope');
  });
});
