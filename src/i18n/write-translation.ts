import path from 'node:path';
import { Document, isScalar, parseDocument, stringify } from 'yaml';
import type { ImportedFile } from './read-xliff.js';

/**
 * The text of a translation file from an imported XLIFF `<file>` (#10). An existing translation is
 * edited in place: each unit's text replaces the slice it came from, and YAML values are replaced where
 * they stand, so an import of an unedited extract gives back the file byte for byte (comments, quoting,
 * folded lines and all). Without a translation (or one whose blocks do not match its source), the
 * translation is built from the source's text. `translation.source` is the hash the file was extracted
 * from; `review` is `reviewed` when every segment was reviewed or final.
 */
export function translationText(imported: ImportedFile, root: string): string {
  const { source, values } = imported;
  const meta = { source: source.sourceHash, review: imported.reviewed ? 'reviewed' : 'draft' };
  const entries: [string[], string | undefined][] = [
    [['translation', 'source'], meta.source],
    [['translation', 'review'], meta.review],
    ...source.units.filter((unit) => unit.key).map((unit): [string[], string | undefined] => [unit.key as string[], values.get(unit.id)]),
  ];
  if (source.kind !== 'section' && source.kind !== 'case-study') {
    if (source.existing) return editYaml(source.existing.text, entries);
    const schema = path
      .relative(path.dirname(source.translationPath), path.join(root, 'schemas', `${source.kind}-translation.schema.json`))
      .split(path.sep)
      .join('/');
    return `# yaml-language-server: $schema=${schema}\n${newYaml(entries)}`;
  }
  const blocks = source.units.filter((unit) => unit.span);
  const aligned = source.existing?.units;
  let text = aligned ? (source.existing?.text as string) : source.sourceText;
  const spans = blocks.map((unit, index) => ({
    unit,
    span: aligned ? (aligned[index] as { start: number; end: number }) : (unit.span as { start: number; end: number }),
  }));
  for (const { unit, span } of spans.sort((a, b) => b.span.start - a.span.start)) {
    const value = values.get(unit.id) ?? '';
    text = `${text.slice(0, span.start)}${value}${text.slice(span.end)}`;
  }
  const front = frontMatter.exec(text);
  if (aligned && front) return `${front[1]}${editYaml(front[2] as string, entries)}${front[3]}${text.slice(front[0].length)}`;
  const body = front ? text.slice(front[0].length) : text;
  return `---\n${newYaml(entries)}---\n${body}`;
}

/** A file's front matter: the opening line, the YAML, the closing line. */
const frontMatter = /^(---[ \t]*\r?\n)((?:[^\n]*\n)*?)(---[ \t]*(?:\r?\n|$))/;

/**
 * Set values in YAML text. A value that changed replaces its scalar where it stands; when keys must be
 * added or removed, the document is edited as a whole (comments kept, layout yaml's own).
 */
function editYaml(text: string, entries: [string[], string | undefined][]): string {
  const doc = parseDocument(text);
  const replacements: { start: number; end: number; value: string }[] = [];
  let structural = false;
  for (const [key, value] of entries) {
    const node = doc.getIn(key, true);
    if (value === undefined) {
      if (node !== undefined) structural = true;
      continue;
    }
    if (!isScalar(node) || !node.range) {
      structural = true;
      continue;
    }
    if (node.value === value) continue;
    replacements.push({ start: node.range[0], end: node.range[1], value: scalar(value) });
  }
  if (structural) {
    for (const [key, value] of entries) {
      if (value === undefined) doc.deleteIn(key);
      else doc.setIn(key, value);
    }
    return doc.toString({ lineWidth: 0 });
  }
  let out = text;
  for (const { start, end, value } of replacements.sort((a, b) => b.start - a.start)) out = `${out.slice(0, start)}${value}${out.slice(end)}`;
  return out;
}

/** A value as a YAML scalar on one line: plain when that reads back the same, else double-quoted. */
function scalar(value: string): string {
  const plain = stringify(value, { lineWidth: 0 }).replace(/\n$/, '');
  return plain.includes('\n') ? JSON.stringify(value) : plain;
}

function newYaml(entries: [string[], string | undefined][]): string {
  const doc = new Document({});
  for (const [key, value] of entries) if (value !== undefined) doc.setIn(key, value);
  return doc.toString({ lineWidth: 0 });
}
