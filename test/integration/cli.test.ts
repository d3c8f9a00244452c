import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, run, runBin } from '../helpers.js';

describe('the blueprint command', () => {
  // The tests that spawn bin/blueprint.js run the dist/ that test/global-setup.ts just compiled (#8).
  it('runs from bin/ after npm ci, with --help', () => {
    const { code, stdout: out } = runBin(['--help'], os.tmpdir());
    expect(code).toBe(0);
    expect(out).toContain('Usage: blueprint');
    for (const command of ['build', 'check', 'list']) expect(out).toContain(command);
  });

  it('exits 2 with a did-you-mean for an unknown city, and writes nothing', async () => {
    const root = copyFixture('basic');
    const result = await run(['build', '--city', 'springfeild'], root);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('error: Unknown city "springfeild"');
    expect(result.stderr).toContain('hint: Did you mean "springfield"?');
    expect(existsSync(path.join(root, 'out'))).toBe(false);
  });

  it('exits 2 for a malformed --case-study and an unknown blueprint', async () => {
    const root = copyFixture('basic');
    expect((await run(['build', '--case-study', 'nonsense'], root)).code).toBe(2);
    const unknown = await run(['build', 'welcome-dsk'], root);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Did you mean "welcome-desk"?');
    const notThere = await run(['build', '--case-study', 'welcome-desk-model=atlantis'], root);
    expect(notThere.code).toBe(2);
    expect(notThere.stderr).toContain('Unknown city "atlantis" in --case-study');
  });

  it('exits 3 and says how to get a browser when the one named does not exist; out/ stays untouched', async () => {
    const root = copyFixture('basic');
    const result = await run(['build'], root, { ...process.env, BLUEPRINT_BROWSER: '/nowhere/chrome' });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('error: The browser given by BLUEPRINT_BROWSER does not exist: /nowhere/chrome');
    // The build made the output folder, put nothing in it, and took it away again.
    expect(existsSync(path.join(root, 'out'))).toBe(false);
  });

  it('exits 1 with compiler-style messages on content errors, and 0 from check on good sources', async () => {
    const root = copyFixture('basic');
    expect((await run(['check'], root)).code).toBe(0);
    const bad = copyFixture('basic');
    const { writeFileSync, readFileSync } = await import('node:fs');
    const file = path.join(bad, 'blueprints/welcome-desk/blueprint.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('title: Welcome Desk', 'title: [Welcome Desk'));
    const result = await run(['check'], bad);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^blueprints\/welcome-desk\/blueprint\.yaml:\d+:\d+: error: YAML syntax error: .+ \[yaml-syntax\]\n {2}hint: /m);
  });

  it('lists blueprints, slots and which cities fill them, as text and JSON', async () => {
    const root = copyFixture('basic');
    const text = await run(['list'], root);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('slot welcome-desk-model: riverton, springfield');
    const json = JSON.parse((await run(['list', '--json'], root)).stdout);
    expect(json.listing.blueprints[1].slots[0]).toEqual({ id: 'language-line-model', title: 'A phone interpretation contract', cities: ['riverton'] });
  });

  it('finds the project from a subfolder and refuses a folder that is not a project', async () => {
    const root = copyFixture('basic');
    expect((await run(['check'], path.join(root, 'blueprints/welcome-desk/sections'))).code).toBe(0);
    const outside = await run(['check'], '/');
    expect(outside.code).toBe(2);
    expect(outside.stderr).toContain('No blueprint project here');
  });

  it('runs non-interactively with no stdin, as CI does', () => {
    const root = copyFixture('basic');
    const result = runBin(['check', '--json'], root);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).ok).toBe(true);
  });
});
