import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { type Place, report } from '../diagnostics/messages.js';

/**
 * #9: some Markdown costs far more to render than its size suggests. The parser (micromark) copies all of a
 * file's events each time a list item or quote closes, walks back over the unmatched `*`, `_` and `[` of a
 * paragraph for each new one, and looks each footnote up in a list; the stages after it recurse once per
 * level of nesting. A 10,000-deep list or quote overflowed the stack, and 100,000 footnotes or 50,000
 * unclosed `*` ran for minutes. Each limit is 13 to 35 times the largest value in the shipped guides (in
 * brackets), and a file at a limit costs about what 20 kB of ordinary prose does.
 */
export const markdownLimits = {
  /** Lists, quotes and footnote definitions inside each other, on one line (2). */
  depth: 32,
  /** List items, quote markers and footnote definitions in one file (19). */
  containers: 500,
  /** `:::name` container directives in one file (0): they nest without indentation. */
  directives: 32,
  /** Footnote references and definitions in one file (29). */
  footnotes: 1000,
  /** Emphasis marks, brackets and backticks in one paragraph (76). */
  marksPerParagraph: 1000,
  /** The same in one file (114). */
  marksPerFile: 3000,
  /** Raw HTML elements left open (0): an unclosed one takes in everything after it. */
  htmlDepth: 32,
  /** Nodes inside each other in the parsed tree (6), far below what the recursive stages can take (~1,000). */
  treeDepth: 128,
} as const;

/** Elements without content, and elements whose start tag closes an open one of their kind: neither nests. */
const notNesting = new Set([
  ...['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr'],
  ...['p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'option', 'optgroup', 'colgroup', 'rb', 'rt', 'rtc', 'rp'],
]);

const tooManyNotes = 'too many footnote references and definitions in one file';

/**
 * Scan a Markdown source before it is parsed, in one linear pass. At the first place past a limit, report
 * `markdown-too-complex` there and return false: the caller must not parse the file.
 *
 * The scan overestimates rather than misses: nesting is counted from each line's own markers and indentation
 * (a list level needs at least two columns, so a line indented by n columns is at most n/2 levels deep,
 * whatever lazy lines came before); a paragraph is the text between blank lines; an HTML end tag counts only
 * when it closes the element opened last.
 */
export function checkMarkdownLimits(file: VFile): boolean {
  // Sticky patterns, tried at one index; made per call, since they keep state (lastIndex).
  const listMarker = /(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$)/y;
  const footnoteStart = /\[\^[^\]\s]{1,999}\]:/y;
  const containerDirective = /:{3,}[A-Za-z]/y;
  const startTag = /<[A-Za-z][A-Za-z0-9-]*(?=[\s/>]|$)/y;
  const endTag = /<\/[A-Za-z][A-Za-z0-9-]*(?=[\s/>]|$)/y;
  const countsFrom = /[*_~[\]`<]/g;
  const lines = String(file.value).split(/\r\n|\r|\n/);
  let containers = 0;
  let directives = 0;
  let footnotes = 0;
  let paragraphMarks = 0;
  let fileMarks = 0;
  const openHtml: string[] = [];
  const tooComplex = (what: string, limit: number, place: Place) => {
    report(file, 'markdown-too-complex', { what, limit }, { place });
    return false;
  };

  for (const [index, line] of lines.entries()) {
    const at = (i: number): Place => ({ line: index + 1, column: i + 1 });
    // The line's container prefix: quote markers, list markers, footnote definitions, and indentation.
    let i = 0;
    let columns = 0;
    let markers = 0;
    let quotesOnly = true;
    for (;;) {
      const char = line[i];
      if (char === ' ' || char === '\t') {
        columns += char === '\t' ? 4 - (columns % 4) : 1;
        i++;
        continue;
      }
      const start = i;
      if (char === '>') i++;
      else if (matchAt(listMarker, line, i)) i = listMarker.lastIndex;
      else if (matchAt(footnoteStart, line, i)) {
        i = footnoteStart.lastIndex;
        if (++footnotes > markdownLimits.footnotes) return tooComplex(tooManyNotes, markdownLimits.footnotes, at(start));
      } else break;
      if (char !== '>') quotesOnly = false;
      markers++;
      containers++;
      // The one space that belongs to the marker is not indentation.
      if (line[i] === ' ' || line[i] === '\t') i++;
      if (markers + Math.floor(columns / 2) > markdownLimits.depth)
        return tooComplex(`lists and quotes nested ${markers + Math.floor(columns / 2)} levels deep`, markdownLimits.depth, at(start));
      if (containers > markdownLimits.containers) return tooComplex('too many list items and quoted lines in one file', markdownLimits.containers, at(start));
    }
    if (i === line.length && quotesOnly) {
      // A blank line (inside quotes or not) ends the paragraph.
      paragraphMarks = 0;
      continue;
    }
    const depth = markers + Math.floor(columns / 2);
    if (depth > markdownLimits.depth) return tooComplex(`lists and quotes nested ${depth} levels deep`, markdownLimits.depth, at(i));
    if (matchAt(containerDirective, line, i) && ++directives > markdownLimits.directives)
      return tooComplex('too many ::: container directives in one file', markdownLimits.directives, at(i));

    // #13: from one character that counts (a mark or `<`) to the next, not through every character
    // (a match of one character leaves lastIndex just after it).
    for (countsFrom.lastIndex = i; countsFrom.test(line); ) {
      i = countsFrom.lastIndex - 1;
      const char = line[i] as string;
      if (char !== '<') {
        if (char === '[' && line[i + 1] === '^' && ++footnotes > markdownLimits.footnotes) return tooComplex(tooManyNotes, markdownLimits.footnotes, at(i));
        if (++paragraphMarks > markdownLimits.marksPerParagraph)
          return tooComplex('too many emphasis marks, brackets and backticks (* _ ~ [ ] `) in one paragraph', markdownLimits.marksPerParagraph, at(i));
        if (++fileMarks > markdownLimits.marksPerFile)
          return tooComplex('too many emphasis marks, brackets and backticks (* _ ~ [ ] `) in one file', markdownLimits.marksPerFile, at(i));
      } else {
        if (matchAt(startTag, line, i)) {
          const name = line.slice(i + 1, startTag.lastIndex).toLowerCase();
          if (notNesting.has(name)) continue;
          openHtml.push(name);
          if (openHtml.length > markdownLimits.htmlDepth)
            return tooComplex(`raw HTML elements nested ${openHtml.length} deep`, markdownLimits.htmlDepth, at(i));
        } else if (matchAt(endTag, line, i) && openHtml.at(-1) === line.slice(i + 2, endTag.lastIndex).toLowerCase()) openHtml.pop();
      }
    }
  }
  return true;
}

/**
 * The parsed tree's depth, without recursion: a backstop for the stages after the parser (remark-rehype,
 * the sanitizer, the serializer, copyTree), which recurse once per level. Reports at the first node
 * past the limit and returns false.
 */
export function checkTreeDepth(tree: Root, file: VFile): boolean {
  const stack: [node: Root | Root['children'][number], depth: number][] = [[tree, 0]];
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    const [node, depth] = entry;
    if (depth > markdownLimits.treeDepth) {
      const place = node.position?.start;
      report(file, 'markdown-too-complex', { what: `text nested ${depth} levels deep`, limit: markdownLimits.treeDepth }, place ? { place } : {});
      return false;
    }
    if ('children' in node) for (let k = node.children.length - 1; k >= 0; k--) stack.push([node.children[k] as Root['children'][number], depth + 1]);
  }
  return true;
}

function matchAt(pattern: RegExp, text: string, index: number): boolean {
  pattern.lastIndex = index;
  return pattern.test(text);
}
