import { type LoadResult, loadProject } from '../../src/project/load-project.js';
import { repoRoot } from '../helpers.js';

let loading: Promise<LoadResult> | undefined;

/**
 * The shipped project, loaded once per test worker (the content tests share their worker's modules,
 * `isolate: false`): five test files read it, and each load parses 870 kB of Markdown (#8: the suite's
 * time). For reading only: nothing may change the project or add messages to its files.
 */
export function shippedProject(): Promise<LoadResult> {
  loading ??= loadProject(repoRoot);
  return loading;
}
