import path from 'node:path';
import type { Yaml } from 'mdast';
import { report } from '../diagnostics/messages.js';
import { valuesHash } from '../i18n/source-hash.js';
import { type MarkdownParser, unclosedFrontMatter } from '../markdown/processor.js';
import { caseStudySchema } from '../validate/schemas/case-study.js';
import { validateYaml } from '../validate/validate-yaml.js';
import type { CaseStudyEntry } from './load-context.js';
import type { MarkdownTranslationSource, OrphanTranslation } from './project.js';
import { readMarkdown } from './read-blueprints.js';
import { listFiles, listFolders, type SourceReader } from './read-sources.js';
import { findOrphans, readMarkdownTranslation, translationName, translationPath } from './read-translations.js';

/** Read every case study (and its translations) and validate its front matter. */
export function readCaseStudies(reader: SourceReader, languages: string[], parser: MarkdownParser, orphans: OrphanTranslation[]): CaseStudyEntry[] {
  const entries: CaseStudyEntry[] = [];
  const citiesDir = path.join(reader.root, 'blueprints', 'cities');
  for (const folder of listFolders(citiesDir)) {
    const dir = path.join(citiesDir, folder, 'case-studies');
    const names = listFiles(dir, '.md');
    // #10: `<slot>.es.md` is a translation (of any language: one the project does not build is reported).
    const sources = names.filter((n) => !translationName.test(n));
    orphans.push(...findOrphans(dir, '.md', sources, languages, (source) => `there is no case study ${source} beside it`));
    for (const name of sources) {
      const source = readMarkdown(reader, parser, path.join(dir, name), 'case-study');
      if (!source) continue;
      const entry: CaseStudyEntry = { ...source, folder, translations: new Map<string, MarkdownTranslationSource>(), sourceHash: '' };
      entries.push(entry);
      const front = source.tree.children.find((node): node is Yaml => node.type === 'yaml');
      if (front?.position?.start.line !== 1) {
        // One opened and never closed is reported as that by the Markdown checks.
        if (!unclosedFrontMatter(source.tree, String(source.file.value))) report(source.file, 'missing-front-matter', {}, { place: { line: 1, column: 1 } });
        continue;
      }
      const { parsed, config } = validateYaml(source.file, front.value, caseStudySchema, 'the case study front matter', 1, reader.cache);
      entry.parsed = parsed;
      if (config) entry.config = config;
      // What a translation translates: the title and the text, not the year or the sources (#10).
      entry.sourceHash = valuesHash([config?.title ?? '', String(source.file.value).slice(front.position?.end.offset ?? 0)]);
      for (const lang of languages.slice(1)) {
        const translated = readMarkdownTranslation(reader, parser, translationPath(path.join(dir, name), lang), 'case-study');
        if (translated) entry.translations.set(lang, translated);
      }
    }
  }
  return entries;
}
