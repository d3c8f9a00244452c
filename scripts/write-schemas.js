// Writes schemas/*.schema.json from the zod schemas, so editors validate and autocomplete the YAML files
// (each names its schema on its first line). CI fails when these files drift from the code.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { blueprintSchema } from '../dist/validate/schemas/blueprint.js';
import { caseStudySchema } from '../dist/validate/schemas/case-study.js';
import { citySchema } from '../dist/validate/schemas/city.js';
import { projectSchema } from '../dist/validate/schemas/project.js';
import { themeSchema } from '../dist/validate/schemas/theme.js';
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
  blueprint: blueprintSchema,
  city: citySchema,
  'case-study': caseStudySchema,
  theme: themeSchema,
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
  writeFileSync(path.join(out, `${name}.schema.json`), `${JSON.stringify(json, null, 2)}\n`);
}
console.log(`wrote ${Object.keys(schemas).length} schemas to ${path.relative(process.cwd(), out) || '.'}/`);
