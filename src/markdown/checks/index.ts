import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { checkAttributeLists } from './check-attribute-lists.js';
import { checkDirectives } from './check-directives.js';
import { checkEmptySections } from './check-empty-sections.js';
import { checkFootnotes } from './check-footnotes.js';
import { checkFrontMatter, checkFrontMatterClosed } from './check-front-matter.js';
import { checkHeadingLevels } from './check-heading-levels.js';
import { checkImageAlt } from './check-image-alt.js';
import { checkTemplateTags } from './check-template-tags.js';
import { checkTodoMarkers } from './check-todo-markers.js';
import type { MarkdownCheck, SourceKind } from './markdown-check.js';

export type { SourceKind } from './markdown-check.js';

/** Every check of a Markdown source, in this order (#13). */
export const markdownChecks: MarkdownCheck[] = [
  checkFootnotes,
  checkTemplateTags,
  checkAttributeLists,
  checkDirectives,
  checkFrontMatterClosed,
  checkFrontMatter,
  checkImageAlt,
  checkHeadingLevels,
  checkEmptySections,
  checkTodoMarkers,
];

/** Run every check on one parsed source; messages land on `file`. */
export function checkMarkdown(tree: Root, file: VFile, kind: SourceKind): void {
  for (const check of markdownChecks) check(tree, file, { kind });
}
