import { existsSync } from 'node:fs';
import path from 'node:path';

export const projectFileName = path.join('blueprints', 'project.yaml');

/**
 * The project root is the nearest folder (from `start` upwards) that holds `blueprints/project.yaml`,
 * the way git finds `.git`, so commands work from any subfolder.
 */
export function findProjectRoot(start: string): string | undefined {
  let dir = path.resolve(start);
  for (;;) {
    if (existsSync(path.join(dir, projectFileName))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
