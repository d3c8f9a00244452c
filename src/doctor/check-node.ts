import type { DoctorCheck } from './doctor-check.js';

/** The oldest Node major the toolkit runs on: `engines.node` in package.json. */
export const minimumNodeMajor = 20;

/** Node is new enough (`version` as in `process.versions.node`, e.g. `20.20.2`). */
export function checkNode(version: string): DoctorCheck {
  const major = Number.parseInt(version.replace(/^v/, ''), 10);
  const ok = Number.isInteger(major) && major >= minimumNodeMajor;
  return {
    id: 'node',
    ok,
    required: true,
    detail: `Node ${version.replace(/^v/, '')} (the toolkit needs ${minimumNodeMajor} or later)`,
    ...(ok ? {} : { fix: `install Node.js ${minimumNodeMajor} or later: nvm install ${minimumNodeMajor}, or https://nodejs.org` }),
  };
}
