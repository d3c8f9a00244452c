import { mkdirSync, mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { watchFolders } from '../../src/preview/watch-folders.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Wait until `seen` holds `file`, then forget what was seen. */
async function heard(seen: string[], file: string): Promise<void> {
  for (let i = 0; i < 200 && !seen.includes(file); i++) await sleep(10);
  expect(seen).toContain(file);
  seen.length = 0;
}

// #13: Node 20's recursive fs.watch on Linux watches each file's inode; after an editor saves by renaming a
// temporary file over it, that watch hears nothing again. Watching folders hears every save.
describe('watchFolders', () => {
  it('hears saves in place and by rename, again and again, and files in folders made later', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'bp-watch-'));
    mkdirSync(path.join(root, 'guide', 'sections'), { recursive: true });
    const file = path.join(root, 'guide', 'sections', '01-why.md');
    writeFileSync(file, 'one');
    const seen: string[] = [];
    const watch = watchFolders([root], (changed) => seen.push(changed));
    try {
      writeFileSync(file, 'two');
      await heard(seen, file);
      for (const text of ['three', 'four']) {
        writeFileSync(`${file}.tmp~`, text);
        renameSync(`${file}.tmp~`, file);
        await heard(seen, file);
        // The editor's own temporary file is not a change to the guide.
        expect(seen).not.toContain(`${file}.tmp~`);
      }
      writeFileSync(file, 'five');
      await heard(seen, file);

      mkdirSync(path.join(root, 'guide', 'images'));
      await sleep(50);
      const image = path.join(root, 'guide', 'images', 'map.svg');
      writeFileSync(image, '<svg/>');
      await heard(seen, image);
    } finally {
      watch.close();
    }
    writeFileSync(file, 'six');
    await sleep(100);
    expect(seen).toEqual([]);
  });
});
