import type { VFile } from 'vfile';
import type { z } from 'zod';
import type { SourceCache } from '../project/source-cache.js';
import { checkSchema } from './check-schema.js';
import { type ParsedYaml, parseYaml } from './parse-yaml.js';

/** Parse a YAML source (or front matter, `lineOffset` lines into its file) and check it against its schema. */
export function validateYaml<S extends z.ZodType>(
  file: VFile,
  text: string,
  schema: S,
  what: string,
  lineOffset = 0,
  cache?: SourceCache,
): { parsed: ParsedYaml; config: z.infer<S> | undefined } {
  // #13: the preview validates again only what changed.
  const key = `${what}\n${lineOffset}`;
  const cached = cache?.getYaml(file, key, text);
  if (cached) return cached as { parsed: ParsedYaml; config: z.infer<S> | undefined };
  const before = file.messages.length;
  const parsed = parseYaml(file, text, lineOffset);
  const result = { parsed, config: checkSchema(parsed, schema, what) };
  cache?.setYaml(file, key, text, result, file.messages.slice(before));
  return result;
}
