import path from 'node:path';
import type { VFile } from 'vfile';
import type { Edition } from '../edition/resolve-edition.js';
import { type RenderedDocument, renderDocument } from '../html/render-document.js';
import { stringsFor } from '../html/strings.js';
import { renderBody } from '../markdown/render-body.js';
import type { AssetRegistry } from '../project/asset-registry.js';
import type { BlueprintSource, Project } from '../project/load-project.js';
import type { Theme } from '../theme/load-theme.js';
import type { FontCatalog } from '../theme/select-fonts.js';
import type { ManifestDocument } from './manifest.js';

export interface DocumentPlan {
  blueprint: BlueprintSource;
  edition: Edition;
  lang: string;
  /** Output path under out/ without extension, e.g. `chicago/en/language-access`. */
  base: string;
}

export interface BuiltDocument extends DocumentPlan {
  rendered: RenderedDocument;
  slots: ManifestDocument['slots'];
}

export function outputBase(project: Project, blueprint: string, city: string, lang: string): string {
  return project.config.output.replace('{blueprint}', blueprint).replace('{city}', city).replace('{lang}', lang);
}

/** Render one document to HTML in memory: Markdown stage, then theme and page. Messages land on sources. */
export async function renderPlannedDocument(
  project: Project,
  plan: DocumentPlan,
  theme: Theme,
  assets: AssetRegistry,
  fonts: FontCatalog,
): Promise<BuiltDocument> {
  const { blueprint, edition, lang, base } = plan;
  const depth = base.split('/').length - 1;
  const toOutRoot = '../'.repeat(depth);
  const strings = stringsFor(lang, project.config.strings);
  const documentFor = (absolute: string) => {
    const owner = project.sectionOwners.get(absolute);
    if (!owner) return undefined;
    const target = outputBase(project, owner, edition.city.id, lang);
    return `${path.posix.relative(path.posix.dirname(base), target)}.html`;
  };
  const body = await renderBody({ project, blueprint, edition, lang, strings, assets, toOutRoot, documentFor });
  const logo = edition.city.logo ? assets.add(edition.city.logo).output : undefined;
  const rendered = renderDocument({ project, blueprint, edition, lang, strings, theme, body, toOutRoot, fonts, ...(logo ? { logo } : {}) });
  const slots: ManifestDocument['slots'] = {};
  for (const fill of body.fills) slots[fill.slot] = { city: fill.caseStudy.city, source: fill.source };
  return { ...plan, rendered, slots };
}

/** Drop messages reported more than once (the same section renders in several editions). */
export function dedupeMessages(files: VFile[]): void {
  for (const file of files) {
    const seen = new Set<string>();
    file.messages = file.messages.filter((m) => {
      const key = `${m.line}:${m.column}:${m.ruleId}:${m.reason}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }
}
