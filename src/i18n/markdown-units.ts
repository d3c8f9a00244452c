import type { Nodes, Parent, Root, RootContent } from 'mdast';

/**
 * The translatable text of a Markdown file, as XLIFF sees it (#10): one unit per heading, paragraph or
 * table cell (a list item's or footnote's text is its paragraphs), each the exact slice of the file
 * between its first and last inline node. Everything around the units (front matter, `::case-study`
 * lines, list markers, table pipes, footnote labels, code blocks, raw HTML blocks) stays outside the text,
 * so a translator cannot break it; inside a unit, Markdown syntax is an inline code.
 */

/** Inline content: text a translator edits, and codes that stand for Markdown they must keep. */
export type Inline =
  | { type: 'text'; value: string }
  /** A code that stands alone: `:city[name]`, `[^note]`, `` `code` ``, `<br>`, an image, an escape. */
  | { type: 'ph'; id: string; data: string; disp?: string }
  /** A code around text: emphasis, strong, strikethrough, a link (`[` … `](url "title")`). */
  | { type: 'pc'; id: string; open: string; close: string; children: Inline[] };

export interface MarkdownUnit {
  id: string;
  /** What the block is (`heading-2`, `paragraph`, `cell`): the structure two files must share to align. */
  kind: string;
  /** Offsets of the unit's text in the file. */
  start: number;
  end: number;
  content: Inline[];
}

/** Nodes whose content a translator edits as one unit. */
const unitKinds = new Set(['heading', 'paragraph', 'tableCell']);
/** Nodes whose children are blocks (looked into for units). */
const containers = new Set(['blockquote', 'list', 'listItem', 'footnoteDefinition', 'containerDirective', 'table', 'tableRow']);
/** Inline nodes whose children are text a translator edits, between an opening and a closing code. */
const paired = new Set(['emphasis', 'strong', 'delete', 'link', 'linkReference']);

/** The units of a parsed Markdown file, in document order, with ids `b1`, `b2`, … */
export function markdownUnits(text: string, tree: Root): MarkdownUnit[] {
  const units: MarkdownUnit[] = [];
  const visit = (node: Nodes, path: string) => {
    if (unitKinds.has(node.type)) {
      const children = (node as Parent).children;
      const first = children[0]?.position?.start.offset;
      const last = children.at(-1)?.position?.end.offset;
      if (first === undefined || last === undefined || first === last) return;
      const kind = node.type === 'heading' ? `heading-${node.depth}` : node.type === 'tableCell' ? 'cell' : 'paragraph';
      const codes = { next: 1 };
      const content = inline(text, children as RootContent[], first, last, codes);
      if (node.type === 'heading') splitHeadingId(content, codes);
      units.push({ id: `b${units.length + 1}`, kind: `${path}${kind}`, start: first, end: last, content });
      return;
    }
    if (node.type === 'root' || containers.has(node.type)) {
      const inner = node.type === 'root' ? '' : `${path}${node.type}/`;
      for (const child of (node as Parent).children) visit(child as Nodes, inner);
    }
  };
  visit(tree, '');
  return units;
}

function inline(text: string, nodes: RootContent[], start: number, end: number, codes: { next: number }): Inline[] {
  const out: Inline[] = [];
  const addText = (from: number, to: number) => {
    if (to > from) out.push(...escapes(text.slice(from, to), codes));
  };
  let cursor = start;
  for (const node of nodes) {
    const from = node.position?.start.offset ?? cursor;
    const to = node.position?.end.offset ?? from;
    addText(cursor, from);
    const children = 'children' in node ? (node.children as RootContent[]) : [];
    const innerStart = children[0]?.position?.start.offset;
    const innerEnd = children.at(-1)?.position?.end.offset;
    if (node.type === 'text') {
      addText(from, to);
    } else if (paired.has(node.type) && innerStart !== undefined && innerEnd !== undefined && innerStart > from) {
      const id = String(codes.next++);
      out.push({
        type: 'pc',
        id,
        open: text.slice(from, innerStart),
        close: text.slice(innerEnd, to),
        children: inline(text, children, innerStart, innerEnd, codes),
      });
    } else {
      out.push({ type: 'ph', id: String(codes.next++), data: text.slice(from, to) });
    }
    cursor = to;
  }
  addText(cursor, end);
  return merge(out);
}

/** Backslash escapes and character references in text are codes too: a translator sees the character. */
function escapes(raw: string, codes: { next: number }): Inline[] {
  const out: Inline[] = [];
  const pattern = /\\[!-/:-@[-`{-~]|&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/g;
  let last = 0;
  for (const match of raw.matchAll(pattern)) {
    const at = match.index ?? 0;
    if (at > last) out.push({ type: 'text', value: raw.slice(last, at) });
    out.push({ type: 'ph', id: String(codes.next++), data: match[0], ...(match[0].startsWith('\\') ? { disp: match[0].slice(1) } : {}) });
    last = at + match[0].length;
  }
  if (last < raw.length) out.push({ type: 'text', value: raw.slice(last) });
  return out;
}

/** A heading's explicit id (`## Budget {#budget}`) is a code, not words to translate. */
function splitHeadingId(content: Inline[], codes: { next: number }) {
  const last = content.at(-1);
  if (last?.type !== 'text') return;
  const match = /[ \t]+\{#[A-Za-z0-9_-]+\}[ \t]*$/.exec(last.value);
  if (!match) return;
  last.value = last.value.slice(0, match.index);
  if (!last.value) content.pop();
  content.push({ type: 'ph', id: String(codes.next++), data: match[0] });
}

function merge(items: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const item of items) {
    const previous = out.at(-1);
    if (item.type === 'text' && previous?.type === 'text') previous.value += item.value;
    else out.push(item);
  }
  return out;
}

/** The Markdown an inline sequence stands for (codes by their data). */
export function inlineToMarkdown(content: Inline[]): string {
  return content
    .map((item) => (item.type === 'text' ? item.value : item.type === 'ph' ? item.data : `${item.open}${inlineToMarkdown(item.children)}${item.close}`))
    .join('');
}

/** Every code of an inline sequence, in document order (a pair before what it holds). */
export function codesOf(content: Inline[]): Exclude<Inline, { type: 'text' }>[] {
  return content.flatMap((item) => (item.type === 'text' ? [] : item.type === 'ph' ? [item] : [item, ...codesOf(item.children)]));
}

/**
 * A translation's unit with its codes renumbered after the source's (#10): each code takes the id of the
 * first unused source code with the same Markdown. Undefined when a code of either has no partner: the
 * translator would have to add or drop a code, which the import refuses.
 */
export function alignCodes(source: Inline[], translation: Inline[]): Inline[] | undefined {
  const free = codesOf(source);
  const key = (code: Exclude<Inline, { type: 'text' }>) => (code.type === 'ph' ? `ph\u0000${code.data}` : `pc\u0000${code.open}\u0000${code.close}`);
  let ok = true;
  const renumber = (items: Inline[]): Inline[] =>
    items.map((item) => {
      if (item.type === 'text') return item;
      const at = free.findIndex((code) => key(code) === key(item));
      if (at < 0) {
        ok = false;
        return item;
      }
      const [partner] = free.splice(at, 1);
      const id = (partner as { id: string }).id;
      return item.type === 'ph' ? { ...item, id } : { ...item, id, children: renumber(item.children) };
    });
  const result = renumber(translation);
  return ok && free.length === 0 ? result : undefined;
}
