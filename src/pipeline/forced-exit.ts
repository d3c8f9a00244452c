/**
 * What must not be left behind even when the process is made to exit at once (a second Ctrl-C): a browser
 * and its temporary profile. A first Ctrl-C stops a build cleanly (see Run); the command's entry point runs
 * these, synchronously, before it exits on a second. Each task is registered while its resource exists.
 */
const tasks = new Set<() => void>();

/** Register a synchronous clean-up; returns its removal. */
export function onForcedExit(task: () => void): () => void {
  tasks.add(task);
  return () => tasks.delete(task);
}

/** Run every registered clean-up (each once; one that fails does not stop the others). */
export function runForcedExitTasks(): void {
  for (const task of [...tasks]) {
    tasks.delete(task);
    try {
      task();
    } catch {
      // Nothing more can be done while exiting.
    }
  }
}
