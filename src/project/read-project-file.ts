import path from 'node:path';
import { type ProjectConfig, projectSchema } from '../validate/schemas/project.js';
import { validateYaml } from '../validate/validate-yaml.js';
import { projectFileName } from './find-project.js';
import type { LoadContext } from './load-context.js';
import type { SourceReader } from './read-sources.js';

/** Read and validate blueprints/project.yaml. Undefined when there is none (not a project). */
export function readProjectFile(reader: SourceReader): LoadContext['project'] | undefined {
  const file = reader.read(path.join(reader.root, projectFileName));
  if (!file) return undefined;
  const { parsed, config } = validateYaml(file, String(file.value), projectSchema, 'the project file', 0, reader.cache);
  // A broken project file must not hide the other files' problems: go on with what can be read.
  return { file, parsed, valid: config, config: config ?? fallbackConfig(parsed.value) };
}

/** What can be used of an invalid project file, so the rest of the project is still checked. */
function fallbackConfig(value: unknown): ProjectConfig {
  const raw = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  const languages = strings(raw.languages);
  return {
    title: typeof raw.title === 'string' ? raw.title : '',
    default_city: typeof raw.default_city === 'string' ? raw.default_city : '',
    default_theme: typeof raw.default_theme === 'string' ? raw.default_theme : 'default',
    languages: languages.length ? languages : ['en'],
    paper: 'letter',
    blueprints: strings(raw.blueprints),
    fallback: strings(raw.fallback),
    required_parts: [],
    output: '{city}/{lang}/{blueprint}',
    reading_grade: 9,
  };
}
