import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { edit, repoRoot } from '../helpers.js';
import { blueprint, errorsOf, filesBelow, hostileCopy, only, timeout } from './hostile.js';

/**
 * #9: a fork can commit symbolic links and write any path in its sources. Nothing outside the project is
 * read (its content never reaches the output or the messages), and each refusal names the line that asked.
 */

const secretText = 'SECRET-OUTSIDE-THE-PROJECT-5d1c';

/** A folder outside the project holding files a hostile link could point at, removed after the test. */
function outside(): { dir: string; secret: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bp-outside-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  const secret = path.join(dir, 'secret');
  // Valid YAML and Markdown at once: followed, it would print its marker as a city name or a paragraph.
  writeFileSync(secret, `name: ${secretText}\ngovernment: ${secretText}\n`);
  return { dir, secret };
}

/** Replace a file of the project by a symbolic link to `target`. */
function linkInstead(root: string, file: string, target: string): void {
  rmSync(path.join(root, file), { recursive: true, force: true });
  symlinkSync(target, path.join(root, file));
}

const expectNotLeaked = (o: { stdout: string; stderr: string; root: string }) => {
  expect(o.stdout + o.stderr).not.toContain(secretText);
  for (const file of filesBelow(path.join(o.root, 'out'))) expect(file).not.toContain(secretText);
};

describe('symbolic links and paths that lead out of the project', { timeout }, () => {
  it('refuses a section file that is a link, at the line naming it', async () => {
    const { secret } = outside();
    const root = hostileCopy((r) => linkInstead(r, 'blueprints/welcome-desk/sections/02-steps.md', secret));
    const o = await blueprint(root, 'build', '--format', 'html');
    expect(o.code).toBe(1);
    expect(errorsOf(o)).toEqual(['blueprints/welcome-desk/blueprint.yaml:7:11 unsafe-path']);
    expect(only(o, 'unsafe-path').message).toBe('Section file "sections/02-steps.md" leads outside the project');
    expect(filesBelow(path.join(root, 'out'))).toEqual([]);
    expectNotLeaked(o);
  });

  it('refuses a case study that is a link', async () => {
    const { secret } = outside();
    const study = 'blueprints/cities/riverton/case-studies/language-line-model.md';
    const root = hostileCopy((r) => linkInstead(r, study, secret));
    const o = await blueprint(root, 'check');
    expect(o.code).toBe(1);
    // The slot it filled is then empty: no other city has a case study for it.
    expect(errorsOf(o)).toEqual([`${study}:null:null unsafe-path`, 'blueprints/language-line/blueprint.yaml:9:9 empty-slot']);
    expectNotLeaked(o);
  });

  it('refuses a city profile that is a link to /etc/hostname, or to a file that reads as a profile', async () => {
    const { secret } = outside();
    for (const target of ['/etc/hostname', secret]) {
      const root = hostileCopy((r) => linkInstead(r, 'blueprints/cities/riverton/city.yaml', target));
      const o = await blueprint(root, 'check');
      expect(o.code).toBe(1);
      expect(errorsOf(o)).toEqual([
        'blueprints/cities/riverton/case-studies/language-line-model.md:2:7 unknown-city',
        'blueprints/cities/riverton/case-studies/welcome-desk-model.md:2:7 unknown-city',
        'blueprints/cities/riverton/city.yaml:null:null unsafe-path',
      ]);
      expectNotLeaked(o);
    }
  });

  it("refuses a project theme's stylesheet that is a link, at its line in theme.yaml", async () => {
    const { secret } = outside();
    const root = hostileCopy((r) => {
      cpSync(path.join(repoRoot, 'themes', 'default'), path.join(r, 'themes', 'hostile'), { recursive: true });
      linkInstead(r, 'themes/hostile/print.css', secret);
      edit(r, 'blueprints/project.yaml', 'paper: letter', 'paper: letter\ndefault_theme: hostile');
    });
    const o = await blueprint(root, 'build', '--format', 'html');
    expect(o.code).toBe(1);
    expect(errorsOf(o)).toEqual(['themes/hostile/theme.yaml:43:19 unsafe-path']);
    expect(only(o, 'unsafe-path').message).toBe('Stylesheet "print.css" leads outside the project');
    expect(filesBelow(path.join(root, 'out'))).toEqual([]);
    expectNotLeaked(o);
  });

  it('refuses a logo that is a link, at the logo line of the city profile', async () => {
    const { secret } = outside();
    const root = hostileCopy((r) => linkInstead(r, 'blueprints/cities/springfield/logo.svg', secret));
    const o = await blueprint(root, 'build', '--format', 'html');
    expect(o.code).toBe(1);
    expect(errorsOf(o)).toEqual(['blueprints/cities/springfield/city.yaml:6:7 unsafe-path']);
    expectNotLeaked(o);
  });

  it('refuses an image that is a link, at the image', async () => {
    const { secret } = outside();
    const root = hostileCopy((r) => linkInstead(r, 'blueprints/welcome-desk/images/desk.png', secret));
    const o = await blueprint(root, 'build', '--format', 'html');
    expect(o.code).toBe(1);
    expect(errorsOf(o)).toEqual(['blueprints/welcome-desk/sections/01-why.md:11:1 unsafe-path']);
    expectNotLeaked(o);
  });

  it('refuses a translation that is a link', async () => {
    const { secret } = outside();
    const root = hostileCopy((r) => {
      edit(r, 'blueprints/project.yaml', 'languages: [en]', 'languages: [en, es]');
      symlinkSync(secret, path.join(r, 'blueprints/welcome-desk/sections/01-why.es.md'));
    });
    const o = await blueprint(root, 'build', '--format', 'html', '--lang', 'es');
    expect(o.code).toBe(1);
    expect(errorsOf(o)).toEqual(['blueprints/welcome-desk/sections/01-why.es.md:null:null unsafe-path']);
    expect(filesBelow(path.join(root, 'out'))).toEqual([]);
    expectNotLeaked(o);
  });

  // #13: a load skips a translation its folder does not list; a link is listed, even one that leads nowhere.
  it('refuses a translation that is a dangling link, as leading outside', async () => {
    const root = hostileCopy((r) => {
      edit(r, 'blueprints/project.yaml', 'languages: [en]', 'languages: [en, es]');
      symlinkSync('/nonexistent/elsewhere.es.md', path.join(r, 'blueprints/welcome-desk/sections/01-why.es.md'));
    });
    const o = await blueprint(root, 'check');
    expect(o.code).toBe(1);
    expect(errorsOf(o)).toEqual(['blueprints/welcome-desk/sections/01-why.es.md:null:null unsafe-path']);
    // Named from the project's folder: the path of the checkout on disk is no business of the message.
    expect(only(o, 'unsafe-path').message).toBe('File "blueprints/welcome-desk/sections/01-why.es.md" leads outside the project');
  });

  it('refuses a dangling link as leading outside, not as missing', async () => {
    const root = hostileCopy((r) => linkInstead(r, 'blueprints/welcome-desk/sections/02-steps.md', '/nonexistent/elsewhere.md'));
    const o = await blueprint(root, 'check');
    expect(o.code).toBe(1);
    expect(errorsOf(o)).toEqual(['blueprints/welcome-desk/blueprint.yaml:7:11 unsafe-path']);
  });

  // Left from the ninth session's walkthrough: a missing file below a link out of the project was "broken".
  it('refuses a link to a missing file below a folder that is a link out of the project, as leading outside', async () => {
    const { dir } = outside();
    const root = hostileCopy((r) => {
      symlinkSync(dir, path.join(r, 'blueprints/welcome-desk/evil'));
      edit(r, 'blueprints/welcome-desk/sections/01-why.md', '../images/desk.png', '../evil/secre.png');
    });
    const o = await blueprint(root, 'check');
    expect(o.code).toBe(1);
    expect(errorsOf(o)).toEqual(['blueprints/welcome-desk/sections/01-why.md:11:1 unsafe-path']);
    // Nothing of the folder there is named as a did-you-mean.
    expect(o.stdout + o.stderr).not.toContain('secret');
  });

  it('refuses a folder of sections that is a link', async () => {
    const { dir } = outside();
    const root = hostileCopy((r) => {
      cpSync(path.join(r, 'blueprints/welcome-desk/sections'), path.join(dir, 'sections'), { recursive: true });
      linkInstead(r, 'blueprints/welcome-desk/sections', path.join(dir, 'sections'));
    });
    const o = await blueprint(root, 'check');
    expect(o.code).toBe(1);
    expect(errorsOf(o)).toEqual(['blueprints/welcome-desk/blueprint.yaml:5:11 unsafe-path', 'blueprints/welcome-desk/blueprint.yaml:7:11 unsafe-path']);
  });

  it('refuses ".." in a section path', async () => {
    const root = hostileCopy((r) => edit(r, 'blueprints/welcome-desk/blueprint.yaml', 'sections/02-steps.md', '../../../../../../../etc/hostname'));
    const o = await blueprint(root, 'check');
    expect(o.code).toBe(1);
    expect(errorsOf(o)).toEqual(['blueprints/welcome-desk/blueprint.yaml:7:11 unsafe-path']);
    expect(only(o, 'unsafe-path').message).toBe('Section file "../../../../../../../etc/hostname" leads outside the project');
  });

  it('refuses an image path to a .git/config outside the project', async () => {
    const { dir } = outside();
    mkdirSync(path.join(dir, '.git'));
    writeFileSync(path.join(dir, '.git', 'config'), `[remote "origin"]\n\turl = https://${secretText}@example.org/x.git\n`);
    const root = hostileCopy();
    const sections = path.join(root, 'blueprints/welcome-desk/sections');
    const relative = path.relative(sections, path.join(dir, '.git', 'config'));
    edit(root, 'blueprints/welcome-desk/sections/01-why.md', '../images/desk.png', relative);
    const o = await blueprint(root, 'build', '--format', 'html');
    expect(o.code).toBe(1);
    expect(errorsOf(o)).toEqual(['blueprints/welcome-desk/sections/01-why.md:11:1 unsafe-path']);
    expect(filesBelow(path.join(root, 'out'))).toEqual([]);
    expectNotLeaked(o);
  });
});
