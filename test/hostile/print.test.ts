import { appendFileSync, cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { edit, repoRoot } from '../helpers.js';
import { blueprint, errorsOf, filesBelow, hostileCopy } from './hostile.js';

/**
 * #9: what printing and publishing reveal. The pages may load nothing but the document's own files: a theme
 * that asks for the network is refused at the line that asked, HTML or PDF, and nothing is published.
 */

describe('printing', () => {
  it('refuses a theme stylesheet that loads from the network, at its line, in an HTML-only build too', { timeout: 90_000 }, async () => {
    const root = hostileCopy((r) => {
      cpSync(path.join(repoRoot, 'themes', 'default'), path.join(r, 'themes', 'hostile'), { recursive: true });
      // Plainly, with a CSS escape for "u" (\75 rl( is url(), in image-set()'s strings, and by @import.
      appendFileSync(
        path.join(r, 'themes', 'hostile', 'print.css'),
        [
          '',
          'body{background-image:url(https://evil.example/track.png)}',
          'main{background:\\75 rl("//evil.example/escaped.png")}',
          'h1{background-image:image-set("https://evil.example/set.png" 1x, "ok.png" 2x)}',
          '@import "https://evil.example/more.css";',
          'p{background:url(data:image/png;base64,AAAA)} a{cursor:url(cursor.png),auto}',
          '',
        ].join('\n'),
      );
      edit(r, 'blueprints/project.yaml', 'paper: letter', 'paper: letter\ndefault_theme: hostile');
    });
    // print.css ends with a line break: the appended rules start on the line after the blank one it adds.
    const line = readFileSync(path.join(repoRoot, 'themes', 'default', 'print.css'), 'utf8').split('\n').length + 1;
    for (const format of ['html', 'pdf']) {
      const o = await blueprint(root, 'build', '--format', format, 'welcome-desk');
      expect(o.code, format).toBe(1);
      expect(errorsOf(o), format).toEqual([
        `themes/hostile/print.css:${line}:6 theme-remote-url`,
        `themes/hostile/print.css:${line + 1}:6 theme-remote-url`,
        `themes/hostile/print.css:${line + 2}:4 theme-remote-url`,
        `themes/hostile/print.css:${line + 3}:1 theme-remote-url`,
      ]);
      expect(o.json.diagnostics.map((d) => d.message)).toContain('Theme stylesheet loads "//evil.example/escaped.png" from outside the guide');
      expect(filesBelow(path.join(root, 'out'))).toEqual([]);
    }
  });

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
