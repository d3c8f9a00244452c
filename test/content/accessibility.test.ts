import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditAccessibility, noViolations } from '../audit-accessibility.js';
import { repoRoot } from '../helpers.js';
import { sharedBuild } from './shared-build.js';

describe('accessibility of the shipped guides (axe-core)', () => {
  it('has none in a shipped guide of the default edition, in every language it is translated into', async () => {
    const defaultCity = /^default_city:\s*(\S+)/m.exec(readFileSync(path.join(repoRoot, 'blueprints/project.yaml'), 'utf8'))?.[1];
    // The default city in every language the guide is translated into (#10: the es, zh-Hans and ar drafts),
    // from the content tests' shared build, in its own theme. Its English edition, and the city whose colours
    // are palest, are audited in every theme by theme-accessibility.test.ts, with the same rules.
    const shared = await sharedBuild();
    expect(shared.result.code).toBe(0);
    const files = shared.documents
      .filter((d) => d.city === defaultCity && d.blueprint === 'language-access' && d.lang !== 'en')
      .map((d) => path.join(shared.outDir, d.outputs.html?.path ?? ''));
    expect(files).toHaveLength(3);
    expect(await auditAccessibility(files)).toEqual(noViolations(files));
  });
});
