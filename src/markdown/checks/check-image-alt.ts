import type { Image, ImageReference, Root } from 'mdast';
import type { VFile } from 'vfile';
import { report } from '../../diagnostics/messages.js';
import { visit } from '../visit-tree.js';
import type { MarkdownCheck } from './markdown-check.js';

/** `missing-alt` (#13): `![](images/map.png)` says nothing to a screen reader or in the tagged PDF. */
export const checkImageAlt: MarkdownCheck = (tree: Root, file: VFile) => {
  visit(tree, (node) => {
    if (node.type !== 'image' && node.type !== 'imageReference') return;
    const image = node as Image | ImageReference;
    if ((image.alt ?? '').trim() !== '') return;
    const url = image.type === 'image' ? image.url : `[${image.label ?? image.identifier}]`;
    report(file, 'missing-alt', { url }, { place: image.position });
  });
};
