import path from 'node:path';
import type { Yaml } from 'mdast';
import { report } from '../diagnostics/messages.js';
import type { MarkdownParser } from '../markdown/processor.js';
import { caseStudySchema } from '../validate/schemas/case-study.js';
import { validateYaml } from '../validate/validate-yaml.js';
import type { CaseStudyEntry } from './load-context.js';
import type { MarkdownSource } from './project.js';
import { readMarkdown } from './read-blueprints.js';
import { listFiles, listFolders, type SourceReader } from './read-sources.js';

const translationPattern = /^(.*)\.([a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)\.md$/;

/** Read every case study (and its translations) and validate its front matter. */
export function readCaseStudies(reader: SourceReader, languages: string[], parser: MarkdownParser): CaseStudyEntry[] {
  const entries: CaseStudyEntry[] = [];
  const citiesDir = path.join(reader.root, 'blueprints', 'cities');
  for (const folder of listFolders(citiesDir)) {
    const dir = path.join(citiesDir, folder, 'case-studies');
    const names = listFiles(dir, '.md');
    const isTranslation = (name: string) => {
      const lang = translationPattern.exec(name)?.[2];
      return lang !== undefined && languages.slice(1).includes(lang);
    };
    for (const name of names.filter((n) => !isTranslation(n))) {
      const source = readMarkdown(reader, parser, path.join(dir, name), 'case-study');
      if (!source) continue;
      const entry: CaseStudyEntry = { ...source, folder, translations: new Map<string, MarkdownSource>() };
      entries.push(entry);
      const front = source.tree.children.find((node): node is Yaml => node.type === 'yaml');
      if (front?.position?.start.line !== 1) {
        report(source.file, 'missing-front-matter', {}, { place: { line: 1, column: 1 } });
        continue;
      }
      const { parsed, config } = validateYaml(source.file, front.value, caseStudySchema, 'the case study front matter', 1, reader.cache);
      entry.parsed = parsed;
      if (config) entry.config = config;
      for (const lang of languages.slice(1)) {
        const translated = readMarkdown(reader, parser, path.join(dir, name.replace(/\.md$/, `.${lang}.md`)), 'case-study');
        if (translated) entry.translations.set(lang, translated);
      }
    }
  }
  return entries;
}
