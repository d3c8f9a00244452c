import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { location } from 'vfile-location';
import type { Place } from '../../diagnostics/messages.js';
import { visit } from '../visit-tree.js';

/** Where a match of a pattern is in a source file. */
export interface SourceMatch {
  text: string;
  /** Capture groups of the pattern. */
  groups: (string | undefined)[];
  start: Place;
  end: Place;
}

/** Nodes whose text is printed as written (code) or is not text at all (front matter). */
const literalTypes = new Set(['code', 'inlineCode', 'yaml', 'math', 'inlineMath']);

/**
 * Every match of `pattern` (global) in the source text of `file`, outside code and front matter, with its
 * line and column (#13). Checks for syntax the parser did not understand (template tags, kramdown
 * attributes) must read the source itself: such text can sit in a paragraph, a link address or raw HTML.
 */
export function matchSource(file: VFile, tree: Root, pattern: RegExp): SourceMatch[] {
  const text = String(file.value);
  const skipped: [number, number][] = [];
  visit(tree, (node) => {
    if (literalTypes.has(node.type) && node.position?.start.offset !== undefined && node.position.end.offset !== undefined)
      skipped.push([node.position.start.offset, node.position.end.offset]);
  });
  const place = location(file);
  const matches: SourceMatch[] = [];
  for (const match of text.matchAll(pattern)) {
    const from = match.index ?? 0;
    const to = from + match[0].length;
    if (skipped.some(([a, b]) => from < b && to > a)) continue;
    const start = place.toPoint(from);
    const end = place.toPoint(to);
    if (!start || !end) continue;
    matches.push({ text: match[0], groups: match.slice(1), start: { line: start.line, column: start.column }, end: { line: end.line, column: end.column } });
  }
  return matches;
}

/**
 * The place of the `nth` (1-based) `needle` inside a node's source range: text nodes lose escapes and
 * entities, so the offset within the node's value is not the offset within the file.
 */
export function placeInNode(file: VFile, node: { position?: { start: { offset?: number }; end: { offset?: number } } }, needle: string, nth = 1) {
  const from = node.position?.start.offset;
  const to = node.position?.end.offset;
  if (from === undefined || to === undefined) return undefined;
  const slice = String(file.value).slice(from, to);
  let index = -1;
  for (let k = 0; k < nth; k++) {
    index = slice.indexOf(needle, index + 1);
    if (index < 0) return undefined;
  }
  const place = location(file);
  const start = place.toPoint(from + index);
  const end = place.toPoint(from + index + needle.length);
  return start && end ? { start: { line: start.line, column: start.column }, end: { line: end.line, column: end.column } } : undefined;
}
