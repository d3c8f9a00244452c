import { defaultOutDir } from '../pipeline/settings.js';
import { checkBrowser } from './check-browser.js';
import { checkFonts } from './check-fonts.js';
import { checkNode } from './check-node.js';
import { checkOutput } from './check-output.js';
import { checkProject } from './check-project.js';
import { checkTools } from './check-tools.js';
import type { DoctorReport } from './doctor-check.js';

export type { DoctorCheck, DoctorReport } from './doctor-check.js';

export interface DoctorOptions {
  env: Record<string, string | undefined>;
  /** The browser `--browser` names, checked as the build would use it. */
  browser?: string;
  /** The project root; without one, the project and output checks fail and the rest still run. */
  root?: string;
  /** Default: the running Node's. */
  nodeVersion?: string;
  /** Default: this machine's; decides PATH syntax and which install command a fix names. */
  platform?: string;
}

/**
 * Check that this machine can build and test: Node, the browser (found, its version, starts headless),
 * the theme fonts, the output folder, the project, and the PDF tools the tests use. Never prints (#9).
 */
export async function runDoctor(options: DoctorOptions): Promise<DoctorReport> {
  const platform = options.platform ?? process.platform;
  const checks = [
    checkNode(options.nodeVersion ?? process.versions.node),
    checkProject(options.root),
    ...(await checkBrowser({ env: options.env, platform, ...(options.browser ? { flag: options.browser } : {}) })),
    ...checkFonts(options.root),
    ...(options.root ? [await checkOutput(defaultOutDir(options.root))] : []),
    ...checkTools(options.env, platform),
  ];
  return { ok: checks.every((check) => check.ok || !check.required), checks };
}
