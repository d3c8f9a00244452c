import { localize } from '../edition/localize.js';
import { type RenderedDocument, renderDocument } from '../html/render-document.js';
import { stringsFor } from '../html/strings.js';
import { renderBody } from '../markdown/render-body.js';
import type { AssetRegistry } from '../project/asset-registry.js';
import type { Project } from '../project/load-project.js';
import type { Theme } from '../theme/load-theme.js';
import { reportMissingGlyphs } from '../theme/report-missing-glyphs.js';
import type { FontCatalog } from '../theme/select-fonts.js';
import { type ManifestDocument, sha256 } from './manifest.js';
import { type DocumentPlan, documentLinks, unbuiltGuides } from './plan-documents.js';

export interface BuiltDocument extends DocumentPlan {
  /** What rendering gave, but the page itself: it is handed to `onRendered` and not kept (#14). */
  rendered: Omit<RenderedDocument, 'html'>;
  /** The page's digest and size in bytes. */
  page: { sha256: string; bytes: number };
  slots: ManifestDocument['slots'];
  /** Element ids of the body, for checking #links from case studies rendered on their own (check). */
  ids: Set<string>;
}

/**
 * Render stage: every planned document to HTML. Messages land on the sources. Each page is handed to
 * `onRendered` (a build writes it into the staging folder) and not kept: memory does not grow with the
 * number of documents by their pages (#14).
 */
export async function renderDocuments(
  project: Project,
  documents: DocumentPlan[],
  themes: Map<string, Theme>,
  shared: {
    assets: AssetRegistry;
    fonts: FontCatalog;
    signal?: AbortSignal | undefined;
    reportFallbacks?: boolean;
    forCheck?: boolean;
    /** A build's: the pages (bases) the output folder will hold after it, to warn of links to others. */
    pages?: Set<string>;
  },
  onRendered: (doc: BuiltDocument, html: string, done: number) => void | Promise<void> = () => undefined,
): Promise<BuiltDocument[]> {
  const built: BuiltDocument[] = [];
  // Fallback case studies already said in this run (see renderBody): a city's slot once, not once per language.
  const fallbacksSaid = shared.reportFallbacks ? new Set<string>() : undefined;
  for (const plan of documents) {
    // Rendering never waits on anything but promises: let the event loop run between documents, or a
    // Ctrl-C (SIGINT, SIGTERM) is not even heard until every document is rendered.
    await new Promise((resolve) => setImmediate(resolve));
    if (shared.signal?.aborted) break;
    const theme = themes.get(plan.edition.theme);
    if (!theme) continue;
    const { doc, html } = await renderOne(project, plan, theme, { ...shared, fallbacksSaid });
    built.push(doc);
    await onRendered(doc, html, built.length);
  }
  return built;
}

async function renderOne(
  project: Project,
  plan: DocumentPlan,
  theme: Theme,
  shared: Parameters<typeof renderDocuments>[3] & { fallbacksSaid: Set<string> | undefined },
): Promise<{ doc: BuiltDocument; html: string }> {
  const { assets, fonts, fallbacksSaid, forCheck = false } = shared;
  const { blueprint, edition, lang, base } = plan;
  const toOutRoot = '../'.repeat(base.split('/').length - 1);
  const strings = stringsFor(lang, project.config.strings);
  const text = localize(project, blueprint, edition.city, lang);
  const documentFor = documentLinks(project, plan);
  const unbuilt = shared.pages ? unbuiltGuides(project, plan, shared.pages) : undefined;
  const body = await renderBody({
    project,
    blueprint,
    edition,
    lang,
    strings,
    text,
    assets,
    toOutRoot,
    documentFor,
    unbuilt,
    ...(fallbacksSaid ? { reportFallbacks: fallbacksSaid } : {}),
    typeset: !forCheck,
  });
  const logo = coverLogo(edition, theme, assets);
  const rendered = renderDocument({ project, blueprint, edition, lang, strings, text, theme, body, toOutRoot, fonts, forCheck, ...(logo ? { logo } : {}) });
  if (rendered.fonts.missing.length) reportMissingGlyphs(project, plan, theme, rendered.fonts.missing);
  const slots: ManifestDocument['slots'] = {};
  for (const fill of body.fills) slots[fill.slot] = { city: fill.caseStudy.city, source: fill.source };
  const { html, ...kept } = rendered;
  return { doc: { ...plan, rendered: kept, page: { sha256: sha256(html), bytes: Buffer.byteLength(html) }, slots, ids: body.ids }, html };
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
