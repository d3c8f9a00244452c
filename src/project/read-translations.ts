import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Yaml } from 'mdast';
import type { z } from 'zod';
import { didYouMean } from '../diagnostics/messages.js';
import type { SourceKind } from '../markdown/checks/index.js';
import type { MarkdownParser } from '../markdown/processor.js';
import { markdownTranslationSchema, type TranslationMeta } from '../validate/schemas/translation.js';
import { validateYaml } from '../validate/validate-yaml.js';
import type { MarkdownTranslationSource, OrphanTranslation, YamlTranslation } from './project.js';
import { readMarkdown } from './read-blueprints.js';
import { listFiles, type SourceReader } from './read-sources.js';

/** `01-why.es.md` → `01-why`, `es`; `blueprint.zh-Hans.yaml` → `blueprint`, `zh-Hans`. */
export const translationName = /^(.*)\.([a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)\.(md|yaml)$/;

/** The file that holds the translation of `source` into `lang`: `01-why.md` → `01-why.es.md`. */
export const translationPath = (source: string, lang: string) => source.replace(/\.(md|yaml)$/, `.${lang}.$1`);

/**
 * Read a translated Markdown file, if there is one (#10): parsed once, like its source, with its front
 * matter (translation status, a case study's title) checked against a strict schema. It goes through the
 * same reader as its source (#9: the Markdown limits; #13: the checks that teach, the cache).
 */
export function readMarkdownTranslation(reader: SourceReader, parser: MarkdownParser, target: string, kind: SourceKind): MarkdownTranslationSource | undefined {
  const source = readMarkdown(reader, parser, target, kind);
  if (!source) return undefined;
  const { file, tree } = source;
  const truncated = source.truncated ? { truncated: true } : {};
  const front = tree.children.find((node): node is Yaml => node.type === 'yaml');
  if (front?.position?.start.line !== 1) return { file, tree, meta: undefined, ...truncated };
  const { parsed, config } = validateYaml(file, front.value, markdownTranslationSchema, 'the translation front matter', 1);
  return { file, tree, parsed, meta: config?.translation as TranslationMeta | undefined, ...(config?.title ? { title: config.title } : {}), ...truncated };
}

/** Read a translated YAML file (`blueprint.es.yaml`), if there is one, against its strict schema. */
export function readYamlTranslation<S extends z.ZodType<{ translation?: TranslationMeta | undefined }>>(
  reader: SourceReader,
  target: string,
  schema: S,
  what: string,
): YamlTranslation<z.infer<S>> | undefined {
  if (!existsSync(target)) return undefined;
  const file = reader.read(target);
  if (!file) return undefined;
  const { parsed, config } = validateYaml(file, String(file.value), schema, what);
  if (!config) return undefined;
  return { file, parsed, config, meta: config.translation };
}

/**
 * Translation files in `dir` that nothing uses (#10: a translation of a renamed section was silently
 * ignored): their source is not among `sources` (file names in `dir`), or their language is not built.
 */
export function findOrphans(
  dir: string,
  ext: '.md' | '.yaml',
  sources: string[],
  languages: string[],
  describe: (source: string) => string,
): OrphanTranslation[] {
  const orphans: OrphanTranslation[] = [];
  for (const name of listFiles(dir, ext)) {
    if (sources.includes(name)) continue;
    const match = translationName.exec(name);
    if (!match) continue;
    const [, base = '', lang = ''] = match;
    const source = `${base}${ext}`;
    if (!sources.includes(source)) {
      // The source it was most likely made from, renamed since: its translation's name after that source.
      const meant = didYouMean(
        source,
        sources.filter((s) => s.endsWith(ext)),
      );
      const renamed = meant ? `${meant.slice(0, -ext.length)}.${lang}${ext}` : undefined;
      orphans.push({ path: path.join(dir, name), lang, reason: describe(source), ...(renamed ? { renamed } : {}) });
    } else if (!languages.slice(1).includes(lang))
      orphans.push({ path: path.join(dir, name), lang, reason: `the project does not build "${lang}" (project.yaml "languages")`, unbuilt: true });
  }
  return orphans;
}
