import { readdir, readFile, stat } from 'node:fs/promises';
import { VFile } from 'vfile';

/** Read a text source into a VFile whose path is the absolute path (messages print it relative). */
export async function readSource(filePath: string): Promise<VFile | undefined> {
  try {
    const value = await readFile(filePath, 'utf8');
    return new VFile({ path: filePath, value });
  } catch {
    return undefined;
  }
}

/** Folder names below `dir`, sorted so every machine reads them in the same order. */
export async function listFolders(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries
      .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
      .map((e) => e.name)
      .sort();
  } catch {
    return [];
  }
}

/** File names in `dir` ending in `ext`, sorted. */
export async function listFiles(dir: string, ext: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries
      .filter((e) => e.isFile() && e.name.endsWith(ext) && !e.name.startsWith('.'))
      .map((e) => e.name)
      .sort();
  } catch {
    return [];
  }
}

export async function isFile(filePath: string): Promise<boolean> {
  try {
    return (await stat(filePath)).isFile();
  } catch {
    return false;
  }
}
