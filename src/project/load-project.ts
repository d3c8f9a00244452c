import { existsSync } from 'node:fs';
import path from 'node:path';
import { report } from '../diagnostics/messages.js';
import { valuesHash } from '../i18n/source-hash.js';
import { createMarkdownParser } from '../markdown/processor.js';
import { builtInThemesDir } from '../theme/load-theme.js';
import { crossReferenceRules } from '../validate/rules/index.js';
import { isWritten } from '../validate/schemas/case-study.js';
import { projectFileName } from './find-project.js';
import type { LoadContext } from './load-context.js';
import type { CaseStudy, CaseStudyStub, LoadResult, Project, SlotDeclaration } from './project.js';
import { readBlueprints } from './read-blueprints.js';
import { readCaseStudies } from './read-case-studies.js';
import { readCities } from './read-cities.js';
import { projectOrphans, readProjectFile } from './read-project-file.js';
import { listFolders, SourceReader } from './read-sources.js';
import type { SourceCache } from './source-cache.js';

export type { BlueprintSource, CaseStudy, CaseStudyStub, CityProfile, LoadResult, MarkdownSource, Project, SectionSource, SlotDeclaration } from './project.js';

/**
 * Read and validate every source of the project at `root` (#8): read each kind of file and check it against
 * its schema, then run the cross-reference rules, then assemble what is valid. Problems are messages on
 * the files; `project` is absent when the project file itself is unusable.
 */
export async function loadProject(root: string, options: { cache?: SourceCache } = {}): Promise<LoadResult> {
  const reader = new SourceReader(root, options.cache);
  const project = readProjectFile(reader);
  if (!project) {
    const file = reader.placeholder(path.join(root, projectFileName));
    report(file, 'no-project', { dir: root });
    return { files: reader.files };
  }
  const parser = createMarkdownParser();
  const languages = project.config.languages;
  const themeFolders = [...listFolders(path.join(root, 'themes')), ...listFolders(builtInThemesDir)];
  const hasThemeFile = (name: string) => [path.join(root, 'themes'), builtInThemesDir].some((dir) => existsSync(path.join(dir, name, 'theme.yaml')));
  const blueprintsDir = path.join(root, 'blueprints');
  const blueprintFolders = listFolders(blueprintsDir).filter((f) => f !== 'cities' && existsSync(path.join(blueprintsDir, f, 'blueprint.yaml')));
  // #9: a project file that cannot be read at all (a syntax error, an alias bomb) lists no blueprints. Check
  // every blueprint folder instead, so its one error is not followed by "unknown slot" on each case study.
  if (project.parsed.value === undefined) project.config.blueprints = blueprintFolders;
  const ctx: LoadContext = {
    root,
    project,
    themes: [...new Set(themeFolders.filter(hasThemeFile))].sort(),
    themeFoldersWithoutFile: [...new Set(themeFolders.filter((name) => !hasThemeFile(name)))].sort(),
    blueprintFolders,
    cities: [],
    blueprints: [],
    caseStudies: [],
    orphanTranslations: projectOrphans(reader, languages),
    projectHash: valuesHash([project.config.title, project.config.subtitle ?? '']),
  };
  ctx.cities = readCities(reader, languages, ctx.orphanTranslations);
  ctx.blueprints = readBlueprints(reader, project.config.blueprints, ctx.blueprintFolders, languages, parser, ctx.orphanTranslations);
  ctx.caseStudies = readCaseStudies(reader, languages, parser, ctx.orphanTranslations);
  for (const rule of crossReferenceRules) rule(ctx);
  // #10: a translation nothing uses is said once, on the file itself. A fork that builds fewer languages
  // than upstream (`languages` in fork.yaml) is not told about upstream's translations into the others:
  // they are upstream's files, which a fork keeps as they are (a deleted one would conflict at each pull).
  const upstreamOnly = (lang: string) => project.fork?.config.languages !== undefined && project.ownLanguages.includes(lang);
  for (const orphan of ctx.orphanTranslations)
    if (!(orphan.unbuilt && upstreamOnly(orphan.lang)))
      report(reader.placeholder(orphan.path), 'translation-orphaned', {
        lang: orphan.lang,
        reason: orphan.reason,
        ...(orphan.unbuilt
          ? { fix: 'language' }
          : { fix: 'rename', example: orphan.renamed ? `${path.basename(orphan.path)} → ${orphan.renamed}` : `e.g. 01-why.md → 01-why.${orphan.lang}.md` }),
      });
  if (!project.valid) return { files: reader.files };
  return { project: assemble(ctx, project.valid), files: reader.files };
}

/** The valid parts, cross-checked: what later stages may rely on without checking again. */
function assemble(ctx: LoadContext, config: Project['config']): Project {
  const cities = new Map(
    ctx.cities.flatMap((c) =>
      c.file && c.parsed && c.config
        ? [
            [
              c.id,
              {
                id: c.id,
                dir: c.dir,
                file: c.file,
                parsed: c.parsed,
                config: c.config,
                ...(c.logo ? { logo: c.logo } : {}),
                translations: c.translations,
                sourceHash: c.sourceHash,
              },
            ] as const,
          ]
        : [],
    ),
  );
  const blueprints = config.blueprints.flatMap((id) => {
    const entry = ctx.blueprints.find((b) => b.id === id);
    if (!entry?.config) return [];
    // A section that could not be read, or only its front matter (its own message says why), holds
    // headings other links point at.
    const incomplete = entry.sections.length < entry.config.sections.length || entry.sections.some((s) => s.truncated);
    return [
      {
        id,
        dir: entry.dir,
        file: entry.file,
        config: entry.config,
        sections: entry.sections,
        translations: entry.translations,
        sourceHash: entry.sourceHash,
        ...(incomplete ? { incomplete } : {}),
      },
    ];
  });
  const slots = new Map<string, SlotDeclaration>();
  for (const blueprint of blueprints) for (const slot of blueprint.config.slots) if (!slots.has(slot.id)) slots.set(slot.id, { slot, blueprint });
  const caseStudies: CaseStudy[] = [];
  const stubs: CaseStudyStub[] = [];
  const setAside: Project['setAside'] = [];
  for (const entry of ctx.caseStudies) {
    const c = entry.config;
    if (
      !c ||
      !entry.parsed ||
      c.city !== entry.folder ||
      !cities.has(c.city) ||
      !slots.has(c.slot) ||
      [...caseStudies, ...stubs].some((s) => s.city === c.city && s.slot === c.slot)
    ) {
      if (!entry.truncated) setAside.push({ file: entry.file, tree: entry.tree });
      continue;
    }
    if (isWritten(c))
      caseStudies.push({
        city: c.city,
        slot: c.slot,
        config: c,
        file: entry.file,
        tree: entry.tree,
        translations: entry.translations,
        sourceHash: entry.sourceHash,
      });
    else stubs.push({ city: c.city, slot: c.slot, file: entry.file, parsed: entry.parsed });
  }
  const sectionOwners = new Map(blueprints.flatMap((b) => b.sections.map((section) => [section.file.path, b.id] as const)));
  return {
    root: ctx.root,
    file: ctx.project.file,
    config,
    blueprints,
    cities,
    brokenCities: new Set(ctx.cities.filter((c) => !cities.has(c.id)).map((c) => c.id)),
    caseStudies,
    stubs,
    setAside,
    slots,
    themes: ctx.themes,
    sectionOwners,
    translations: ctx.project.translations,
    sourceHash: ctx.projectHash,
    orphanTranslations: ctx.orphanTranslations,
  };
}
