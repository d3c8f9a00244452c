/** Exit codes of the `blueprint` command, documented in the README. */
export const exitCodes = {
  /** Everything asked for was built or checked without errors. */
  ok: 0,
  /** The sources have errors (YAML, schema, Markdown, links, case studies). */
  content: 1,
  /** The command line was wrong (unknown option, bad `--case-study` value). */
  usage: 2,
  /** The machine lacks something the build needs (no browser, unwritable output folder). */
  environment: 3,
} as const;

export type ExitCode = (typeof exitCodes)[keyof typeof exitCodes];
