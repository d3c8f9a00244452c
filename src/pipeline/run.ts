import type { VFile } from 'vfile';
import { type ExitCode, exitCodeOf } from '../diagnostics/exit-codes.js';
import { commandFile, hasErrors, report } from '../diagnostics/messages.js';

export interface Timings {
  loadMs: number;
  htmlMs: number;
  browserMs: number;
  pdfMs: number;
}

/**
 * The state of one run of the pipeline: every file with its messages, the file that carries problems of
 * the request itself (command line, machine), and timings. One per run: two builds never share state.
 */
export class Run {
  readonly files: VFile[] = [];
  /** Problems with the request (usage) or the machine (environment): no source file to put them on. */
  readonly request: VFile = commandFile();
  readonly timings: Timings = { loadMs: 0, htmlMs: 0, browserMs: 0, pdfMs: 0 };

  constructor(private readonly signal?: AbortSignal) {}

  /** Whether the pipeline must stop here: an error so far, or a stop signal (reported once). */
  shouldStop(): boolean {
    if (this.signal?.aborted && !this.request.messages.some((m) => m.ruleId === 'interrupted')) {
      report(this.request, 'interrupted', { signal: String(this.signal.reason ?? 'a signal') });
    }
    return hasErrors(this.allFiles());
  }

  allFiles(): VFile[] {
    return this.request.messages.length ? [...this.files, this.request] : this.files;
  }

  get code(): ExitCode {
    return exitCodeOf(this.allFiles());
  }

  /** Record an unexpected failure as a message, never a stack trace (#9). */
  internalError(cause: unknown): void {
    const reason = cause instanceof Error ? `${cause.name}: ${cause.message.split('\n')[0]}` : String(cause);
    const message = report(this.request, 'internal-error', { reason });
    if (cause instanceof Error && cause.stack) message.stack = cause.stack;
  }
}
