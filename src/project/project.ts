import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import type { ParsedYaml } from '../validate/parse-yaml.js';
import type { BlueprintConfig, Slot } from '../validate/schemas/blueprint.js';
import type { CaseStudyConfig } from '../validate/schemas/case-study.js';
import type { CityConfig } from '../validate/schemas/city.js';
import type { Part } from '../validate/schemas/common.js';
import type { ProjectConfig } from '../validate/schemas/project.js';
import type { BlueprintTranslation, CityTranslation, ProjectTranslation, TranslationMeta } from '../validate/schemas/translation.js';

/** A Markdown source, read and parsed once; documents render from copies of `tree`. */
export interface MarkdownSource {
  file: VFile;
  tree: Root;
  /** Past the Markdown limits (#9): only its front matter was kept, and its one error says why. */
  truncated?: boolean;
}

/** A translated Markdown file (`01-why.es.md`), with what its front matter says about it (#10). */
export interface MarkdownTranslationSource extends MarkdownSource {
  meta: TranslationMeta | undefined;
  /** Its front matter, for messages at a line of it. */
  parsed?: ParsedYaml;
  /** A case study's translated title. */
  title?: string;
}

/** A translation of a YAML source (`blueprint.es.yaml`, `city.es.yaml`, `project.es.yaml`). */
export interface YamlTranslation<C> {
  file: VFile;
  parsed: ParsedYaml;
  config: C;
  meta: TranslationMeta | undefined;
}

/** A translation file whose source does not exist or whose language the project does not build (#10). */
export interface OrphanTranslation {
  path: string;
  lang: string;
  /** Why it is never used, for messages: "there is no 01-why.md among the sections". */
  reason: string;
  /** Its source exists, but its language is not built (not a missing source). */
  unbuilt?: true;
  /** Its name after the source it most likely translates (renamed since), when one is close. */
  renamed?: string;
}

export interface SectionSource extends MarkdownSource {
  part: Part;
  /** Translations found next to it: `01-why.es.md` for Spanish. */
  translations: Map<string, MarkdownTranslationSource>;
  /** What a translation records to say which text it was made from (#10). */
  sourceHash: string;
}

export interface BlueprintSource {
  id: string;
  dir: string;
  file: VFile;
  config: BlueprintConfig;
  sections: SectionSource[];
  /** `blueprint.<lang>.yaml`: the titles in another language; a blueprint is published in the languages it has one for. */
  translations: Map<string, YamlTranslation<BlueprintTranslation>>;
  sourceHash: string;
  /** A section file could not be read, or was past the Markdown limits: links to its headings are not reported as broken again. */
  incomplete?: boolean;
}

export interface CityProfile {
  id: string;
  dir: string;
  file: VFile;
  parsed: ParsedYaml;
  config: CityConfig;
  /** Absolute path of the logo, when it exists inside the project. */
  logo?: string;
  translations: Map<string, YamlTranslation<CityTranslation>>;
  sourceHash: string;
}

export interface CaseStudy extends MarkdownSource {
  city: string;
  slot: string;
  config: CaseStudyConfig;
  translations: Map<string, MarkdownTranslationSource>;
  sourceHash: string;
}

/** A case study still to write (`status: stub`, #11): never printed; editions fall back for its slot. */
export interface CaseStudyStub {
  city: string;
  slot: string;
  file: VFile;
  parsed: ParsedYaml;
}

export interface SlotDeclaration {
  slot: Slot;
  blueprint: BlueprintSource;
}

/** Everything read from a project's sources, validated and cross-checked. */
export interface Project {
  root: string;
  file: VFile;
  config: ProjectConfig;
  blueprints: BlueprintSource[];
  cities: Map<string, CityProfile>;
  /** Cities whose folder is there but whose profile could not be read or is invalid: its messages say why. */
  brokenCities: Set<string>;
  caseStudies: CaseStudy[];
  /** Case studies cities still have to write, sorted by city and slot. */
  stubs: CaseStudyStub[];
  /**
   * Case studies no edition can place: front matter missing or wrong, a city or slot that does not exist, a
   * second file for the same slot. Why is reported where it is found; `check` still checks their links and
   * images, so every problem of such a file shows at once (#13).
   */
  setAside: { file: VFile; tree: Root }[];
  slots: Map<string, SlotDeclaration>;
  /** Theme names available: the project's themes/ folders and the toolkit's own. */
  themes: string[];
  /** Absolute path of each section file → the blueprint it belongs to (for links between guides). */
  sectionOwners: Map<string, string>;
  /** `project.<lang>.yaml`: the project's title in other languages. */
  translations: Map<string, YamlTranslation<ProjectTranslation>>;
  sourceHash: string;
  orphanTranslations: OrphanTranslation[];
}

export interface LoadResult {
  project?: Project;
  /** Every source file read, each carrying its messages. */
  files: VFile[];
}
