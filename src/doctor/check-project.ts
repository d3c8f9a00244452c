import { existsSync } from 'node:fs';
import path from 'node:path';
import type { DoctorCheck } from './doctor-check.js';

/**
 * A project is a folder with `blueprints/project.yaml`. Checked here directly rather than through
 * project/, so the doctor keeps working when the build's own loading is what is broken (#9).
 */
export function checkProject(root: string | undefined): DoctorCheck {
  const ok = root !== undefined && existsSync(path.join(root, 'blueprints', 'project.yaml'));
  return {
    id: 'project',
    ok,
    // The machine can be fine without a project at hand: the other checks still say so.
    required: false,
    detail: ok ? `${root}` : `no blueprints/project.yaml in ${root ?? 'this folder or above'}`,
    ...(ok ? {} : { fix: 'run blueprint doctor inside a project, or pass --project <dir>' }),
  };
}
