import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';

export interface DiagnosticJson {
  /** Absolute path of the source, or null for problems of the command line or the machine. */
  file: string | null;
  line: number | null;
  column: number | null;
  endLine: number | null;
  endColumn: number | null;
  severity: 'error' | 'warning' | 'info';
  ruleId: string | null;
  message: string;
  hint: string | null;
  expected: string[] | null;
  url: string | null;
}

/** Every message of every file, sorted by file, then position, so reports are stable. */
export function collectMessages(files: Iterable<VFile>): VFileMessage[] {
  const all: VFileMessage[] = [];
  for (const file of files) all.push(...file.messages);
  return all.sort(
    (a, b) =>
      (a.file ?? '').localeCompare(b.file ?? '') || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || a.reason.localeCompare(b.reason),
  );
}

const severityOf = (m: VFileMessage) => (m.fatal === true ? 'error' : m.fatal === false ? 'warning' : 'info');

export function toJson(message: VFileMessage): DiagnosticJson {
  return {
    // A message of the command line or the machine has no file; vfile-message leaves '' there (#8).
    file: message.file || null,
    line: message.line ?? null,
    column: message.column ?? null,
    endLine: message.place && 'end' in message.place ? message.place.end.line : null,
    endColumn: message.place && 'end' in message.place ? message.place.end.column : null,
    severity: severityOf(message),
    ruleId: message.ruleId ?? null,
    message: message.reason,
    hint: message.note ?? null,
    expected: message.expected ?? null,
    url: message.url ?? null,
  };
}

/**
 * Compiler-style text: `file:line:column: error: message [rule]`, then the hint indented.
 * `relativeTo` shortens absolute paths so messages can be clicked in editors and terminals.
 */
export function formatMessages(messages: VFileMessage[], relativeTo?: string): string {
  const lines: string[] = [];
  for (const m of messages) {
    let file = m.file ?? '';
    if (relativeTo && file.startsWith(`${relativeTo}/`)) file = file.slice(relativeTo.length + 1);
    const where = m.line ? `${file}:${m.line}:${m.column ?? 1}: ` : file ? `${file}: ` : '';
    lines.push(`${where}${severityOf(m)}: ${m.reason}${m.ruleId ? ` [${m.ruleId}]` : ''}`);
    if (m.note) lines.push(`  hint: ${m.note}`);
  }
  return lines.join('\n');
}

export function summarize(messages: VFileMessage[]): string {
  const errors = messages.filter((m) => m.fatal === true).length;
  const warnings = messages.filter((m) => m.fatal === false).length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
}
