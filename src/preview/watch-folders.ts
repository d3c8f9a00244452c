import { type FSWatcher, readdirSync, watch } from 'node:fs';
import path from 'node:path';

export interface FolderWatch {
  close(): void;
}

/** Editors' own files: swap files, backups, temporary names (the rename that follows names the real file). */
const ignored = (name: string) => name.startsWith('.') || name.endsWith('~') || name.endsWith('.swp') || name.endsWith('.tmp') || /^\d+$/.test(name);

/**
 * Watch every folder under `roots`, one watcher per folder, and call `onChange` with the path of each
 * file that changes (#13). Folders, not files: many editors save by writing a temporary file and renaming
 * it over the old one, and a watch on the old file (its inode) then hears nothing again — which is what
 * Node 20's recursive fs.watch does on Linux. A folder hears every name in it, whatever the inode. A
 * "rename" event may add or remove a folder, so the tree is scanned again then.
 */
export function watchFolders(roots: string[], onChange: (file: string) => void): FolderWatch {
  const watchers = new Map<string, FSWatcher>();
  let closed = false;

  const add = (dir: string) => {
    if (closed || watchers.has(dir)) return;
    let watcher: FSWatcher;
    try {
      watcher = watch(dir, (event, name) => {
        if (closed) return;
        const file = name ? path.join(dir, name.toString()) : dir;
        if (event === 'rename') rescan();
        if (!name || !ignored(path.basename(file))) onChange(file);
      });
    } catch {
      // Gone already, or no watches left: the next rescan tries again.
      return;
    }
    // #9: a folder removed while watched, or the system out of watches, must not end the preview.
    watcher.on('error', () => {
      watcher.close();
      watchers.delete(dir);
    });
    watchers.set(dir, watcher);
  };

  const scan = (dir: string, found: Set<string>) => {
    found.add(dir);
    let entries: import('node:fs').Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries)
      if (entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== 'node_modules') scan(path.join(dir, entry.name), found);
  };

  const rescan = () => {
    const found = new Set<string>();
    for (const root of roots) scan(root, found);
    for (const [dir, watcher] of watchers) {
      if (found.has(dir)) continue;
      watcher.close();
      watchers.delete(dir);
    }
    for (const dir of [...found].sort()) add(dir);
  };

  rescan();
  return {
    close: () => {
      closed = true;
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}
