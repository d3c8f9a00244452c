import type { VFile } from 'vfile';
import type { z } from 'zod';
import { checkSchema } from './check-schema.js';
import { type ParsedYaml, parseYaml } from './parse-yaml.js';

/** Parse a YAML source (or front matter, `lineOffset` lines into its file) and check it against its schema. */
export function validateYaml<S extends z.ZodType>(
  file: VFile,
  text: string,
  schema: S,
  what: string,
  lineOffset = 0,
): { parsed: ParsedYaml; config: z.infer<S> | undefined } {
  const parsed = parseYaml(file, text, lineOffset);
  return { parsed, config: checkSchema(parsed, schema, what) };
}
