import type { DoctorReport } from './doctor-check.js';

/**
 * The report as text: one line per check (✓ or ✗, id, what was found), the fix indented under each
 * failure, and a closing sentence naming the required checks that failed.
 */
export function formatDoctorReport(report: DoctorReport): string {
  const width = Math.max(...report.checks.map((check) => check.id.length));
  const lines: string[] = [];
  for (const check of report.checks) {
    lines.push(`${check.ok ? '✓' : '✗'} ${check.id.padEnd(width)}  ${check.ok || check.required ? '' : '(optional) '}${check.detail}`);
    if (!check.ok && check.fix) lines.push(`  ${' '.repeat(width)}  fix: ${check.fix}`);
  }
  const failed = report.checks.filter((check) => !check.ok && check.required).map((check) => check.id);
  lines.push(
    '',
    failed.length === 0
      ? 'Ready: every required check passed.'
      : `Not ready: ${failed.length} required check${failed.length === 1 ? '' : 's'} failed (${failed.join(', ')}).`,
  );
  return lines.join('\n');
}
