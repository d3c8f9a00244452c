import type { Html, Root, Text } from 'mdast';
import type { VFile } from 'vfile';
import { report } from '../../diagnostics/messages.js';
import { visit } from '../visit-tree.js';
import type { MarkdownCheck } from './markdown-check.js';
import { placeInNode } from './source-text.js';

/** Upper case only: "todo" in a sentence is a word, "TODO" is a note to oneself. */
const marker = /\b(TODO|FIXME|TBD|XXX)\b/g;

/** `todo-marker` (#13): a to-do left in text or in an HTML comment (which never prints, but is still unfinished). */
export const checkTodoMarkers: MarkdownCheck = (tree: Root, file: VFile) => {
  visit(tree, (node) => {
    if (node.type !== 'text' && node.type !== 'html') return;
    const text = node as Text | Html;
    const seen = new Map<string, number>();
    for (const match of text.value.matchAll(marker)) {
      const word = match[1] as string;
      // The n-th occurrence in the node is the n-th in its source.
      const n = (seen.get(word) ?? 0) + 1;
      seen.set(word, n);
      report(file, 'todo-marker', { marker: word }, { place: placeInNode(file, text, word, n) ?? text.position });
    }
  });
};
