import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { checkMarkdownLimits, checkTreeDepth } from '../../src/markdown/check-markdown-limits.js';
import { createMarkdownParser } from '../../src/markdown/processor.js';
import { repoRoot } from '../helpers.js';

// #9: the limits are far above any real guide: every shipped source passes them (#8: shipped-content
// checks live apart from the toolkit's tests).
describe('Markdown limits and the shipped guides', () => {
  it('passes every section and case study of the shipped guides, and their parsed trees', () => {
    const parser = createMarkdownParser();
    const files = readdirSync(path.join(repoRoot, 'blueprints'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md'));
    expect(files.length).toBeGreaterThan(100);
    for (const name of files) {
      const file = new VFile({ path: name, value: readFileSync(path.join(repoRoot, 'blueprints', name), 'utf8') });
      expect(checkMarkdownLimits(file), name).toBe(true);
      expect(checkTreeDepth(parser.parse(file), file), name).toBe(true);
    }
  });
});
