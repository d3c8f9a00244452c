import path from 'node:path';
import type { VFile } from 'vfile';
import { report, suggestion } from '../diagnostics/messages.js';
import { type Edition, resolveEdition } from '../edition/resolve-edition.js';
import type { BlueprintSource, Project } from '../project/load-project.js';
import type { BuildSettings } from './settings.js';

export interface DocumentPlan {
  blueprint: BlueprintSource;
  edition: Edition;
  lang: string;
  /** Output path under out/ without extension, e.g. `chicago/en/language-access`. */
  base: string;
}

export interface Plan {
  editions: Edition[];
  documents: DocumentPlan[];
}

export function outputBase(project: Project, blueprint: string, city: string, lang: string): string {
  return project.config.output.replaceAll('{blueprint}', blueprint).replaceAll('{city}', city).replaceAll('{lang}', lang);
}

/**
 * Plan stage: which documents to make: cities × languages × blueprints, from the request. Unknown names
 * are usage errors on `requestFile`. With a shard, every n-th document of the sorted list, so the shards
 * of one build never overlap and together make all of it (#9).
 */
export function planDocuments(
  project: Project,
  settings: Pick<BuildSettings, 'blueprints' | 'cities' | 'languages' | 'caseStudies' | 'shard'>,
  requestFile: VFile,
): Plan | undefined {
  const known = project.blueprints.map((b) => b.id);
  const unknown = (option: string, value: string, names: Iterable<string>, what: string) => {
    const { known: hint, expected } = suggestion(value, names, what);
    const [kind = option, where = ''] = option.split(/(?= in )/);
    report(requestFile, 'unknown-option-value', { option: kind, value, where, known: hint }, { expected });
  };
  const ids = settings.blueprints.length ? settings.blueprints : known;
  for (const id of ids) if (!known.includes(id)) unknown('blueprint', id, known, 'blueprints');
  const languages = settings.languages.length ? settings.languages : project.config.languages;
  for (const lang of languages)
    if (!project.config.languages.includes(lang)) unknown('language', lang, project.config.languages, 'languages of the project (project.yaml "languages")');
  const cityIds = settings.cities.includes('all')
    ? [...project.cities.keys()].sort()
    : settings.cities.length
      ? settings.cities
      : [project.config.default_city];
  const editions: Edition[] = [];
  for (const city of new Set(cityIds)) {
    const edition = resolveEdition(project, { city, caseStudies: settings.caseStudies }, requestFile);
    if (edition) editions.push(edition);
  }
  if (requestFile.messages.some((m) => m.fatal)) return undefined;

  // #10: a blueprint is published in the source language and in each language it has a translation of its
  // titles for (blueprint.<lang>.yaml); asking for both the blueprint and the language builds it anyway.
  const forced = settings.blueprints.length > 0 && settings.languages.length > 0;
  const documents: DocumentPlan[] = [];
  for (const edition of editions) {
    for (const lang of new Set(languages)) {
      for (const id of new Set(ids)) {
        const blueprint = project.blueprints.find((b) => b.id === id) as BlueprintSource;
        if (publishedLanguage(project, id, lang) !== lang && !forced) continue;
        documents.push({ blueprint, edition, lang, base: outputBase(project, id, edition.city.id, lang) });
      }
    }
  }
  const bases = new Set<string>();
  for (const doc of documents) {
    if (bases.has(doc.base)) {
      report(project.file, 'output-collision', { path: doc.base });
      return undefined;
    }
    bases.add(doc.base);
  }
  if (!settings.shard) return { editions, documents };
  const { index, count } = settings.shard;
  const sorted = [...documents].sort((a, b) => (a.base < b.base ? -1 : a.base > b.base ? 1 : 0));
  const mine = new Set(sorted.filter((_, i) => i % count === index - 1));
  return { editions, documents: documents.filter((d) => mine.has(d)) };
}

/**
 * The language a guide is published in for readers of `lang` (#10): `lang` when it is the source language
 * or the guide has a translation of its titles (blueprint.<lang>.yaml), else the source language. A link
 * from a Spanish guide to one published only in English goes to the English page, which is built.
 */
export function publishedLanguage(project: Project, blueprintId: string, lang: string): string {
  const sourceLang = project.config.languages[0] ?? lang;
  const blueprint = project.blueprints.find((b) => b.id === blueprintId);
  return lang === sourceLang || blueprint?.translations.has(lang) ? lang : sourceLang;
}

/**
 * Where a link from this document to a section file goes: the page of that section's guide in the same
 * edition, in the language it is published in for this document's readers, relative to this document.
 */
export function documentLinks(project: Project, doc: Pick<DocumentPlan, 'base' | 'edition' | 'lang'>): (absolutePath: string) => string | undefined {
  return (absolute) => {
    const target = linkedPage(project, doc, absolute);
    return target ? `${path.posix.relative(path.posix.dirname(doc.base), target.base)}.html` : undefined;
  };
}

/**
 * For a build: the guide a link to a section file goes to when the output folder will not hold its page
 * after this build (`pages`: the bases it will hold), else undefined. A guide built alone links to pages
 * that only a build of the others makes.
 */
export function unbuiltGuides(
  project: Project,
  doc: Pick<DocumentPlan, 'base' | 'edition' | 'lang'>,
  pages: Set<string>,
): (absolutePath: string) => string | undefined {
  return (absolute) => {
    const target = linkedPage(project, doc, absolute);
    return target && !pages.has(target.base) ? target.guide : undefined;
  };
}

/** The guide a section file belongs to, and the base of its page in this document's edition and readers' language. */
function linkedPage(project: Project, doc: Pick<DocumentPlan, 'edition' | 'lang'>, absolute: string): { guide: string; base: string } | undefined {
  const owner = project.sectionOwners.get(absolute);
  return owner ? { guide: owner, base: outputBase(project, owner, doc.edition.city.id, publishedLanguage(project, owner, doc.lang)) } : undefined;
}
