import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { copyFixture, repoRoot, run } from '../helpers.js';

/** Run the CLI as on a terminal (stderr a TTY, 60 columns wide). */
async function onTerminal(args: string[], cwd: string) {
  let stderr = '';
  const code = await main(['node', 'blueprint', ...args], {
    stdout: () => undefined,
    stderr: (t) => {
      stderr += t;
    },
    env: { ...process.env, GITHUB_ACTIONS: undefined },
    cwd,
    isTty: true,
    columns: 60,
  });
  return { code, stderr };
}

// #13: terminal manners — progress on a terminal, plain lines elsewhere, --quiet, --verbose, did-you-mean.
describe('the blueprint command with people and with CI', () => {
  it('shows progress as one updating line on a terminal, cleared before the report', async () => {
    const root = copyFixture('basic');
    const { code, stderr } = await onTerminal(['build', '--format', 'html'], root);
    expect(code).toBe(0);
    expect(stderr).toContain('\r\x1b[2Khtml [1/2] springfield/en/welcome-desk.html');
    expect(stderr).toContain('\r\x1b[2Khtml [2/2] springfield/en/language-line.html');
    // Each update rewrites the line in place: no progress line ends with a newline of its own.
    expect(stderr).not.toMatch(/html \[\d\/2\][^\r]*\n/);
    // The line is cleared before the report, which starts on a clean line.
    const afterProgress = stderr.split('\r\x1b[2K').at(-1) ?? '';
    expect(afterProgress).toMatch(/^blueprints\/language-line\/sections\/01-why\.md:5:1: warning: /);
    expect(afterProgress).toMatch(/Built 2 document\(s\) into out\/ \(0 errors, 4 warnings\)\.\n$/);
    const check = await onTerminal(['check'], root);
    expect(check.stderr).toContain('\r\x1b[2Kcheck [1/2] welcome-desk (en)');
  });

  it('prints plain lines when piped or in CI, and nothing but errors with --quiet', async () => {
    const root = copyFixture('basic');
    const piped = await run(['build', '--format', 'html'], root);
    expect(piped.stderr).toMatch(/^ {2}html {2}\[1\/2\] springfield\/en\/welcome-desk\.html$/m);
    expect(piped.stderr).not.toContain('\x1b[');
    const quiet = await run(['check', '--quiet'], copyFixture('plain-language'));
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toBe('');
  });

  it('prints how long each stage took with --verbose', async () => {
    const root = copyFixture('basic');
    const result = await run(['build', '--format', 'html', '--verbose'], root);
    expect(result.stderr).toMatch(/^Timings: load \d+ ms, html \d+ ms, browser start 0 ms, pdf 0 ms\.$/m);
  });

  it('says did-you-mean for a mistyped command, also in JSON, and prints its version', async () => {
    const root = copyFixture('basic');
    const text = await run(['chek'], root);
    expect(text.code).toBe(2);
    expect(text.stderr).toContain('(Did you mean check?)');
    const json = JSON.parse((await run(['chek', '--json'], root)).stdout);
    expect(json.diagnostics[0]).toMatchObject({ ruleId: 'invalid-command', expected: ['check'] });
    expect(json.diagnostics[0].hint).toMatch(/^Did you mean "check"\?/);
    // A slip in a subcommand names that command's help, which lists what it lacks, and the JSON names the command.
    const slip = await run(['new', 'city', 'olympia'], root);
    expect(slip.code).toBe(2);
    expect(slip.stderr).toContain(`required option '--name <name>' not specified\n(run "blueprint new city --help" for usage)`);
    const slipJson = JSON.parse((await run(['new', 'city', 'olympia', '--json'], root)).stdout);
    expect(slipJson.command).toBe('new city');
    expect(slipJson.diagnostics[0]).toMatchObject({ ruleId: 'invalid-command', hint: 'Run "blueprint new city --help" for its options.' });
    const version = await run(['--version'], root);
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(`${repoRoot}/package.json`, 'utf8')).version);
  });
});
