import { appendFileSync, cpSync } from 'node:fs';
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
      // print.css has 61 lines: this rule is line 63, its address at column 27.
      appendFileSync(path.join(r, 'themes', 'hostile', 'print.css'), '\nbody{background-image:url(https://evil.example/track.png)}\n');
      edit(r, 'blueprints/project.yaml', 'paper: letter', 'paper: letter\ndefault_theme: hostile');
    });
    const o = await blueprint(root, 'build', '--format', 'pdf', 'welcome-desk');
    expect(o.code).toBe(1);
    expect(errorsOf(o)).toEqual(['themes/hostile/print.css:76:27 blocked-request']);
    expect(only(o, 'blocked-request').message).toBe('While printing springfield/en/welcome-desk.pdf the renderer was refused "https://evil.example/track.png"');
    expect(filesBelow(path.join(root, 'out'))).toEqual([]);
  });

  it.todo(
    'an HTML-only build refuses a theme stylesheet that loads from the network (only printing checks it today: ' +
      'the published HTML makes every reader fetch https://evil.example/track.png)',
  );

  it.todo(
    'an SVG image holding <script>, on* handlers or outside references is published without them ' +
      '(src/html/sanitize-svg.ts is being written separately; then build html and parse the copied asset)',
  );
});
