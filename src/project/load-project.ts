import path from 'node:path';
import { VFile } from 'vfile';
import { error, type Position, suggestion, warn } from '../diagnostics/messages.js';
import { builtInThemesDir } from '../theme/load-theme.js';
import { checkSchema } from '../validate/check-schema.js';
import { keyPosition, nodeAt, nodePosition, parseYaml } from '../validate/parse-yaml.js';
import { type BlueprintConfig, blueprintSchema, type Slot } from '../validate/schemas/blueprint.js';
import { type CaseStudyConfig, caseStudySchema } from '../validate/schemas/case-study.js';
import { type CityConfig, citySchema } from '../validate/schemas/city.js';
import type { Part } from '../validate/schemas/common.js';
import { type ProjectConfig, projectSchema } from '../validate/schemas/project.js';
import { projectFileName } from './find-project.js';
import { isFile, listFiles, listFolders, readSource } from './read-sources.js';
import { isReallyInside, resolveInside } from './safe-path.js';

export interface SectionSource {
  part: Part;
  /** The section in the source language. */
  file: VFile;
  /** Translations found next to it: `01-why.es.md` for Spanish. */
  translations: Map<string, VFile>;
}

export interface BlueprintSource {
  id: string;
  dir: string;
  file: VFile;
  config: BlueprintConfig;
  sections: SectionSource[];
}

export interface CityProfile {
  id: string;
  dir: string;
  file: VFile;
  config: CityConfig;
  /** Absolute path of the logo, when it exists inside the project. */
  logo?: string;
}

export interface CaseStudy {
  city: string;
  slot: string;
  config: CaseStudyConfig;
  file: VFile;
  translations: Map<string, VFile>;
}

export interface SlotDeclaration {
  slot: Slot;
  blueprint: BlueprintSource;
}

/** Everything read from a project's sources, validated. */
export interface Project {
  root: string;
  file: VFile;
  config: ProjectConfig;
  blueprints: BlueprintSource[];
  cities: Map<string, CityProfile>;
  caseStudies: CaseStudy[];
  slots: Map<string, SlotDeclaration>;
  themes: string[];
  /** Absolute path of each section file → the blueprint it belongs to (for links between guides). */
  sectionOwners: Map<string, string>;
}

export interface LoadResult {
  project?: Project;
  /** Every source file read, each carrying its messages. */
  files: VFile[];
}

const translationPattern = /^(.*)\.([a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)\.md$/;

/** Read and validate every source of the project at `root`. Problems are messages on the files. */
export async function loadProject(root: string): Promise<LoadResult> {
  const files: VFile[] = [];
  const projectPath = path.join(root, projectFileName);
  const projectFile = await readSource(projectPath);
  if (!projectFile) {
    const file = new VFile({ path: projectPath });
    error(file, 'missing-file', 'Missing project file blueprints/project.yaml', {
      hint: 'Run blueprint commands in a project folder (one that has blueprints/project.yaml).',
    });
    return { files: [file] };
  }
  files.push(projectFile);
  const parsedProject = parseYaml(projectFile, String(projectFile.value));
  const validConfig = checkSchema(parsedProject, projectSchema, 'the project file');
  // A broken project file must not hide the other files' problems: go on with what can be read.
  const config = validConfig ?? fallbackConfig(parsedProject.value);

  const blueprintsDir = path.join(root, 'blueprints');
  const themes = [...new Set([...(await listFolders(path.join(root, 'themes'))), ...(await listFolders(builtInThemesDir))])].sort();
  const folders = (await listFolders(blueprintsDir)).filter((f) => f !== 'cities');
  const blueprintFolders: string[] = [];
  for (const folder of folders) if (await isFile(path.join(blueprintsDir, folder, 'blueprint.yaml'))) blueprintFolders.push(folder);

  // Cities first: case studies and the project file refer to them.
  const cities = new Map<string, CityProfile>();
  const cityFolders = await listFolders(path.join(blueprintsDir, 'cities'));
  // A city whose profile has errors still exists: references to it are not errors of their own.
  const knownCities = new Set<string>();
  for (const id of cityFolders) if (await isFile(path.join(blueprintsDir, 'cities', id, 'city.yaml'))) knownCities.add(id);
  for (const id of cityFolders) {
    const dir = path.join(blueprintsDir, 'cities', id);
    const file = await readSource(path.join(dir, 'city.yaml'));
    if (!file) {
      const missing = new VFile({ path: path.join(dir, 'city.yaml') });
      error(missing, 'missing-file', `Missing city profile for "${id}"`, {
        hint: `Create blueprints/cities/${id}/city.yaml (see docs/writing-a-blueprint.md), or remove the folder.`,
      });
      files.push(missing);
      continue;
    }
    files.push(file);
    const parsed = parseYaml(file, String(file.value));
    const cityConfig = checkSchema(parsed, citySchema, 'the city profile');
    if (!cityConfig) continue;
    const profile: CityProfile = { id, dir, file, config: cityConfig };
    if (cityConfig.logo) {
      const candidate = resolveInside(root, dir, cityConfig.logo);
      const logo = candidate && (!(await isFile(candidate)) || isReallyInside(root, candidate)) ? candidate : undefined;
      const place = nodePosition(parsed, nodeAt(parsed, ['logo']).node);
      if (!logo) error(file, 'unsafe-path', `Logo path "${cityConfig.logo}" leaves the project`, { place, hint: 'Keep the logo inside the city folder.' });
      else if (!(await isFile(logo)))
        error(file, 'missing-image', `Logo file "${cityConfig.logo}" does not exist`, {
          place,
          hint: `Add the file to blueprints/cities/${id}/ or correct the name.`,
        });
      else profile.logo = logo;
    }
    if (cityConfig.theme && !themes.includes(cityConfig.theme)) {
      error(file, 'unknown-theme', `Unknown theme "${cityConfig.theme}"`, {
        place: nodePosition(parsed, nodeAt(parsed, ['theme']).node),
        ...suggestion(cityConfig.theme, themes, 'themes'),
      });
    }
    cities.set(id, profile);
  }

  // Project-level references.
  const checkCity = (id: string, keyPath: (string | number)[]) => {
    if (cities.has(id)) return;
    error(projectFile, 'unknown-city', `Unknown city "${id}"`, {
      place: nodePosition(parsedProject, nodeAt(parsedProject, keyPath).node),
      ...suggestion(id, cities.keys(), 'cities (folders under blueprints/cities/)'),
    });
  };
  if (validConfig) {
    checkCity(config.default_city, ['default_city']);
    for (const [i, id] of config.fallback.entries()) checkCity(id, ['fallback', i]);
    if (!themes.includes(config.default_theme)) {
      error(projectFile, 'unknown-theme', `Unknown theme "${config.default_theme}"`, {
        place: nodePosition(parsedProject, nodeAt(parsedProject, ['default_theme']).node),
        ...suggestion(config.default_theme, themes, 'themes (folders under themes/)'),
      });
    }
  }

  // Blueprints, in the project's reading order.
  const blueprints: BlueprintSource[] = [];
  const slots = new Map<string, SlotDeclaration>();
  const slotPlaces = new Map<string, { file: VFile; line: number; column: number }>();
  const slotPositions = new Map<string, Position>();
  // Blueprints whose file has errors declare slots we cannot read: case studies naming an unknown slot
  // are then not reported, since the slot may be that blueprint's (one typo, one message).
  let brokenBlueprints = 0;
  const seen = new Set<string>();
  for (const [index, id] of config.blueprints.entries()) {
    const place = nodePosition(parsedProject, nodeAt(parsedProject, ['blueprints', index]).node);
    if (seen.has(id)) {
      error(projectFile, 'duplicate-id', `Blueprint "${id}" is listed twice`, { place, hint: 'Remove the second entry.' });
      continue;
    }
    seen.add(id);
    if (!blueprintFolders.includes(id)) {
      error(projectFile, 'unknown-blueprint', `Unknown blueprint "${id}": there is no blueprints/${id}/blueprint.yaml`, {
        place,
        ...suggestion(id, blueprintFolders, 'blueprints'),
      });
      continue;
    }
    const dir = path.join(blueprintsDir, id);
    const file = (await readSource(path.join(dir, 'blueprint.yaml'))) as VFile;
    files.push(file);
    const parsed = parseYaml(file, String(file.value));
    const bpConfig = checkSchema(parsed, blueprintSchema, 'the blueprint');
    if (!bpConfig) {
      brokenBlueprints++;
      continue;
    }
    const blueprint: BlueprintSource = { id, dir, file, config: bpConfig, sections: [] };
    for (const [i, section] of bpConfig.sections.entries()) {
      const sectionPlace = nodePosition(parsed, nodeAt(parsed, ['sections', i, 'file']).node);
      const candidatePath = resolveInside(root, dir, section.file);
      const sectionPath = candidatePath && (!(await isFile(candidatePath)) || isReallyInside(root, candidatePath)) ? candidatePath : undefined;
      if (!sectionPath) {
        error(file, 'unsafe-path', `Section path "${section.file}" leaves the project`, {
          place: sectionPlace,
          hint: 'Keep section files inside the blueprint folder.',
        });
        continue;
      }
      const sectionFile = await readSource(sectionPath);
      if (!sectionFile) {
        const existing = (await listFiles(path.dirname(sectionPath), '.md')).map((f) => path.relative(dir, path.join(path.dirname(sectionPath), f)));
        error(file, 'missing-file', `Section file "${section.file}" does not exist`, {
          place: sectionPlace,
          ...suggestion(section.file, existing, 'section files'),
        });
        continue;
      }
      files.push(sectionFile);
      const translations = new Map<string, VFile>();
      for (const lang of config.languages.slice(1)) {
        const translated = await readSource(sectionPath.replace(/\.md$/, `.${lang}.md`));
        if (translated) {
          translations.set(lang, translated);
          files.push(translated);
        }
      }
      blueprint.sections.push({ part: section.part, file: sectionFile, translations });
    }
    const parts = new Set(bpConfig.sections.map((s) => s.part));
    const missingParts = config.required_parts.filter((p) => !parts.has(p));
    if (missingParts.length > 0) {
      error(file, 'missing-part', `Missing required part${missingParts.length > 1 ? 's' : ''}: ${missingParts.join(', ')}`, {
        place: keyPosition(parsed, [], 'sections'),
        hint: 'Add a section with "part: <name>" for each, as blueprints/project.yaml requires (required_parts).',
      });
    }
    for (const [i, slot] of bpConfig.slots.entries()) {
      const pos = nodePosition(parsed, nodeAt(parsed, ['slots', i, 'id']).node);
      const other = slots.get(slot.id);
      if (other) {
        const first = slotPlaces.get(slot.id);
        error(file, 'duplicate-id', `Slot "${slot.id}" is already declared by blueprint "${other.blueprint.id}"`, {
          place: pos,
          hint: `Slot ids are unique across the project; rename this one${first ? ` (the other is at ${path.relative(root, first.file.path)}:${first.line}:${first.column})` : ''}.`,
        });
        continue;
      }
      slots.set(slot.id, { slot, blueprint });
      slotPlaces.set(slot.id, { file, line: pos.start.line, column: pos.start.column });
      slotPositions.set(slot.id, pos);
    }
    blueprints.push(blueprint);
  }
  for (const folder of blueprintFolders) {
    if (!config.blueprints.includes(folder)) {
      warn(projectFile, 'unused-blueprint', `Blueprint folder "${folder}" is not listed in "blueprints"`, {
        place: keyPosition(parsedProject, [], 'blueprints'),
        hint: `Add "- ${folder}" to the list to build it.`,
      });
    }
  }

  // Case studies: each city's own folder.
  const caseStudies: CaseStudy[] = [];
  const byKey = new Map<string, CaseStudy>();
  for (const cityId of cityFolders) {
    const dir = path.join(blueprintsDir, 'cities', cityId, 'case-studies');
    const names = await listFiles(dir, '.md');
    const pending: { name: string; lang: string }[] = [];
    for (const name of names) {
      const match = translationPattern.exec(name);
      if (match?.[2] && config.languages.slice(1).includes(match[2])) {
        pending.push({ name: `${match[1]}.md`, lang: match[2] });
        continue;
      }
      const file = (await readSource(path.join(dir, name))) as VFile;
      files.push(file);
      const study = readCaseStudy(file, cityId, knownCities, slots, brokenBlueprints > 0);
      if (!study) continue;
      const key = `${study.city}/${study.slot}`;
      const existing = byKey.get(key);
      if (existing) {
        error(file, 'duplicate-id', `A second case study for slot "${study.slot}" from ${cityId}`, {
          place: { line: 1, column: 1 },
          hint: `${path.relative(root, existing.file.path)} already fills this slot for this city; merge the two or change the slot.`,
        });
        continue;
      }
      byKey.set(key, study);
      caseStudies.push(study);
    }
    for (const { name, lang } of pending) {
      const original = caseStudies.find((c) => c.city === cityId && path.basename(c.file.path) === name);
      const translated = await readSource(path.join(dir, name.replace(/\.md$/, `.${lang}.md`)));
      if (original && translated) {
        original.translations.set(lang, translated);
        files.push(translated);
      }
    }
  }
  for (const [id, declaration] of slots) {
    if (caseStudies.some((c) => c.slot === id)) continue;
    error(declaration.blueprint.file, 'empty-slot', `Slot "${id}" has no case study from any city`, {
      place: slotPositions.get(id),
      hint: `Add blueprints/cities/<city>/case-studies/${id}.md for at least one city.`,
    });
  }

  if (!validConfig) return { files };
  const sectionOwners = new Map(blueprints.flatMap((b) => b.sections.map((section) => [section.file.path, b.id] as const)));
  const project: Project = { root, file: projectFile, config, blueprints, cities, caseStudies, slots, themes, sectionOwners };
  return { project, files };
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

const frontMatterPattern = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/;

function readCaseStudy(
  file: VFile,
  folderCity: string,
  cities: Set<string>,
  slots: Map<string, SlotDeclaration>,
  slotsIncomplete: boolean,
): CaseStudy | undefined {
  const text = String(file.value);
  const match = frontMatterPattern.exec(text);
  if (!match) {
    error(file, 'missing-key', 'Missing front matter (city, slot, title, year, sources)', {
      place: { line: 1, column: 1 },
      hint: 'Start the file with a "---" line, the keys city, slot, title, year and sources, and another "---" line.',
    });
    return undefined;
  }
  const parsed = parseYaml(file, match[1] ?? '', 1);
  const config = checkSchema(parsed, caseStudySchema, 'the case study front matter');
  if (!config) return undefined;
  let ok = true;
  if (!cities.has(config.city)) {
    ok = false;
    error(file, 'unknown-city', `Case study for a city that does not exist: "${config.city}"`, {
      place: nodePosition(parsed, nodeAt(parsed, ['city']).node),
      ...suggestion(config.city, cities, 'cities'),
    });
  } else if (config.city !== folderCity) {
    ok = false;
    error(file, 'city-mismatch', `Case study names city "${config.city}" but is in the folder of "${folderCity}"`, {
      place: nodePosition(parsed, nodeAt(parsed, ['city']).node),
      hint: `Move the file to blueprints/cities/${config.city}/case-studies/ or set "city: ${folderCity}".`,
    });
  }
  if (!slots.has(config.slot)) {
    ok = false;
    if (!slotsIncomplete)
      error(file, 'unknown-slot', `Case study for slot "${config.slot}", which no blueprint has`, {
        place: nodePosition(parsed, nodeAt(parsed, ['slot']).node),
        ...suggestion(config.slot, slots.keys(), 'slots'),
      });
  }
  return ok ? { city: config.city, slot: config.slot, config, file, translations: new Map() } : undefined;
}
