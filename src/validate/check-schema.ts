import type { z } from 'zod';
import { report, suggestion } from '../diagnostics/messages.js';
import { keyPosition, nodeAt, nodePosition, type ParsedYaml } from './parse-yaml.js';

type AnySchema = z.ZodType;
interface Def {
  type: string;
  shape?: Record<string, AnySchema>;
  element?: AnySchema;
  innerType?: AnySchema;
  valueType?: AnySchema;
}
const defOf = (schema: AnySchema) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The object keys a schema allows at a data path, for did-you-mean on unknown keys. */
function keysAt(schema: AnySchema, path: readonly PropertyKey[]): string[] {
  let current: AnySchema | undefined = schema;
  let index = 0;
  while (current) {
    const def = defOf(current);
    if (def.innerType) {
      current = def.innerType;
      continue;
    }
    if (index === path.length) return def.shape ? Object.keys(def.shape) : [];
    const step = path[index++];
    if (def.type === 'object' && def.shape) current = def.shape[String(step)];
    else if (def.type === 'array') current = def.element;
    else if (def.type === 'record') current = def.valueType;
    else return [];
  }
  return [];
}

const describePath = (path: readonly PropertyKey[]) => path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('');

function typeName(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `the ${typeof value} ${JSON.stringify(value)}`;
}

/**
 * Validate parsed YAML against a strict schema and report every problem at the YAML node it is about
 * (not at line 1), with a did-you-mean for misspelled keys. Returns the typed data when valid.
 */
export function checkSchema<S extends AnySchema>(parsed: ParsedYaml, schema: S, what: string): z.infer<S> | undefined {
  if (parsed.doc.errors.length > 0) return undefined;
  const value = parsed.value ?? {};
  const result = schema.safeParse(value);
  if (result.success) return result.data as z.infer<S>;
  for (const issue of result.error.issues) {
    const path = issue.path;
    if (issue.code === 'unrecognized_keys') {
      const known = keysAt(schema, path);
      for (const key of issue.keys) {
        const { known: knownText, expected } = suggestion(key, known, `keys here`);
        report(
          parsed.file,
          'unknown-key',
          { key, what, known: knownText },
          { place: keyPosition(parsed, path, key) ?? nodePosition(parsed, nodeAt(parsed, path).node), expected },
        );
      }
      continue;
    }
    const { node, exact } = nodeAt(parsed, path);
    const field = describePath(path);
    if (!exact) {
      const under = path.length > 1 ? describePath(path.slice(0, -1)) : '';
      report(parsed.file, 'missing-key', { key: String(path.at(-1)), what, under }, { place: nodePosition(parsed, node) });
      continue;
    }
    const actual = node && 'toJSON' in node ? (node as { toJSON(): unknown }).toJSON() : undefined;
    let hint = `Correct "${field}" in ${what}.`;
    if (issue.code === 'invalid_type') hint = `"${field}" must be ${expectedName(issue.expected)}; it is ${typeName(actual)}.`;
    if (issue.code === 'invalid_value' && 'values' in issue) hint = `Use one of: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}.`;
    if (issue.code === 'invalid_union' && typeof actual === 'string' && /^(yes|no|on|off)$/i.test(actual))
      hint = `YAML 1.2 reads ${actual} as text; write true or false.`;
    // `primary: #0f5e55`: YAML reads from the # on as a comment, so the value is empty.
    const comment = actual == null ? commentedValue(parsed, node) : undefined;
    if (comment) hint = `In YAML a # starts a comment, so "${field}" is empty: put the value in quotes, e.g. ${String(path.at(-1))}: "${comment}".`;
    report(parsed.file, 'wrong-type', { field, what, detail: issue.message, fix: hint }, { place: nodePosition(parsed, node) });
  }
  return undefined;
}

function expectedName(expected: string): string {
  switch (expected) {
    case 'string':
      return 'text';
    case 'number':
      return 'a number';
    case 'array':
      return 'a list (lines starting with "- ")';
    case 'object':
      return 'a mapping (indented "key: value" lines)';
    default:
      return expected;
  }
}

/** The text after `key: #` on the line of an empty value: what the author meant as its value. */
function commentedValue(parsed: ParsedYaml, node: Parameters<typeof nodePosition>[1]): string | undefined {
  const line = nodePosition(parsed, node)?.start.line;
  if (!line) return undefined;
  const text = String(parsed.file.value).split('\n')[line - 1] ?? '';
  return /:\s+(#[^\s#]*)/.exec(text)?.[1];
}
