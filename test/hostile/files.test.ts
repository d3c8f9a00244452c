import { closeSync, copyFileSync, mkdirSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { blueprint, errorsOf, hostileCopy, only, timeout, warningsIn } from './hostile.js';

/** #9: files that are not text, too large, empty or not files at all are one positioned error each, fast. */

const steps = 'blueprints/welcome-desk/sections/02-steps.md';
const write = (root: string, file: string, data: string | Uint8Array) => writeFileSync(path.join(root, file), data);

describe('files that are not what they claim to be', { timeout }, () => {
  it('refuses bytes that are not UTF-8, at their line and column', async () => {
    const root = hostileCopy((r) => write(r, steps, Buffer.concat([Buffer.from('# Steps\n\nCaf'), Buffer.from([0xff, 0xfe]), Buffer.from(' au lait.\n')])));
    const o = await blueprint(root, 'check');
    expect(o.code).toBe(1);
    expect(errorsOf(o)).toEqual([`${steps}:3:4 source-encoding`]);
    expect(only(o, 'source-encoding').message).toBe('File is not UTF-8 text: byte 0xff is not valid UTF-8');
  });

  it('refuses a NUL byte, at its line and column', async () => {
    const root = hostileCopy((r) => write(r, steps, '# Steps\nabc\u0000def\n'));
    const o = await blueprint(root, 'check');
    expect(o.code).toBe(1);
    expect(errorsOf(o)).toEqual([`${steps}:2:4 source-encoding`]);
    expect(only(o, 'source-encoding').message).toBe('File is not UTF-8 text: it contains a NUL byte (is it a binary file?)');
  });

  it('refuses an image saved as a section, and a UTF-16 file', async () => {
    const png = hostileCopy((r) => copyFileSync(path.join(r, 'blueprints/welcome-desk/images/desk.png'), path.join(r, steps)));
    // The first NUL byte, after the PNG signature's line break.
    expect(errorsOf(await blueprint(png, 'check'))).toEqual([`${steps}:3:1 source-encoding`]);
    const utf16 = hostileCopy((r) => write(r, steps, Buffer.from('\ufeff# Steps\n', 'utf16le')));
    // FF FE 23 00: the NUL after "#", the third character as UTF-8 sees it.
    expect(errorsOf(await blueprint(utf16, 'check'))).toEqual([`${steps}:1:4 source-encoding`]);
  });

  it('refuses a 50 MB section before reading it', async () => {
    const root = hostileCopy((r) => {
      // Written in 1 MB blocks, so the test itself does not hold 50 MB.
      const fd = openSync(path.join(r, steps), 'w');
      const block = Buffer.alloc(1024 * 1024, '*[ ');
      for (let i = 0; i < 50; i++) writeSync(fd, block);
      closeSync(fd);
    });
    const o = await blueprint(root, 'build', '--format', 'html');
    expect(o.code).toBe(1);
    expect(errorsOf(o)).toEqual([`${steps}:null:null source-too-large`]);
    expect(only(o, 'source-too-large').message).toBe('File is too large to read (50.0 MB; the limit is 2.0 MB)');
    rmSync(path.join(root, steps));
  });

  it('refuses a 3 MB city profile', async () => {
    const root = hostileCopy((r) => write(r, 'blueprints/cities/riverton/city.yaml', `name: Riverton\nnote: "${'x'.repeat(3 * 1024 * 1024)}"\n`));
    const o = await blueprint(root, 'check');
    expect(o.code).toBe(1);
    expect(errorsOf(o)).toContain('blueprints/cities/riverton/city.yaml:null:null source-too-large');
  });

  it('reads an empty section as one without a title, and says what it lacks', async () => {
    const root = hostileCopy((r) => write(r, steps, ''));
    const o = await blueprint(root, 'check');
    expect(o.code).toBe(1);
    // The link to its heading is broken, and its case-study slot is never placed.
    expect(errorsOf(o)).toEqual(['blueprints/welcome-desk/sections/01-why.md:13:80 broken-fragment']);
    expect(warningsIn(o, steps)).toEqual([`${steps}:null:null heading-structure`]);
    expect(warningsIn(o, 'blueprints/welcome-desk/blueprint.yaml')).toEqual(['blueprints/welcome-desk/blueprint.yaml:null:null unplaced-slot']);
  });

  it('refuses a folder named like a section file, at the line naming it', async () => {
    const root = hostileCopy((r) => {
      rmSync(path.join(r, steps));
      mkdirSync(path.join(r, steps));
      write(r, `${steps}/inside.md`, '# Inside\n');
    });
    const o = await blueprint(root, 'check');
    expect(o.code).toBe(1);
    expect(errorsOf(o)).toEqual(['blueprints/welcome-desk/blueprint.yaml:7:11 missing-file']);
  });
});
