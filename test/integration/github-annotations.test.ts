import { describe, expect, it } from 'vitest';
import { copyFixture, edit, run } from '../helpers.js';

// #9: `blueprint check` in a GitHub Actions job annotates the pull request at each message's line.
describe('blueprint check in GitHub Actions', () => {
  it('prints workflow commands instead of plain lines, paths from GITHUB_WORKSPACE, and JSON stays clean', async () => {
    const root = copyFixture('basic');
    edit(root, 'blueprints/cities/riverton/city.yaml', 'name: Riverton', 'nam: Riverton');
    const env = { ...process.env, GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: root };
    const result = await run(['check'], root, env);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^::error file=blueprints\/cities\/riverton\/city\.yaml,line=1,col=1,endLine=1,endColumn=4,title=unknown-key::Unexpected key "nam" in the city profile%0A.+$/m,
    );
    expect(result.stderr).not.toContain(': error: ');
    const json = await run(['check', '--json'], root, env);
    expect(JSON.parse(json.stdout).ok).toBe(false);
    expect(json.stderr).toMatch(/^::error /m);
  });

  it('prints plain lines everywhere else', async () => {
    const root = copyFixture('basic');
    edit(root, 'blueprints/cities/riverton/city.yaml', 'name: Riverton', 'nam: Riverton');
    const result = await run(['check'], root, { ...process.env, GITHUB_ACTIONS: undefined });
    expect(result.stderr).toMatch(/^blueprints\/cities\/riverton\/city\.yaml:1:1: error: Unexpected key "nam" in the city profile \[unknown-key\]$/m);
    expect(result.stderr).not.toContain('::error');
  });
});
