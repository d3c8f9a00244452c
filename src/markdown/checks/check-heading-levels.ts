import type { Heading, Root } from 'mdast';
import type { VFile } from 'vfile';
import { report } from '../../diagnostics/messages.js';
import { visit } from '../visit-tree.js';
import type { MarkdownCheck } from './markdown-check.js';

/**
 * `skipped-heading-level` (#13): `###` right under `#` leaves a hole in the contents and in the outline
 * screen readers use. A section's first heading is its `#` title (heading-structure says so when it is
 * not); a case study's title comes from its front matter, so its text starts at `##`.
 */
export const checkHeadingLevels: MarkdownCheck = (tree: Root, file: VFile, { kind }) => {
  let previous: number | undefined = kind === 'case-study' ? 1 : undefined;
  visit(tree, 'heading', (node: Heading) => {
    if (previous !== undefined && node.depth > previous + 1) report(file, 'skipped-heading-level', { depth: node.depth, previous }, { place: node.position });
    previous = node.depth;
  });
};
