import type { Heading, Root, Yaml } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import { report } from '../../diagnostics/messages.js';
import { unclosedFrontMatter } from '../processor.js';
import type { MarkdownCheck } from './markdown-check.js';

/**
 * `unclosed-front-matter` (#13): a source that starts with a `---` line and never closes it. micromark then
 * reads the `---` as a rule and the keys as a paragraph, which would print; a case study would also seem to
 * have no front matter at all. The hint names the line to add the closing `---` after: the last of the lines
 * that follow the opening one, up to a blank line or a heading.
 */
export const checkFrontMatterClosed: MarkdownCheck = (tree: Root, file: VFile, { kind }) => {
  const text = String(file.value);
  if (!unclosedFrontMatter(tree, text)) return;
  const lines = text.split(/\r\n|\r|\n/);
  let last = 1;
  while (last < lines.length && (lines[last] ?? '').trim() !== '' && !(lines[last] ?? '').startsWith('#')) last++;
  const fix =
    kind === 'section'
      ? `Add a line with only "---" after line ${last}, where the front matter ends, or remove the front matter: section files use none.`
      : `Add a line with only "---" after line ${last}, where the front matter ends.`;
  report(file, 'unclosed-front-matter', { fix }, { place: { line: 1, column: 1 } });
};

/**
 * `unused-front-matter` (#13): a section brought from a Jekyll or Hugo site keeps its `title:`,
 * `layout:` and `permalink:`, which the toolkit silently dropped. Case studies use their front matter
 * (and their schema reports unknown keys), so this is for sections only.
 */
export const checkFrontMatter: MarkdownCheck = (tree: Root, file: VFile, { kind }) => {
  if (kind !== 'section') return;
  const front = tree.children[0];
  if (front?.type !== 'yaml' || front.position?.start.line !== 1) return;
  const lineCounter = new LineCounter();
  const doc = parseDocument((front as Yaml).value, { lineCounter });
  if (!isMap(doc.contents)) return;
  const title = tree.children.find((n): n is Heading => n.type === 'heading' && n.depth === 1);
  for (const pair of doc.contents.items) {
    if (!isScalar(pair.key)) continue;
    const key = String(pair.key.value);
    // #10: a translation's own front matter (its status), checked by the translation schema.
    if (key === 'translation') continue;
    const at = lineCounter.linePos(pair.key.range?.[0] ?? 0);
    const value = isScalar(pair.value) ? String(pair.value.value ?? '') : '';
    const fix =
      key === 'title'
        ? title
          ? `Remove it: the section's title is its first heading ("# ${mdastToString(title)}").`
          : `Write the title as the first line after the front matter ("# ${value || 'Title'}"), then remove the front matter.`
        : 'Remove it: the theme decides the layout and the project\'s "output" pattern the address. A section file starts with its "# Title" line.';
    // The front matter's first line is "---": its keys start on line 2.
    report(file, 'unused-front-matter', { key, fix }, { place: { line: at.line + 1, column: at.col } });
  }
};
