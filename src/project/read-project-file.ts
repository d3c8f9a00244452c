import path from 'node:path';
import { type ForkConfig, forkFileName, forkSchema } from '../validate/schemas/fork.js';
import { type ProjectConfig, projectSchema } from '../validate/schemas/project.js';
import { type ProjectTranslation, projectTranslationSchema } from '../validate/schemas/translation.js';
import { validateYaml } from '../validate/validate-yaml.js';
import { projectFileName } from './find-project.js';
import type { LoadContext } from './load-context.js';
import type { OrphanTranslation, YamlTranslation } from './project.js';
import type { SourceReader } from './read-sources.js';
import { findOrphans, readYamlTranslation, translationPath } from './read-translations.js';

/**
 * Read and validate blueprints/project.yaml and, when the project is a fork that has one,
 * blueprints/fork.yaml (#11), whose settings win. Undefined when there is no project file (not a project).
 */
export function readProjectFile(reader: SourceReader): LoadContext['project'] | undefined {
  const file = reader.read(path.join(reader.root, projectFileName));
  if (!file) return undefined;
  const { parsed, config } = validateYaml(file, String(file.value), projectSchema, 'the project file', 0, reader.cache);
  // A broken project file must not hide the other files' problems: go on with what can be read.
  const own = config ?? fallbackConfig(parsed.value);
  const forkFile = reader.read(path.join(reader.root, 'blueprints', forkFileName));
  // #10: project.<lang>.yaml translates the project's titles in each language the settings (fork's included) list.
  const readTranslations = (settled: ProjectConfig) => {
    const translations = new Map<string, YamlTranslation<ProjectTranslation>>();
    for (const lang of settled.languages.slice(1)) {
      const translated = readYamlTranslation(reader, translationPath(file.path as string, lang), projectTranslationSchema, 'the project translation');
      if (translated) translations.set(lang, translated);
    }
    return translations;
  };
  if (!forkFile) return { file, parsed, valid: config, config: own, translations: readTranslations(own), ownLanguages: own.languages };
  const fork = validateYaml(forkFile, String(forkFile.value), forkSchema, 'the fork settings');
  const forkConfig = fork.config ?? {};
  const settled = applyFork(own, forkConfig);
  return {
    file,
    parsed,
    fork: { file: forkFile, parsed: fork.parsed, config: forkConfig },
    valid: config && fork.config ? applyFork(config, fork.config) : undefined,
    config: settled,
    translations: readTranslations(settled),
    ownLanguages: own.languages,
  };
}

/** Translations of project.yaml that nothing uses (#10). */
export function projectOrphans(reader: SourceReader, languages: string[]): OrphanTranslation[] {
  return findOrphans(path.join(reader.root, 'blueprints'), '.yaml', ['project.yaml'], languages, (source) => `there is no ${source} beside it`);
}

/** The project's settings with the fork's over them; the fork's blueprints follow the project's. */
export function applyFork(project: ProjectConfig, fork: ForkConfig): ProjectConfig {
  const { add_blueprints: added = [], strings, ...settings } = fork;
  const merged: ProjectConfig = { ...project, ...Object.fromEntries(Object.entries(settings).filter(([, v]) => v !== undefined)) };
  merged.blueprints = [...project.blueprints, ...added];
  if (strings) {
    merged.strings = { ...(project.strings ?? {}) };
    for (const [lang, words] of Object.entries(strings)) merged.strings[lang] = { ...(project.strings?.[lang] ?? {}), ...words };
  }
  return merged;
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
