import type { Heading, Root } from 'mdast';
import { visit } from './visit-tree.js';

/** `## Budget {#budget}`: an id written after a heading (Pandoc, Docusaurus, Quarto). Letters, digits, `-` and `_` only. */
export const explicitId = /[ \t]+\{#([A-Za-z][A-Za-z0-9_-]*)\}[ \t]*$/;

/**
 * Give a heading the id written after it, instead of one made from its words (#10). A translation keeps
 * its source's ids this way, so links into it (`#a-model-executive-order`) work in every language, and
 * the XLIFF extract keeps the id as a code a translator cannot change.
 */
export function remarkHeadingIds() {
  return (tree: Root) => {
    visit(tree, 'heading', (heading: Heading) => {
      const last = heading.children.at(-1);
      if (last?.type !== 'text') return;
      const match = explicitId.exec(last.value);
      if (!match) return;
      last.value = last.value.slice(0, match.index);
      if (!last.value) heading.children.pop();
      heading.data = { ...heading.data, hProperties: { ...heading.data?.hProperties, id: match[1] } };
    });
  };
}
