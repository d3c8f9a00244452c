// Writes schemas/*.schema.json from the zod schemas, so editors validate and autocomplete the YAML files
// (each names its schema on its first line). CI fails when these files drift from the code.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { blueprintSchema } from '../dist/validate/schemas/blueprint.js';
import { caseStudySchema } from '../dist/validate/schemas/case-study.js';
import { citySchema } from '../dist/validate/schemas/city.js';
import { forkSchema } from '../dist/validate/schemas/fork.js';
import { projectSchema } from '../dist/validate/schemas/project.js';
import { themeFileSchema } from '../dist/validate/schemas/theme.js';
import {
  blueprintTranslationSchema,
  cityTranslationSchema,
  markdownTranslationSchema,
  projectTranslationSchema,
} from '../dist/validate/schemas/translation.js';

const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'schemas');
mkdirSync(out, { recursive: true });
const schemas = {
  project: projectSchema,
  fork: forkSchema,
  blueprint: blueprintSchema,
  city: citySchema,
  'case-study': caseStudySchema,
  theme: themeFileSchema,
  // #10: translations next to their sources: blueprint.es.yaml, city.es.yaml, project.es.yaml, and the
  // front matter of 01-why.es.md and <slot>.es.md.
  'project-translation': projectTranslationSchema,
  'blueprint-translation': blueprintTranslationSchema,
  'city-translation': cityTranslationSchema,
  'markdown-translation': markdownTranslationSchema,
};
for (const [name, schema] of Object.entries(schemas)) {
  const json = z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12' });
  json.$id = `https://blueprints-toolkit.example/schemas/${name}.schema.json`;
  json.title = name;
  // #11: a stub may lack year and sources; a written case study may not (zod says so in a refinement,
  // which JSON Schema cannot express on its own).
  if (name === 'case-study') {
    json.if = { not: { properties: { status: { const: 'stub' } }, required: ['status'] } };
    // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then, written to a file, never awaited.
    json.then = { required: ['year', 'sources'], properties: { sources: { minItems: 1 } } };
  }
  writeFileSync(path.join(out, `${name}.schema.json`), `${JSON.stringify(json, null, 2)}\n`);
}
console.log(`wrote ${Object.keys(schemas).length} schemas to ${path.relative(process.cwd(), out) || '.'}/`);
