import path from 'node:path';
import { localize } from '../edition/localize.js';
import { type RenderedDocument, renderDocument } from '../html/render-document.js';
import { stringsFor } from '../html/strings.js';
import { renderBody } from '../markdown/render-body.js';
import type { AssetRegistry } from '../project/asset-registry.js';
import type { Project } from '../project/load-project.js';
import type { Theme } from '../theme/load-theme.js';
import { reportMissingGlyphs } from '../theme/report-missing-glyphs.js';
import type { FontCatalog } from '../theme/select-fonts.js';
import type { ManifestDocument } from './manifest.js';
import { type DocumentPlan, outputBase } from './plan-documents.js';

export interface BuiltDocument extends DocumentPlan {
  rendered: RenderedDocument;
  slots: ManifestDocument['slots'];
  /** Element ids of the body, for checking #links from case studies rendered on their own (check). */
  ids: Set<string>;
}

/** Render stage: every planned document to HTML in memory. Messages land on the sources. */
export async function renderDocuments(
  project: Project,
  documents: DocumentPlan[],
  themes: Map<string, Theme>,
  shared: { assets: AssetRegistry; fonts: FontCatalog; signal?: AbortSignal | undefined; reportFallbacks?: boolean; forCheck?: boolean },
  onRendered: (doc: BuiltDocument, done: number) => void = () => undefined,
): Promise<BuiltDocument[]> {
  const built: BuiltDocument[] = [];
  for (const plan of documents) {
    // Rendering never waits on anything but promises: let the event loop run between documents, or a
    // Ctrl-C (SIGINT, SIGTERM) is not even heard until every document is rendered.
    await new Promise((resolve) => setImmediate(resolve));
    if (shared.signal?.aborted) break;
    const theme = themes.get(plan.edition.theme);
    if (!theme) continue;
    const doc = await renderOne(project, plan, theme, shared);
    built.push(doc);
    onRendered(doc, built.length);
  }
  return built;
}

async function renderOne(project: Project, plan: DocumentPlan, theme: Theme, shared: Parameters<typeof renderDocuments>[3]): Promise<BuiltDocument> {
  const { assets, fonts, reportFallbacks = false, forCheck = false } = shared;
  const { blueprint, edition, lang, base } = plan;
  const toOutRoot = '../'.repeat(base.split('/').length - 1);
  const strings = stringsFor(lang, project.config.strings);
  const text = localize(project, blueprint, edition.city, lang);
  const documentFor = (absolute: string) => {
    const owner = project.sectionOwners.get(absolute);
    if (!owner) return undefined;
    const target = outputBase(project, owner, edition.city.id, lang);
    return `${path.posix.relative(path.posix.dirname(base), target)}.html`;
  };
  const body = await renderBody({ project, blueprint, edition, lang, strings, text, assets, toOutRoot, documentFor, reportFallbacks, typeset: !forCheck });
  const logo = coverLogo(edition, theme, assets);
  const rendered = renderDocument({ project, blueprint, edition, lang, strings, text, theme, body, toOutRoot, fonts, forCheck, ...(logo ? { logo } : {}) });
  if (rendered.fonts.missing.length) reportMissingGlyphs(project, plan, theme, rendered.fonts.missing);
  const slots: ManifestDocument['slots'] = {};
  for (const fill of body.fills) slots[fill.slot] = { city: fill.caseStudy.city, source: fill.source };
  return { ...plan, rendered, slots, ids: body.ids };
}

/** The edition city's logo, else the one its theme gives (#11), copied into the output's assets. */
function coverLogo(edition: DocumentPlan['edition'], theme: Theme, assets: AssetRegistry): { output: string; fromTheme: boolean } | undefined {
  if (edition.city.logo) {
    const output = assets.add(edition.city.logo, edition.city.file)?.output;
    return output ? { output, fromTheme: false } : undefined;
  }
  if (!theme.logo) return undefined;
  const output = assets.add(theme.logo.path, theme.logo.file, theme.logo.place, theme.logo.root)?.output;
  return output ? { output, fromTheme: true } : undefined;
}
