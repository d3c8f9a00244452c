import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { keptRecords, readRecord, saveRecord } from '../../src/pipeline/run-record.js';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** #13/#14: a record per set of settings and toolkit version; the cache folder keeps the newest few of a kind. */
describe('run records', () => {
  it('keep the most recent records of a kind, and nothing but the toolkit’s own record files is removed', async () => {
    const outDir = mkdtempSync(path.join(os.tmpdir(), 'bp-records-'));
    made.push(outDir);
    const cache = path.join(outDir, '.blueprint-cache');
    mkdirSync(cache);
    writeFileSync(path.join(cache, 'check-notes.json'), 'a file of someone else');
    writeFileSync(path.join(cache, 'build-0123456789abcdef.json'), '{}');
    const save = (settings: number) => saveRecord(outDir, 'check', { settings }, { stamp: `s${settings}`, files: [], result: settings, outputs: [] });
    const total = keptRecords + 5;
    const isRecord = (name: string) => /^check-[0-9a-f]{16}\.json$/.test(name);
    for (let i = 0; i < total; i++) {
      const before = new Set(readdirSync(cache));
      await save(i);
      // Each record a minute older than the next, whatever the file system's clock resolution.
      for (const name of readdirSync(cache).filter((n) => isRecord(n) && !before.has(n)))
        utimesSync(path.join(cache, name), new Date(), new Date(Date.now() - (total - i) * 60_000));
    }
    const records = readdirSync(cache).filter(isRecord);
    expect(records).toHaveLength(keptRecords);
    // The newest are kept and still read; the oldest are gone.
    expect(readRecord(outDir, 'check', { settings: total - 1 }, `s${total - 1}`)?.result).toBe(total - 1);
    expect(readRecord(outDir, 'check', { settings: 0 }, 's0')).toBeUndefined();
    // Files that are not check records are left alone.
    expect(readdirSync(cache)).toEqual(expect.arrayContaining(['check-notes.json', 'build-0123456789abcdef.json']));
  });
});
