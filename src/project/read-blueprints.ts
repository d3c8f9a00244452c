import path from 'node:path';
import { suggestion } from '../diagnostics/messages.js';
import { sourceHash, valuesHash } from '../i18n/source-hash.js';
import { checkMarkdownLimits, checkTreeDepth } from '../markdown/check-markdown-limits.js';
import { checkMarkdown, type SourceKind } from '../markdown/checks/index.js';
import { type MarkdownParser, parseFrontMatter, parseMarkdown } from '../markdown/processor.js';
import { nodeAt, nodePosition } from '../validate/parse-yaml.js';
import { type BlueprintConfig, blueprintSchema } from '../validate/schemas/blueprint.js';
import { blueprintTranslationSchema } from '../validate/schemas/translation.js';
import { validateYaml } from '../validate/validate-yaml.js';
import type { BlueprintEntry } from './load-context.js';
import type { MarkdownSource, MarkdownTranslationSource, OrphanTranslation } from './project.js';
import { listFiles, type SourceReader } from './read-sources.js';
import { findOrphans, readMarkdownTranslation, readYamlTranslation, translationPath } from './read-translations.js';

/** Read and validate each blueprint the project lists (once, if it exists), and its section files. */
export function readBlueprints(
  reader: SourceReader,
  ids: string[],
  folders: string[],
  languages: string[],
  parser: MarkdownParser,
  orphans: OrphanTranslation[],
): BlueprintEntry[] {
  const entries: BlueprintEntry[] = [];
  for (const id of new Set(ids)) {
    if (!folders.includes(id)) continue;
    const dir = path.join(reader.root, 'blueprints', id);
    const file = reader.read(path.join(dir, 'blueprint.yaml'));
    if (!file) continue;
    const { parsed, config } = validateYaml(file, String(file.value), blueprintSchema, 'the blueprint', 0, reader.cache);
    const entry: BlueprintEntry = { id, dir, file, parsed, sections: [], translations: new Map(), sourceHash: '' };
    entries.push(entry);
    for (const lang of languages.slice(1)) {
      const translated = readYamlTranslation(reader, translationPath(file.path, lang), blueprintTranslationSchema, 'the blueprint translation');
      if (translated) entry.translations.set(lang, translated);
    }
    orphans.push(...findOrphans(dir, '.yaml', ['blueprint.yaml'], languages, (source) => `there is no ${source} beside it`));
    if (!config) continue;
    entry.config = config;
    entry.sourceHash = blueprintHash(config);
    for (const [i, section] of config.sections.entries()) {
      const ref = { from: file, place: nodePosition(parsed, nodeAt(parsed, ['sections', i, 'file']).node), what: 'Section file', written: section.file };
      const sectionPath = reader.locate(dir, ref);
      if (!sectionPath) continue;
      const existing = listFiles(path.dirname(sectionPath), '.md').map((f) => path.relative(dir, path.join(path.dirname(sectionPath), f)));
      const source = readMarkdown(reader, parser, sectionPath, 'section', { ...ref, known: suggestion(section.file, existing, 'section files') });
      if (!source) continue;
      const translations = new Map<string, MarkdownTranslationSource>();
      for (const lang of languages.slice(1)) {
        const translated = readMarkdownTranslation(reader, parser, translationPath(sectionPath, lang), 'section');
        if (translated) translations.set(lang, translated);
      }
      entry.sections.push({ part: section.part, ...source, translations, sourceHash: sourceHash(String(source.file.value)) });
    }
    // #10: a translation whose section was renamed or removed is reported, not silently left out.
    const sectionDirs = new Map<string, string[]>();
    for (const section of entry.sections) {
      const folder = path.dirname(section.file.path);
      sectionDirs.set(folder, [...(sectionDirs.get(folder) ?? []), path.basename(section.file.path)]);
    }
    for (const [folder, names] of sectionDirs)
      orphans.push(...findOrphans(folder, '.md', names, languages, (source) => `${source} is not a section of blueprint.yaml`));
  }
  return entries;
}

/** What a translation of blueprint.yaml translates: its titles and summary, not its files or sources. */
export const blueprintHash = (config: BlueprintConfig) =>
  valuesHash([config.title, config.subtitle ?? '', config.summary, config.slots.map((slot) => [slot.id, slot.title, slot.description ?? ''])]);

/**
 * Read, parse and check one Markdown source; one past the Markdown limits keeps only its front matter (#9) (#13: the checks run here, once per file, not per edition).
 * With the reader's cache, a file whose text has not changed since the last load is not parsed again.
 */
export function readMarkdown(
  reader: SourceReader,
  parser: MarkdownParser,
  target: string,
  kind: SourceKind,
  ref?: Parameters<SourceReader['read']>[1],
): MarkdownSource | undefined {
  const file = reader.read(target, ref);
  if (!file) return undefined;
  const text = String(file.value);
  const cached = reader.cache?.get(target, text, kind);
  if (cached) {
    file.messages.push(...cached.messages);
    return { file, tree: cached.tree };
  }
  if (!checkMarkdownLimits(file)) return { file, tree: parseFrontMatter(parser, file), truncated: true };
  const tree = parseMarkdown(parser, file);
  if (!checkTreeDepth(tree, file)) return { file, tree: parseFrontMatter(parser, file), truncated: true };
  checkMarkdown(tree, file, kind);
  reader.cache?.set(target, text, kind, tree, file.messages);
  return { file, tree };
}
