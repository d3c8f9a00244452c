import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let toolkit: string | undefined;

/**
 * The toolkit's version and its own code (dist/ or src/, and the shipped themes), so a changed toolkit
 * never reuses what an older one made (#14); and this installation's folder by its inode and birth time,
 * which a pull request cannot know, so a cache index committed into `out/` by a fork is never the one a
 * build trusts (#9: the output folder is not a source).
 */
export function toolkitFingerprint(): string {
  if (toolkit) return toolkit;
  const codeDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const hash = createHash('sha256');
  const packageFile = path.join(codeDir, '..', 'package.json');
  if (existsSync(packageFile)) hash.update(readFileSync(packageFile));
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(js|ts|css|json)$/.test(entry.name)) hash.update(`${path.relative(codeDir, full)}\n`).update(readFileSync(full));
    }
  };
  walk(codeDir);
  const themes = path.join(codeDir, '..', 'themes');
  if (existsSync(themes)) walk(themes);
  const installed = statSync(codeDir, { bigint: true });
  hash.update(`\n${installed.ino}:${installed.birthtimeNs}:${installed.dev}`);
  toolkit = hash.digest('hex');
  return toolkit;
}
