import type { VFile } from 'vfile';
import { Composer, type CST, Document, isAlias, isMap, isScalar, Lexer, LineCounter, type Node, Parser, visit, YAMLParseError } from 'yaml';
import { type Position, report } from '../diagnostics/messages.js';

export interface ParsedYaml {
  file: VFile;
  doc: Document;
  /** The plain data, or undefined when the YAML has syntax errors. */
  value: unknown;
  lineCounter: LineCounter;
  /** Lines before the YAML text in its file (front matter starts on line 2). */
  lineOffset: number;
}

/**
 * Nesting no YAML file of a project needs (theirs goes 6 deep). `yaml` builds documents recursively and gave
 * up on `[[[…]]]` about 1,000 deep with "Maximum call stack size exceeded", reported as a syntax error at a
 * place that depends on the stack's size (#9).
 */
const maxDepth = 64;

/** Parse YAML keeping positions, and report every syntax error at its line and column. */
export function parseYaml(file: VFile, text: string, lineOffset = 0): ParsedYaml {
  const read = readTokens(text, maxDepth);
  if ('tooDeep' in read) {
    const parsed: ParsedYaml = { file, doc: new Document(), value: undefined, lineCounter: read.lineCounter, lineOffset };
    report(
      file,
      'yaml-too-complex',
      { reason: `it nests more than ${maxDepth} levels deep` },
      { place: rangeToPosition(parsed, [read.tooDeep, read.tooDeep]) },
    );
    parsed.doc.errors.push(new YAMLParseError([read.tooDeep, read.tooDeep], 'RESOURCE_EXHAUSTION', 'too deep'));
    return parsed;
  }
  const { lineCounter } = read;
  const doc = composeFirst(read.tokens, text);
  const parsed: ParsedYaml = { file, doc, value: undefined, lineCounter, lineOffset };
  const seen = new Set<number>();
  for (const problem of doc.errors) {
    const [start, end] = problem.pos;
    // The parser often reports one slip several ways at the same place: say it once.
    if (seen.has(start)) continue;
    seen.add(start);
    const parserReason = problem.message.split('\n')[0] ?? problem.message;
    const place = rangeToPosition(parsed, [start, end]);
    // Only its start is read (#9: the patterns below must not take quadratic time on a line of megabytes).
    const line = (text.split('\n', place.start.line - lineOffset)[place.start.line - 1 - lineOffset] ?? '').slice(0, 1000);
    const { reason, fix } = plainSyntaxError(problem.code, parserReason, line);
    report(file, 'yaml-syntax', { reason, fix }, { place });
  }
  if (doc.errors.length > 0) return parsed;
  try {
    // An alias bomb (aliases of aliases of big lists) would expand to gigabytes: `yaml` stops it with
    // maxAliasCount and throws a ReferenceError, which must become a message, not a crash (#9).
    parsed.value = doc.toJS({ maxAliasCount: 100 });
  } catch (cause) {
    const alias = findFirstAlias(doc);
    report(
      file,
      'yaml-too-complex',
      { reason: (cause as Error).message.split('\n')[0] ?? 'too many aliases' },
      { place: alias ? rangeToPosition(parsed, alias) : { line: 1 + lineOffset, column: 1 } },
    );
    // The document is unusable: treat it as one with syntax errors.
    doc.errors.push(new YAMLParseError([0, 0], 'ALIAS_PROPS', 'too complex'));
  }
  return parsed;
}

/**
 * The text's tokens, read once by `yaml`'s own CST parser, which keeps nesting in an array rather than in
 * recursive calls; or where the text first nests deeper than `limit` (collections inside collections).
 */
function readTokens(text: string, limit: number): { tokens: CST.Token[]; lineCounter: LineCounter } | { tooDeep: number; lineCounter: LineCounter } {
  const lineCounter = new LineCounter();
  const parser = new Parser(lineCounter.addNewLine);
  lineCounter.addNewLine(0);
  const tokens: CST.Token[] = [];
  for (const lexeme of new Lexer().lex(text)) {
    const offset = parser.offset;
    for (const token of parser.next(lexeme)) tokens.push(token);
    // The stack holds the document and any scalar being read besides the collections.
    if (parser.stack.length > limit + 2) return { tooDeep: offset, lineCounter };
  }
  for (const token of parser.end()) tokens.push(token);
  return { tokens, lineCounter };
}

/** The first document of the tokens, as `parseDocument` composes it (#13: the text is lexed once, not twice). */
function composeFirst(tokens: CST.Token[], text: string): Document.Parsed {
  const composer = new Composer({ prettyErrors: false, uniqueKeys: true });
  let doc: Document.Parsed | undefined;
  for (const next of composer.compose(tokens, true, text.length)) {
    if (!doc) doc = next;
    else {
      doc.errors.push(
        new YAMLParseError([next.range[0], next.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'),
      );
      break;
    }
  }
  return doc as Document.Parsed;
}

/**
 * What a YAML parser error means, in words a policy officer uses, and how to fix it (the parser's own words
 * — "Nested mappings are not allowed in compact mappings" — name its grammar, not the slip). `line` is the
 * text of the line the error is at.
 */
function plainSyntaxError(code: string, parserReason: string, line: string): { reason: string; fix: string } {
  const indentation = 'Check the indentation: the keys of one mapping, and the items of one list, start in the same column, indented with spaces.';
  switch (code) {
    case 'DUPLICATE_KEY':
      return { reason: 'a key appears twice in the same mapping', fix: 'Each key may appear only once in a mapping: remove or rename one of them.' };
    case 'TAB_AS_INDENT':
      return { reason: 'a tab indents this line', fix: 'Indent with spaces, never tabs.' };
    case 'MISSING_CHAR':
      return { reason: parserReason, fix: 'Close the quote or bracket opened on this line, or check the indentation below it.' };
    case 'BAD_INDENT':
      return { reason: 'this line is not indented like the lines it belongs with', fix: indentation };
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      // `title: Language access: a guide` (a second ": " in a value), or a line indented too far.
      return /:\s.*:(\s|$)/.test(line)
        ? {
            reason: 'a value on this line holds ": ", which YAML reads as another key',
            fix: `Put the value in quotes: ${quotedLine(line)}`,
          }
        : {
            reason: 'the value on this line runs on into the next line',
            fix: `${indentation} Check the line below this one; a value that contains ": " needs quotes.`,
          };
    default:
      return { reason: parserReason, fix: 'Check quotes, colons and indentation on this line; values containing ": " or " #" need quotes.' };
  }
}

/** The line as it should be written, its value in double quotes from the first ": " (`title: "Language access: a guide"`). */
function quotedLine(line: string): string {
  // A line cut at its first 1,000 characters (see parseYaml) would be shown cut: give the example instead.
  const match = line.length < 1000 ? /^\s*(-\s+)?([^:#]+?):\s+(.*?)\s*$/.exec(line) : null;
  if (!match) return 'e.g. title: "Language access: a guide".';
  const value = (match[3] ?? '').replaceAll('\\', '\\\\').replaceAll('"', '\\"');
  return `${match[1] ?? ''}${match[2]}: "${value}".`;
}

export function rangeToPosition(parsed: ParsedYaml, range: readonly number[]): Position {
  const [startOffset = 0, endOffset = startOffset] = range;
  const start = parsed.lineCounter.linePos(startOffset);
  const end = parsed.lineCounter.linePos(endOffset);
  return {
    start: { line: start.line + parsed.lineOffset, column: start.col },
    end: { line: end.line + parsed.lineOffset, column: end.col },
  };
}

/** Position of a node, or of the document start when the node has no range. */
export function nodePosition(parsed: ParsedYaml, node: Node | null | undefined): Position {
  if (node?.range) return rangeToPosition(parsed, [node.range[0], node.range[1]]);
  const contents = parsed.doc.contents as Node | null;
  if (contents?.range) return rangeToPosition(parsed, [contents.range[0], contents.range[0]]);
  return { start: { line: 1 + parsed.lineOffset, column: 1 } };
}

/** The node at a data path (keys and indexes), or the nearest existing ancestor. */
export function nodeAt(parsed: ParsedYaml, path: readonly PropertyKey[]): { node: Node | undefined; exact: boolean } {
  let node = parsed.doc.contents as Node | null | undefined;
  for (let i = 0; i < path.length; i++) {
    const next = node ? (parsed.doc.getIn(path.slice(0, i + 1) as unknown[], true) as Node | undefined) : undefined;
    if (!next) return { node: node ?? undefined, exact: false };
    node = next;
  }
  return { node: node ?? undefined, exact: true };
}

/** Position of a mapping key, e.g. for "unknown key" messages. */
export function keyPosition(parsed: ParsedYaml, mapPath: readonly PropertyKey[], key: string): Position | undefined {
  const map = mapPath.length === 0 ? parsed.doc.contents : parsed.doc.getIn(mapPath as unknown[], true);
  if (!isMap(map)) return undefined;
  const pair = map.items.find((p) => isScalar(p.key) && p.key.value === key);
  return pair && isScalar(pair.key) ? nodePosition(parsed, pair.key) : undefined;
}

/** Range of the first alias (`*name`) in a document, to point an alias-bomb message at. */
function findFirstAlias(doc: Document): [number, number] | undefined {
  let found: [number, number] | undefined;
  visit(doc, {
    Alias(_, node) {
      if (isAlias(node) && node.range) {
        found = [node.range[0], node.range[1]];
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}
