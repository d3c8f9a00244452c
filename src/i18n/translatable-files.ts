import path from 'node:path';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { location } from 'vfile-location';
import { report } from '../diagnostics/messages.js';
import type { Project } from '../project/load-project.js';
import type { CaseStudy, MarkdownTranslationSource, YamlTranslation } from '../project/project.js';
import { translationPath } from '../project/read-translations.js';
import type { TranslationMeta } from '../validate/schemas/translation.js';
import { alignCodes, type Inline, type MarkdownUnit, markdownUnits } from './markdown-units.js';

/**
 * What `blueprint i18n extract` offers a translator and `import` brings back (#10), per source file: its
 * units (source text with inline codes), the existing translation's text for each unit when it has one,
 * and where the translation lives. One list for both commands, so an import checks an XLIFF file against
 * the same units an extract of the current sources writes.
 */

export type TranslatableKind = 'project' | 'blueprint' | 'city' | 'section' | 'case-study';

export interface TranslatableUnit {
  id: string;
  /** What it is (`heading-2`, `paragraph`, `title`): XLIFF's unit name, for translators. */
  name: string;
  source: Inline[];
  /** The existing translation's text for this unit, with codes numbered after the source's. */
  target?: Inline[];
  /** A Markdown block or a required title must be translated; an optional YAML value may stay in the source language. */
  required: boolean;
  /** Where a Markdown unit lies in its source file (offsets), to rebuild the translation from it. */
  span?: { start: number; end: number };
  /** The YAML path of a value (`slots.<id>.title`). */
  key?: string[];
}

export interface TranslatableFile {
  kind: TranslatableKind;
  /** The source, relative to the project with forward slashes (XLIFF `original`). */
  original: string;
  sourcePath: string;
  translationPath: string;
  /** The translation, relative to the project (recorded in the XLIFF file). */
  translation: string;
  sourceHash: string;
  units: TranslatableUnit[];
  /** The source text: what a new Markdown translation is built from. */
  sourceText: string;
  /** The existing translation, when there is one. */
  existing?: {
    text: string;
    meta: TranslationMeta | undefined;
    /** Its Markdown units, when they align with the source's (same blocks, same codes per block). */
    units?: MarkdownUnit[];
    /** Why it does not align, when it does not. */
    unaligned?: string;
  };
}

export interface Selection {
  blueprints?: string[];
  /** City ids: their profiles and the case studies their editions print. Every city when absent. */
  cities?: string[];
  /** The case studies to offer (those the selected editions print); by default every one of the cities' for the blueprints' slots. */
  caseStudies?: CaseStudy[];
  /** Warn (on the translation) when an existing translation's blocks or codes do not match its source's. */
  warn?: boolean;
  /** Only the cities' own files (profiles and case studies), not the project's and the guides': a fork's text. */
  citiesOnly?: boolean;
}

/** Every translatable file of the project for `lang`, or those of the selected blueprints and cities. */
export function translatableFiles(project: Project, lang: string, selection: Selection = {}): TranslatableFile[] {
  const rel = (file: string) => path.relative(project.root, file).split(path.sep).join('/');
  const files: TranslatableFile[] = [];
  const blueprints = project.blueprints.filter((b) => !selection.blueprints?.length || selection.blueprints.includes(b.id));
  const cities = [...project.cities.values()].filter((c) => !selection.cities?.length || selection.cities.includes(c.id));
  const slots = new Set(blueprints.flatMap((b) => b.config.slots.map((s) => s.id)));

  const yamlFile = <C>(
    kind: TranslatableKind,
    file: VFile,
    hash: string,
    values: { key: string[]; value: string | undefined; required?: boolean }[],
    found: YamlTranslation<C> | undefined,
  ) => {
    const sourcePath = file.path;
    const units: TranslatableUnit[] = [];
    for (const { key, value, required } of values) {
      if (!value) continue;
      const translated = found ? valueAt(found.config, key) : undefined;
      units.push({
        id: key.join('.'),
        name: key.at(-1) as string,
        source: [{ type: 'text', value }],
        ...(typeof translated === 'string' && translated ? { target: [{ type: 'text', value: translated }] } : {}),
        required: required === true,
        key,
      });
    }
    files.push({
      kind,
      original: rel(sourcePath),
      sourcePath,
      translationPath: translationPath(sourcePath, lang),
      translation: rel(translationPath(sourcePath, lang)),
      sourceHash: hash,
      units,
      sourceText: String(file.value),
      ...(found ? { existing: { text: String(found.file.value), meta: found.meta } } : {}),
    });
  };

  const markdownFile = (
    kind: TranslatableKind,
    file: VFile,
    tree: Root,
    hash: string,
    title: string | undefined,
    found: MarkdownTranslationSource | undefined,
  ) => {
    const text = String(file.value);
    const blocks = markdownUnits(text, tree);
    const existingUnits = found ? markdownUnits(String(found.file.value), found.tree) : undefined;
    const unaligned = existingUnits ? misalignment(blocks, existingUnits) : undefined;
    const units: TranslatableUnit[] = [];
    const where = found ? location(found.file) : undefined;
    if (found && unaligned && selection.warn)
      report(found.file, 'xliff-unaligned', { lang, source: rel(file.path), detail: unaligned }, { place: where?.toPoint(0) });
    if (title !== undefined)
      units.push({
        id: 'title',
        name: 'title',
        source: [{ type: 'text', value: title }],
        ...(found?.title ? { target: [{ type: 'text', value: found.title }] } : {}),
        required: true,
        key: ['title'],
      });
    blocks.forEach((block, index) => {
      const partner = !unaligned ? existingUnits?.[index] : undefined;
      const target = partner ? alignCodes(block.content, partner.content) : undefined;
      if (partner && !target && found && selection.warn) {
        const start = where?.toPoint(partner.start);
        const end = where?.toPoint(partner.end);
        const detail = `block ${index + 1} does not have the same links, notes, emphasis and variables`;
        report(found.file, 'xliff-unaligned', { lang, source: rel(file.path), detail }, { place: start && end ? { start, end } : undefined });
      }
      units.push({
        id: block.id,
        name: block.kind.split('/').at(-1) as string,
        source: block.content,
        ...(target ? { target } : {}),
        required: true,
        span: { start: block.start, end: block.end },
      });
    });
    files.push({
      kind,
      original: rel(file.path),
      sourcePath: file.path,
      translationPath: translationPath(file.path, lang),
      translation: rel(translationPath(file.path, lang)),
      sourceHash: hash,
      units,
      sourceText: text,
      ...(found
        ? {
            existing: {
              text: String(found.file.value),
              meta: found.meta,
              ...(existingUnits && !unaligned ? { units: existingUnits } : {}),
              ...(unaligned ? { unaligned } : {}),
            },
          }
        : {}),
    });
  };

  if (!selection.citiesOnly)
    yamlFile(
      'project',
      project.file,
      project.sourceHash,
      [
        { key: ['title'], value: project.config.title },
        { key: ['subtitle'], value: project.config.subtitle },
      ],
      project.translations.get(lang),
    );
  for (const blueprint of selection.citiesOnly ? [] : blueprints) {
    const { config } = blueprint;
    yamlFile(
      'blueprint',
      blueprint.file,
      blueprint.sourceHash,
      [
        { key: ['title'], value: config.title, required: true },
        { key: ['subtitle'], value: config.subtitle },
        { key: ['summary'], value: config.summary },
        ...config.slots.flatMap((slot) => [
          { key: ['slots', slot.id, 'title'], value: slot.title },
          { key: ['slots', slot.id, 'description'], value: slot.description },
        ]),
      ],
      blueprint.translations.get(lang),
    );
    for (const section of blueprint.sections)
      markdownFile('section', section.file, section.tree, section.sourceHash, undefined, section.translations.get(lang));
  }
  for (const city of cities) {
    const { config } = city;
    yamlFile(
      'city',
      city.file,
      city.sourceHash,
      (['name', 'government', 'office', 'office_short', 'state'] as const).map((key) => ({ key: [key], value: config[key] as string | undefined })),
      city.translations.get(lang),
    );
  }
  const cityIds = new Set(cities.map((c) => c.id));
  for (const study of selection.caseStudies ?? project.caseStudies) {
    if (!selection.caseStudies && (!cityIds.has(study.city) || !slots.has(study.slot))) continue;
    // Another city's case study an edition prints (a fallback) is that city's text, not this one's.
    if (selection.citiesOnly && !cityIds.has(study.city)) continue;
    markdownFile('case-study', study.file, study.tree, study.sourceHash, study.config.title, study.translations.get(lang));
  }
  return files;
}

/** Why a translation's blocks do not line up with its source's, or undefined when they do. */
function misalignment(source: MarkdownUnit[], translation: MarkdownUnit[]): string | undefined {
  if (source.length !== translation.length) return `${translation.length} blocks for the source's ${source.length}`;
  for (let i = 0; i < source.length; i++) {
    const a = source[i] as MarkdownUnit;
    const b = translation[i] as MarkdownUnit;
    if (a.kind !== b.kind) return `block ${i + 1} is a ${b.kind.split('/').join(' › ')}, the source's a ${a.kind.split('/').join(' › ')}`;
  }
  return undefined;
}

function valueAt(value: unknown, key: string[]): unknown {
  let at = value;
  for (const part of key) at = at && typeof at === 'object' ? (at as Record<string, unknown>)[part] : undefined;
  return at;
}
