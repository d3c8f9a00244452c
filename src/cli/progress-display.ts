import type { ProgressEvent } from '../pipeline/build.js';
import type { Io } from './main.js';

export interface ProgressDisplay {
  /** One step done: `done` of `total`, and what. */
  step(kind: string, done: number, total: number, what: string): void;
  /** A line that stays (browser started, timings). */
  note(text: string): void;
  /** Clear the updating line before messages are printed. */
  end(): void;
}

/**
 * Progress for people (#13): on a terminal one line that updates in place (done/total, the current
 * document), cleared at the end; in CI or when piped, one plain line per step, so logs stay readable.
 */
export function progressDisplay(io: Io): ProgressDisplay {
  let shown = false;
  if (!io.isTty) {
    return {
      step: (kind, done, total, what) => io.stderr(`  ${kind.padEnd(5)} [${done}/${total}] ${what}\n`),
      note: (text) => io.stderr(`  ${text}\n`),
      end: () => undefined,
    };
  }
  const width = Math.max(40, (io.columns ?? 80) - 1);
  const clear = () => {
    if (shown) io.stderr('\r\x1b[2K');
    shown = false;
  };
  return {
    step: (kind, done, total, what) => {
      const bar = `${kind} [${done}/${total}] ${what}`;
      io.stderr(`\r\x1b[2K${bar.length > width ? `${bar.slice(0, width - 1)}…` : bar}`);
      shown = true;
    },
    note: (text) => {
      clear();
      io.stderr(`${text}\n`);
    },
    end: clear,
  };
}

/** The build's progress events on a display. */
export function showBuildProgress(display: ProgressDisplay) {
  return (event: ProgressEvent) => {
    if (event.type === 'browser') display.note(`browser ${event.executablePath} (${event.source}) started in ${Math.round(event.ms)} ms`);
    if (event.type === 'html') display.step('html', event.done, event.total, event.document);
    if (event.type === 'pdf') display.step('pdf', event.done, event.total, `${event.document} (${event.pages} pages)`);
  };
}
