import { appendFileSync, cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { edit, repoRoot } from '../helpers.js';
import { blueprint, errorsOf, filesBelow, hostileCopy, only } from './hostile.js';

/**
 * #9: what only printing reveals. The browser may load nothing but the document's own files: a theme that
 * asks for the network is refused at the line that asked, and nothing is published.
 */

describe('printing', () => {
  it('refuses a theme stylesheet that loads an image from the network, at its line', { timeout: 90_000 }, async () => {
    const root = hostileCopy((r) => {
      cpSync(path.join(repoRoot, 'themes', 'default'), path.join(r, 'themes', 'hostile'), { recursive: true });
      // The appended rule's address is at column 27 of the line after print.css's last.
      appendFileSync(path.join(r, 'themes', 'hostile', 'print.css'), '\nbody{background-image:url(https://evil.example/track.png)}\n');
      edit(r, 'blueprints/project.yaml', 'paper: letter', 'paper: letter\ndefault_theme: hostile');
    });
    const o = await blueprint(root, 'build', '--format', 'pdf', 'welcome-desk');
    expect(o.code).toBe(1);
    // print.css ends with a line break: the appended rule is on the line after the blank one it adds.
    const line = readFileSync(path.join(repoRoot, 'themes', 'default', 'print.css'), 'utf8').split('\n').length + 1;
    expect(errorsOf(o)).toEqual([`themes/hostile/print.css:${line}:27 blocked-request`]);
    expect(only(o, 'blocked-request').message).toBe('While printing springfield/en/welcome-desk.pdf the renderer was refused "https://evil.example/track.png"');
    expect(filesBelow(path.join(root, 'out'))).toEqual([]);
  });

  it.todo(
    'an HTML-only build refuses a theme stylesheet that loads from the network (only printing checks it today: ' +
      'the published HTML makes every reader fetch https://evil.example/track.png)',
  );

  it('publishes an SVG image without its script, handlers or outside references, and says so at the image', async () => {
    const root = hostileCopy((r) => {
      writeFileSync(
        path.join(r, 'blueprints/welcome-desk/images/mark.svg'),
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10" onload="alert(1)">' +
          '<script>alert(2)</script><rect width="10" height="10" fill="#123456"/>' +
          '<image xlink:href="https://evil.example/x.png"/><foreignObject><div>x</div></foreignObject></svg>',
      );
      appendFileSync(path.join(r, 'blueprints/welcome-desk/sections/01-why.md'), '\n![A mark](../images/mark.svg)\n');
    });
    const o = await blueprint(root, 'build', '--format', 'html', 'welcome-desk');
    expect(o.code).toBe(0);
    expect(o.json.diagnostics.filter((d) => d.ruleId === 'svg-content-removed').map((d) => `${path.basename(d.file ?? '')}:${d.line}`)).toEqual([
      expect.stringMatching(/^01-why\.md:\d+$/),
    ]);
    const svgs = filesBelow(path.join(root, 'out')).filter((f) => f.endsWith('.svg'));
    const published = svgs.map((f) => readFileSync(path.join(root, 'out', f), 'utf8')).find((t) => t.includes('#123456'));
    expect(published).toBeDefined();
    expect(published).not.toMatch(/<script|onload|foreignObject|evil\.example|<image/i);
    expect(published).toContain('<rect');
  });
});
