import type { Root } from 'mdast';
import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive';
import type { VFile } from 'vfile';
import { didYouMean, report } from '../../diagnostics/messages.js';
import { visit } from '../visit-tree.js';
import type { MarkdownCheck } from './markdown-check.js';

/** The directives the toolkit gives a meaning to, by form. */
const known = { leafDirective: ['case-study'], textDirective: ['city'], containerDirective: [] as string[] };
const written = { leafDirective: '::', textDirective: ':', containerDirective: ':::' } as const;

/**
 * `unknown-directive` (#13): `:::warning` became a plain <div> and `::note` vanished into one, silently.
 * A bare `:word` in text is left alone: remark-directive reads "word:other" as one, and it prints as written.
 */
export const checkDirectives: MarkdownCheck = (tree: Root, file: VFile) => {
  visit(tree, (node) => {
    if (node.type !== 'containerDirective' && node.type !== 'leafDirective' && node.type !== 'textDirective') return;
    const directive = node as ContainerDirective | LeafDirective | TextDirective;
    if (known[directive.type].includes(directive.name)) return;
    if (directive.type === 'textDirective' && directive.children.length === 0 && Object.keys(directive.attributes ?? {}).length === 0) return;
    const otherForm = (Object.keys(known) as (keyof typeof known)[]).find((form) => known[form].includes(directive.name));
    const guess = otherForm ? undefined : didYouMean(directive.name, [...known.leafDirective, ...known.textDirective]);
    const sentence = otherForm
      ? `"${directive.name}" is written ${written[otherForm]}${directive.name}${otherForm === 'leafDirective' ? ' on a line of its own.' : ' inside a sentence.'}`
      : guess
        ? `Did you mean "${guess}"?`
        : '';
    report(
      file,
      'unknown-directive',
      { directive: `${written[directive.type]}${directive.name}`, known: sentence },
      { place: directive.position?.start, ...(guess ? { expected: [guess] } : {}) },
    );
  });
};
