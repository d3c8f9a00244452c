/** One line of `blueprint doctor`: what was checked, whether it passed, and how to fix it if not. */
export interface DoctorCheck {
  /** Stable id, e.g. `browser`, `font:@fontsource/noto-sans`, `tool:qpdf`; CI scripts may match on it. */
  id: string;
  ok: boolean;
  /** A failed required check means builds will fail here (exit code 3); optional ones only matter to tests. */
  required: boolean;
  /** What was found, or what is wrong. */
  detail: string;
  /** Exactly what to do when `ok` is false: a command to run or a setting to change. */
  fix?: string;
}

/** What `blueprint doctor` found: `ok` when every required check passed. */
export interface DoctorReport {
  ok: boolean;
  checks: DoctorCheck[];
}
