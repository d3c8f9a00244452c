import type { VFile } from 'vfile';
import { catalogue, type Kind, type RuleId } from './catalogue.js';

/** Exit codes of the `blueprint` command, documented in the README. */
export const exitCodes = {
  /** Everything asked for was built or checked without errors. */
  ok: 0,
  /** The sources have errors (YAML, schema, Markdown, links, case studies). */
  content: 1,
  /** The command line was wrong (unknown option, city, blueprint; unsafe --out), or not in a project. */
  usage: 2,
  /** The machine lacks something the build needs (no browser, unwritable output folder, another build running). */
  environment: 3,
  /** A fault in the toolkit itself. */
  internal: 70,
  /** Stopped by SIGINT or SIGTERM (128 + 2); nothing was written. */
  interrupted: 130,
} as const;

export type ExitCode = (typeof exitCodes)[keyof typeof exitCodes];

// When several kinds of problem occur, the one a person must deal with first decides the code.
const precedence: Kind[] = ['internal', 'interrupted', 'environment', 'usage', 'content'];

/** The exit code a set of files' messages lead to: 0 without errors. */
export function exitCodeOf(files: VFile[]): ExitCode {
  const kinds = new Set<Kind>();
  for (const file of files) {
    for (const message of file.messages) {
      if (message.fatal !== true) continue;
      const rule = catalogue[message.ruleId as RuleId];
      kinds.add(rule ? rule.kind : 'content');
    }
  }
  for (const kind of precedence) if (kinds.has(kind)) return exitCodes[kind];
  return exitCodes.ok;
}
