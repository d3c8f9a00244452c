import os from 'node:os';
import path from 'node:path';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { checkOutputFolder, settleOptions } from '../../src/pipeline/settings.js';

describe('settleOptions (#8: every default applied once, at the edge)', () => {
  it('fills every default', () => {
    const settings = settleOptions({ root: 'project' });
    const root = path.resolve('project');
    expect(settings).toMatchObject({
      root,
      blueprints: [],
      cities: [],
      languages: [],
      caseStudies: {},
      formats: ['html', 'pdf'],
      outDir: path.join(root, 'out'),
      browser: undefined,
      env: {},
      concurrency: os.availableParallelism() + 1,
      reuseOutput: true,
      shard: undefined,
      signal: undefined,
    });
    expect(() => settings.onProgress({ type: 'html', document: 'x.html', done: 1, total: 1 })).not.toThrow();
  });

  it('keeps what was asked for: formats once each, the output folder relative to the project, at least one page at a time', () => {
    const settings = settleOptions({ root: '/p', formats: ['pdf', 'pdf'], outDir: '../site', concurrency: 0 });
    expect(settings.formats).toEqual(['pdf']);
    expect(settings.outDir).toBe('/site');
    expect(settings.concurrency).toBe(1);
    expect(settleOptions({ root: '/p', formats: [] }).formats).toEqual(['html', 'pdf']);
    expect(settleOptions({ root: '/p', outDir: '/elsewhere/out' }).outDir).toBe('/elsewhere/out');
  });
});

describe('checkOutputFolder (#9)', () => {
  const check = (outDir: string, root = '/work/project') => {
    const file = new VFile();
    const ok = checkOutputFolder(settleOptions({ root, outDir }), file);
    return { ok, messages: file.messages.map((m) => `${m.ruleId}: ${m.reason}`) };
  };

  it.each([['/work/project/out'], ['/work/project/site/public'], ['/work/site'], ['/srv/www/guides'], [path.join(os.homedir(), 'guides')]])(
    'accepts %s',
    (outDir) => {
      expect(check(outDir)).toEqual({ ok: true, messages: [] });
    },
  );

  it.each([
    ['/work/project', 'it is the project folder itself'],
    ['/work', 'it holds the project'],
    ['/work/project/blueprints/out', "it is inside the project's blueprints/ folder"],
    ['/work/project/node_modules', "it is inside the project's node_modules/ folder"],
    ['/work/project/.git/out', "it is inside the project's .git/ folder"],
    [os.tmpdir(), 'it is a home or temporary folder itself'],
    ['/etc/blueprints', 'it is a system folder'],
    ['/usr', 'it is a system folder'],
  ])('refuses %s: %s', (outDir, problem) => {
    expect(check(outDir)).toEqual({ ok: false, messages: [`unsafe-output-folder: Refusing to write into ${outDir}: ${problem}`] });
  });

  it('refuses the root folder, which holds every project', () => {
    expect(check('/').messages).toEqual(['unsafe-output-folder: Refusing to write into /: it holds the project']);
  });
});
