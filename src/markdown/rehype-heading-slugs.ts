import GithubSlugger from 'github-slugger';
import type { Element, Root } from 'hast';
import { headingRank } from 'hast-util-heading-rank';
import { toString as hastToString } from 'hast-util-to-string';
import { visit } from './visit-tree.js';

/**
 * rehype-slug's transform (an id from its words, GitHub's way, for every heading without one; repeats get
 * `-1`, `-2`), walked with the toolkit's own `visit`: rehype-slug's walk (unist-util-visit-parents) names
 * a new function for every node it meets, 85 ms of a check from nothing (#13).
 */
export function rehypeHeadingSlugs() {
  const slugs = new GithubSlugger();
  return (tree: Root) => {
    slugs.reset();
    visit(tree, 'element', (node: Element) => {
      if (headingRank(node) && !node.properties.id) node.properties.id = slugs.slug(hastToString(node));
    });
  };
}
