import type { VFile } from 'vfile';
import type { ParsedYaml } from '../validate/parse-yaml.js';
import type { BlueprintConfig } from '../validate/schemas/blueprint.js';
import type { CaseStudyFrontMatter } from '../validate/schemas/case-study.js';
import type { CityConfig } from '../validate/schemas/city.js';
import type { ForkConfig } from '../validate/schemas/fork.js';
import type { ProjectConfig } from '../validate/schemas/project.js';
import type { BlueprintTranslation, CityTranslation, ProjectTranslation } from '../validate/schemas/translation.js';
import type { MarkdownSource, MarkdownTranslationSource, OrphanTranslation, SectionSource, YamlTranslation } from './project.js';

/**
 * What the readers found, each file validated against its own schema but not yet against the others:
 * the input of the cross-reference rules (src/validate/rules/) and of the project's assembly.
 */
export interface LoadContext {
  root: string;
  project: {
    file: VFile;
    parsed: ParsedYaml;
    /** The valid configuration, or undefined when the project file has errors. */
    valid: ProjectConfig | undefined;
    /** What can be used of it either way, so the other files are still checked. */
    config: ProjectConfig;
    translations: Map<string, YamlTranslation<ProjectTranslation>>;
    /** blueprints/fork.yaml, when the project is a fork that has one (#11); its settings are in `config`. */
    fork?: { file: VFile; parsed: ParsedYaml; config: ForkConfig };
    /** The languages project.yaml itself lists (upstream's, in a fork whose fork.yaml lists its own). */
    ownLanguages: string[];
  };
  /** Translation files nothing uses (#10). */
  orphanTranslations: OrphanTranslation[];
  /** What a translation of project.yaml records (#10). */
  projectHash: string;
  /** Theme names with a theme.yaml (project first, then the toolkit's). */
  themes: string[];
  /** Folders under the project's themes/ that have no theme.yaml. */
  themeFoldersWithoutFile: string[];
  /** Folders under blueprints/ holding a blueprint.yaml. */
  blueprintFolders: string[];
  cities: CityEntry[];
  blueprints: BlueprintEntry[];
  caseStudies: CaseStudyEntry[];
}

export interface CityEntry {
  id: string;
  dir: string;
  file?: VFile;
  parsed?: ParsedYaml;
  config?: CityConfig;
  logo?: string;
  translations: Map<string, YamlTranslation<CityTranslation>>;
  sourceHash: string;
}

export interface BlueprintEntry {
  id: string;
  dir: string;
  file: VFile;
  parsed: ParsedYaml;
  config?: BlueprintConfig;
  sections: SectionSource[];
  translations: Map<string, YamlTranslation<BlueprintTranslation>>;
  sourceHash: string;
}

export interface CaseStudyEntry extends MarkdownSource {
  /** The city folder it is in. */
  folder: string;
  parsed?: ParsedYaml;
  config?: CaseStudyFrontMatter;
  translations: Map<string, MarkdownTranslationSource>;
  sourceHash: string;
}

/**
 * The file and YAML that set a project setting: blueprints/fork.yaml when the fork sets it (#11), else
 * blueprints/project.yaml, so a message about the value points at the line that wrote it.
 */
export function settingSource(ctx: LoadContext, key: keyof ForkConfig): { file: VFile; parsed: ParsedYaml } {
  const fork = ctx.project.fork;
  if (fork && fork.config[key] !== undefined) return { file: fork.file, parsed: fork.parsed };
  return { file: ctx.project.file, parsed: ctx.project.parsed };
}
