import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findBrowser } from '../../src/pdf/find-browser.js';
import { openBrowser } from '../../src/pdf/open-browser.js';

interface NetLog {
  constants: { logEventTypes: Record<string, number>; clientInfo?: { command_line?: string } };
  events: { type: number; params?: Record<string, unknown> }[];
}

const loopback = new Set(['', 'localhost', '127.0.0.1', '::1']);

/**
 * Every host a Chromium net-log names, with the events that name it: the host of every URL in an event's
 * parameters, and the names and socket addresses of resolver, DNS and socket events.
 */
function namedHosts(log: NetLog): Map<string, Set<string>> {
  const typeName = new Map(Object.entries(log.constants.logEventTypes).map(([name, id]) => [id, name]));
  const found = new Map<string, Set<string>>();
  const add = (host: string, type: string) => {
    const key = host.toLowerCase().replace(/^\[|\]$/g, '');
    if (!found.has(key)) found.set(key, new Set());
    found.get(key)?.add(type);
  };
  const visit = (value: unknown, key: string, type: string) => {
    if (typeof value === 'string') {
      for (const match of value.matchAll(/\b[a-z][a-z0-9+.-]*:\/\/(\[[^\]]*\]|[^/\s:?#<>;,}]*)/gi)) add(match[1] as string, type);
      if (['host', 'hostname', 'address', 'remote_address', 'source_address'].includes(key) && !value.includes('://')) {
        // "accounts.google.com", "10.0.0.53:53", "[2001:4860:4860::8888]:443"
        add(/^(\[[^\]]*\]|[^:]*(?::[^:]*){2,}$|[^:]*)/.exec(value)?.[1] ?? value, type);
      }
    } else if (Array.isArray(value)) for (const item of value) visit(item, key, type);
    else if (value && typeof value === 'object') {
      // Header lines (Origin, Referer) describe a request; its url, the socket and the lookup say where it goes.
      for (const [k, v] of Object.entries(value)) if (!/headers$/.test(k)) visit(v, k, type);
    }
  };
  for (const event of log.events) {
    const type = typeName.get(event.type) ?? String(event.type);
    visit(event.params ?? {}, '', type);
  }
  return found;
}

describe('the printing browser stays on this machine (#9)', () => {
  it('prints a local page without a request, lookup or socket for any host but this machine', async () => {
    const { executablePath } = await findBrowser({ env: process.env });
    const dir = mkdtempSync(path.join(os.tmpdir(), 'bp-netlog-'));
    const html = path.join(dir, 'page.html');
    writeFileSync(html, '<!doctype html><html lang="en"><title>Offline</title><p>Printed with the network out of reach.</p></html>');
    const logFile = path.join(dir, 'net-log.json');
    {
      await using opened = await openBrowser(executablePath, { extraArgs: [`--log-net-log=${logFile}`], tempDir: dir });
      const page = await opened.browser.newPage();
      await page.goto(pathToFileURL(html).href, { waitUntil: 'load' });
      const pdf = await page.pdf();
      expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
      // The browser's own services (sign-in, component updates, network time) start within a second of
      // launch and retry after a failure: stay open as long as a short build would.
      await new Promise((resolve) => setTimeout(resolve, 2500));
    }
    const log = JSON.parse(readFileSync(logFile, 'utf8')) as NetLog;
    // The log is this browser's, and complete: Chromium finishes the file only on a clean close.
    expect(log.constants.clientInfo?.command_line).toContain(`--log-net-log=${logFile}`);
    expect(log.events.length).toBeGreaterThan(0);
    const outside = [...namedHosts(log)].filter(([host]) => !loopback.has(host)).map(([host, types]) => `${host}: ${[...types].sort().join(', ')}`);
    expect(outside).toEqual([]);
  });

  // Chromium keeps its crash reports' settings in ~/.config/chromium and dconf's in ~/.cache: a build wrote
  // into the home folder of whoever ran it. Now into the temporary profile, removed with it.
  it('writes nothing in the home folder of whoever runs it', async () => {
    const { executablePath } = await findBrowser({ env: process.env });
    const home = mkdtempSync(path.join(os.tmpdir(), 'bp-home-'));
    const profiles = mkdtempSync(path.join(os.tmpdir(), 'bp-profile-'));
    const saved = { HOME: process.env.HOME, XDG_CONFIG_HOME: process.env.XDG_CONFIG_HOME, XDG_CACHE_HOME: process.env.XDG_CACHE_HOME };
    process.env.HOME = home;
    delete process.env.XDG_CONFIG_HOME;
    delete process.env.XDG_CACHE_HOME;
    try {
      {
        await using opened = await openBrowser(executablePath, { tempDir: profiles });
        const page = await opened.browser.newPage();
        await page.setContent('<!doctype html><html lang="en"><title>Home</title><p>Printed.</p></html>');
        await page.pdf();
      }
      expect(readdirSync(home, { recursive: true })).toEqual([]);
      expect(readdirSync(profiles)).toEqual([]);
    } finally {
      rmSync(home, { recursive: true, force: true });
      rmSync(profiles, { recursive: true, force: true });
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
  });
});
