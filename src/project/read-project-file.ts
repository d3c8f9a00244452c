import path from 'node:path';
import { type ProjectConfig, projectSchema } from '../validate/schemas/project.js';
import { type ProjectTranslation, projectTranslationSchema } from '../validate/schemas/translation.js';
import { validateYaml } from '../validate/validate-yaml.js';
import { projectFileName } from './find-project.js';
import type { LoadContext } from './load-context.js';
import type { OrphanTranslation, YamlTranslation } from './project.js';
import type { SourceReader } from './read-sources.js';
import { findOrphans, readYamlTranslation, translationPath } from './read-translations.js';

/** Read and validate blueprints/project.yaml. Undefined when there is none (not a project). */
export function readProjectFile(reader: SourceReader): LoadContext['project'] | undefined {
  const file = reader.read(path.join(reader.root, projectFileName));
  if (!file) return undefined;
  const { parsed, config } = validateYaml(file, String(file.value), projectSchema, 'the project file');
  // A broken project file must not hide the other files' problems: go on with what can be read.
  const settled = config ?? fallbackConfig(parsed.value);
  const translations = new Map<string, YamlTranslation<ProjectTranslation>>();
  for (const lang of settled.languages.slice(1)) {
    const translated = readYamlTranslation(reader, translationPath(file.path as string, lang), projectTranslationSchema, 'the project translation');
    if (translated) translations.set(lang, translated);
  }
  return { file, parsed, valid: config, config: settled, translations };
}

/** Translations of project.yaml that nothing uses (#10). */
export function projectOrphans(reader: SourceReader, languages: string[]): OrphanTranslation[] {
  return findOrphans(path.join(reader.root, 'blueprints'), '.yaml', ['project.yaml'], languages, (source) => `there is no ${source} beside it`);
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
  };
}
