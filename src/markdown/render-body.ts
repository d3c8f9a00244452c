import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { toString as hastToString } from 'hast-util-to-string';
import type { Root, RootContent } from 'mdast';
import rehypeSanitize from 'rehype-sanitize';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { report } from '../diagnostics/messages.js';
import { type LocalizedText, localize, type Passage } from '../edition/localize.js';
import type { Edition, SlotFill } from '../edition/resolve-edition.js';
import { sanitizeSchema } from '../html/sanitize-schema.js';
import { fill as fillTemplate, type Strings } from '../html/strings.js';
import { commaOf, directionOf, languageName } from '../i18n/language.js';
import type { AssetRegistry } from '../project/asset-registry.js';
import type { BlueprintSource, CaseStudy, Project } from '../project/load-project.js';
import type { TranslationMeta } from '../validate/schemas/translation.js';
import { copyTree } from './copy-tree.js';
import { guideAnchors } from './guide-anchors.js';
import { unclosedFrontMatter } from './processor.js';
import { rehypeHeadingSlugs } from './rehype-heading-slugs.js';
import { rehypeLabelTaskItems } from './rehype-label-task-items.js';
import { rehypeLeadIns, rehypeNoteRefs } from './rehype-note-refs.js';
import { rehypeNumericColumns } from './rehype-numeric-columns.js';
import { rehypeRawPerSource } from './rehype-raw-per-source.js';
import { rehypeShortCitations } from './rehype-short-citations.js';
import { rehypeSourceLanguageNotes } from './rehype-source-language-notes.js';
import { rehypeTableRegion } from './rehype-table-region.js';
import { type CaseStudySlotOptions, remarkCaseStudySlot } from './remark-case-study-slot.js';
import { remarkCityVariables } from './remark-city-variables.js';
import { remarkHeadingIds } from './remark-heading-ids.js';
import { type ResolveAssetsOptions, remarkResolveAssets } from './remark-resolve-assets.js';
import { remarkScopeFootnotes, remarkShiftHeadings } from './remark-scope-footnotes.js';
import { typesetSource } from './remark-typography.js';
import { visit } from './visit-tree.js';

export interface Heading {
  id: string;
  depth: number;
  text: string;
  /** Index of the section (part) the heading is in. */
  part: number;
  /** Its language, when not the document's (an untranslated section's heading). */
  lang?: string;
}

export interface RenderedBody {
  tree: HastRoot;
  headings: Heading[];
  /** The case studies placed in this document, in reading order. */
  fills: SlotFill[];
  /** The translations printed (sections and case studies), for the review notice (#10). */
  translations: (TranslationMeta | undefined)[];
  /** Every element id in the body (headings, notes), for #links. */
  ids: Set<string>;
}

export interface RenderBodyInput {
  project: Project;
  blueprint: BlueprintSource;
  edition: Edition;
  lang: string;
  strings: Strings;
  /** Titles and city fields in the document's language (#10). */
  text: LocalizedText;
  assets: AssetRegistry;
  toOutRoot: string;
  documentFor: ResolveAssetsOptions['documentFor'];
  /** A build's: links to guides whose pages the output folder will not hold (see unbuiltGuides). */
  unbuilt?: ResolveAssetsOptions['unbuilt'];
  /**
   * Say where another city's case study is printed (builds do; `check`, over every edition, does not): once a
   * build for each city and slot, not again for each of its languages (the set holds `city/slot` once said).
   */
  reportFallbacks?: Set<string>;
  /** Curly quotes and dashes (#12); `check` leaves them out (#13): they report nothing and cost a third of a render. */
  typeset?: boolean;
}

/** The transforms every source goes through (#8: one preset for sections and case studies). */
function sourceTransforms(options: { text: LocalizedText; scope: string; shiftBy: number; assets: ResolveAssetsOptions; slots?: CaseStudySlotOptions }) {
  return (
    unified()
      .use(remarkHeadingIds)
      .use(remarkCityVariables, { value: options.text.city, lang: options.text.lang, article: options.text.article })
      .use(remarkScopeFootnotes, { scope: options.scope })
      .use(remarkShiftHeadings, { by: options.shiftBy })
      .use(remarkResolveAssets, options.assets)
      // Last: a case study comes in with its links and images already resolved from its own file (and run
      // through the transforms above as itself), so nothing here may take them for the section's.
      .use(options.slots ? [[remarkCaseStudySlot, options.slots]] : [])
  );
}

/** How a source's images and links resolve for one document; `fragments` collects its #links. */
function assetOptions(
  project: Project,
  input: Pick<RenderBodyInput, 'assets' | 'toOutRoot' | 'documentFor' | 'unbuilt'>,
  fragments: ResolveAssetsOptions['fragments'],
  document?: { guide: string; lang: string },
): ResolveAssetsOptions {
  return {
    root: project.root,
    assets: input.assets,
    toOutRoot: input.toOutRoot,
    documentFor: input.documentFor,
    unbuilt: input.unbuilt,
    sections: [...project.sectionOwners.keys()],
    fragments,
    ...(document
      ? {
          anchors: {
            own: document.guide,
            of: (absolute: string) => {
              const owner = project.sectionOwners.get(absolute);
              return owner ? guideAnchors(project, owner, document.lang) : undefined;
            },
          },
        }
      : {}),
  };
}

/** Markdown stage: every section file of a blueprint, with case studies filled, as one sanitized HTML tree. */
export async function renderBody(input: RenderBodyInput): Promise<RenderedBody> {
  const { project, blueprint, edition, lang, strings, text } = input;
  const translations: (TranslationMeta | undefined)[] = [];
  /** hast properties that mark a passage in another language than the document's (#10). */
  const marked = (passageLang: string) => (passageLang === lang ? {} : { lang: passageLang, dir: directionOf(passageLang) });
  const passageNode = (passage: Passage): RootContent =>
    passage.lang === lang
      ? { type: 'text', value: passage.text }
      : ({
          type: 'passage',
          data: { hName: 'span', hProperties: marked(passage.lang) },
          children: [{ type: 'text', value: passage.text }],
        } as unknown as RootContent);
  const sourceLang = project.config.languages[0] ?? 'en';
  const fragments: ResolveAssetsOptions['fragments'] = [];
  const assets = assetOptions(project, input, fragments, { guide: blueprint.id, lang });
  const placed = new Map<string, VFile>();
  const fills: SlotFill[] = [];
  const allSlots = new Map([...project.slots].map(([id, d]) => [id, d.blueprint.id]));
  const cityName = text.city('name') as Passage;
  const typeset = (tree: Root, treeLang: string) => (input.typeset === false ? tree : typesetSource(tree, treeLang));

  const cityTexts = new Map<string, LocalizedText>([[edition.city.id, text]]);
  const textOfCity = (id: string): LocalizedText => {
    let found = cityTexts.get(id);
    const city = project.cities.get(id);
    if (!found && city) {
      found = localize(project, blueprint, city, lang);
      cityTexts.set(id, found);
    }
    return found ?? text;
  };
  const renderCaseStudy = (fill: SlotFill): RootContent[] => {
    const study = fill.caseStudy;
    const translated = lang === sourceLang ? undefined : study.translations.get(lang);
    if (translated) translations.push(translated.meta);
    else if (lang !== sourceLang) reportUntranslated(study.file, lang, sourceLang, 'case study');
    const source = translated ?? study;
    // #10: a case study without a translation is printed in its own language, marked, inside the edition's.
    const bodyLang = translated ? lang : sourceLang;
    const tree = copyTree(typeset(source.tree, bodyLang));
    // Its :city[…] variables are its own city's values: another city's edition that prints it (a fallback,
    // --case-study) must not credit that city with the program.
    sourceTransforms({ text: textOfCity(study.city), scope: `cs-${study.slot}`, shiftBy: 3, assets }).runSync(tree, source.file);
    fills.push(fill);
    const headingId = `case-study-${study.slot}`;
    const title: Passage = translated?.title ? { text: translated.title, lang } : { text: study.config.title, lang: sourceLang };
    const owner = text.cityName(study.city);
    const children: RootContent[] = [
      {
        type: 'paragraph',
        data: { hProperties: { className: ['case-study-label'], ...marked(lang) } },
        children: [
          { type: 'text', value: `${strings.caseStudy} · ` },
          passageNode(owner),
          { type: 'text', value: `${commaOf(lang)}${study.config.year}` },
        ] as never,
      },
      {
        type: 'heading',
        depth: 3,
        data: { hProperties: { id: headingId, ...marked(title.lang) } },
        children: [{ type: 'text', value: title.text }],
      },
    ];
    if (fill.source === 'fallback') {
      children.push({
        type: 'paragraph',
        data: { hProperties: { className: ['case-study-note'], ...marked(lang) } },
        children: [{ type: 'emphasis', children: [{ type: 'text', value: fillTemplate(strings.fallbackNote, { city: cityName.text, other: owner.text }) }] }],
      });
    }
    if (!translated && lang !== sourceLang) children.push(untranslatedNote());
    const body = withoutFrontMatter(tree).children;
    children.push(
      bodyLang === lang
        ? ({ type: 'passage', data: { hName: 'div' }, children: body } as unknown as RootContent)
        : ({ type: 'passage', data: { hName: 'div', hProperties: marked(bodyLang) }, children: body } as unknown as RootContent),
    );
    return [
      {
        type: 'caseStudy',
        data: {
          hName: 'aside',
          hProperties: {
            className: ['case-study'],
            // In the edition's language, which its label is: a section left in the source language may hold it.
            lang,
            dir: directionOf(lang),
            ariaLabelledBy: headingId,
            dataCity: study.city,
            dataSlot: study.slot,
            dataSource: fill.source,
            // #12: the label the printer puts on each piece of the box after the first, in print only.
            dataContinued: fillTemplate(strings.continued, { label: strings.caseStudy }),
            ...(strings.langOf.continued ? { dataContinuedLang: strings.langOf.continued } : {}),
          },
        },
        children,
      } as unknown as RootContent,
    ];
  };

  /** A note in the document's language saying the passage after it is printed in the source language. */
  const untranslatedNote = (): RootContent => ({
    type: 'paragraph',
    // In the edition's language, inside a passage marked as the source's.
    data: { hProperties: { className: ['untranslated-note'], lang, dir: directionOf(lang) } },
    children: [{ type: 'emphasis', children: [{ type: 'text', value: fillTemplate(strings.untranslatedNote, { language: languageName(sourceLang, lang) }) }] }],
  });

  const slots: CaseStudySlotOptions = {
    ownSlots: new Set(blueprint.config.slots.map((s) => s.id)),
    allSlots,
    fills: edition.fills,
    render: renderCaseStudy,
    placed,
    // A slot the city has a stub for is on its to-do list: the build says so once per edition
    // (edition-stubs), not once per slot (#11: twenty warnings on every build of a new city).
    onFallback: (fill, file, place) => {
      const said = input.reportFallbacks;
      const key = `${edition.city.id}/${fill.slot}`;
      if (!said || edition.stubs.has(fill.slot) || said.has(key)) return;
      said.add(key);
      report(file, 'slot-fallback', { city: edition.city.config.name, cityId: edition.city.id, slot: fill.slot, other: fill.caseStudy.city }, { place });
    },
  };
  const sections: RootContent[] = [];
  for (const [i, section] of blueprint.sections.entries()) {
    const translated = lang === sourceLang ? undefined : section.translations.get(lang);
    if (lang !== sourceLang && !translated) {
      reportUntranslated(section.file, lang, sourceLang, 'section');
    }
    if (translated) translations.push(translated.meta);
    const source = translated ?? section;
    // #10: an untranslated section keeps its own language and direction, after a note in the edition's.
    const partLang = lang !== sourceLang && !translated ? sourceLang : lang;
    const tree = withoutFrontMatter(copyTree(typeset(source.tree, partLang)));
    const first = tree.children[0];
    // A file past the Markdown limits keeps only its front matter (#9), and one whose front matter is not
    // closed starts with its keys: each has its one error saying why, not this too.
    if (!source.truncated && !unclosedFrontMatter(source.tree, String(source.file.value)) && (first?.type !== 'heading' || first.depth !== 1))
      report(source.file, 'heading-structure', {}, { place: first?.position });
    await sourceTransforms({ text, scope: `s${i + 1}`, shiftBy: 1, assets, slots }).run(tree, source.file);
    const children = partLang === lang ? tree.children : [...tree.children.slice(0, 1), untranslatedNote(), ...tree.children.slice(1)];
    sections.push({
      type: 'part',
      data: { hName: 'section', hProperties: { className: ['part', `part-${i + 1}`], dataPart: section.part, ...marked(partLang) } },
      children,
    } as unknown as RootContent);
  }
  for (const slot of blueprint.config.slots) {
    if (!placed.has(slot.id)) report(blueprint.file, 'unplaced-slot', { slot: slot.id });
  }

  const mdast: Root = { type: 'root', children: sections };
  const docFile = new VFile({ path: blueprint.file.path });
  // Parsing raw HTML (parse5) is the costliest step; most guides have none, so only run it when needed.
  let hasRaw = false;
  visit(mdast, 'html', () => {
    hasRaw = true;
    return false;
  });
  const tree = (await unified()
    .use(remarkRehype, {
      allowDangerousHtml: true,
      clobberPrefix: '',
      footnoteLabel: strings.notes,
      footnoteLabelProperties: { className: ['notes-title'] },
      footnoteBackLabel: strings.backToContent,
      // '↩' (the default) and arrows are missing from Noto Sans, so Chromium would embed a system font.
      footnoteBackContent: '^',
    })
    .use(hasRaw ? [rehypeRawPerSource] : [])
    .use(rehypeSanitize, sanitizeSchema)
    .use(rehypeHeadingSlugs)
    .use(rehypeLabelTaskItems)
    // #12: print finish: note numbers joined to their word, lead-ins marked, repeat citations shortened.
    .use(rehypeNoteRefs)
    .use(rehypeLeadIns)
    .use(rehypeNumericColumns)
    .use(rehypeShortCitations)
    .use(rehypeTableRegion)
    .use(rehypeSourceLanguageNotes, { lang, sourceLang })
    .run(mdast, docFile)) as HastRoot;

  const headings: Heading[] = [];
  const ids = new Set<string>();
  let part = -1;
  const walk = (nodes: ElementContent[], inLang: string) => {
    for (const node of nodes) {
      if (node.type !== 'element') continue;
      const nodeLang = typeof node.properties.lang === 'string' ? node.properties.lang : inLang;
      const id = node.properties.id;
      if (typeof id === 'string') ids.add(id);
      if (node.tagName === 'section' && node.properties.dataPart) part++;
      if (/^h[2-6]$/.test(node.tagName) && typeof id === 'string') {
        headings.push({
          id,
          depth: Number(node.tagName.slice(1)) - 1,
          text: hastToString(node),
          part: Math.max(0, part),
          ...(nodeLang !== lang ? { lang: nodeLang } : {}),
        });
      }
      walk(node.children, nodeLang);
    }
  };
  walk(tree.children as ElementContent[], lang);
  let sourceIds: Set<string> | undefined;
  for (const fragment of fragments) {
    if (ids.has(fragment.id) || blueprint.incomplete) continue;
    // An id the source-language text has and this language's translation does not (its heading's words, translated).
    sourceIds ??= lang === sourceLang ? new Set() : (guideAnchors(project, blueprint.id, sourceLang)?.ids ?? new Set());
    const edition = sourceIds.has(fragment.id) ? languageName(lang, 'en') : '';
    report(fragment.file, 'broken-fragment', { id: fragment.id, edition }, { place: fragment.place });
  }
  return { tree, headings, fills, ids, translations };
}

export interface CheckCaseStudyInput extends Omit<RenderBodyInput, 'blueprint' | 'edition' | 'strings' | 'text' | 'reportFallbacks'> {
  study: CaseStudy;
  /** The ids of the guide the case study is placed in: its #links may point there. */
  guideIds: Set<string>;
}

/**
 * Run a case study through the transforms on its own, with its own city's values (#13: `check` renders
 * each guide once per language, in one edition, so a case study that edition does not place is checked
 * here): variables, images, links, and #links against its own ids and the guide's.
 */
export async function checkCaseStudy(input: CheckCaseStudyInput): Promise<void> {
  const { project, study, lang } = input;
  const city = project.cities.get(study.city);
  const blueprint = project.slots.get(study.slot)?.blueprint;
  if (!city || !blueprint) return;
  // #10: its own city's values in the language checked, as an edition of that city would print them.
  const text = localize(project, blueprint, city, lang);
  const source = study.translations.get(lang) ?? study;
  const sourceLang = project.config.languages[0] ?? 'en';
  if (lang !== sourceLang && source === study) reportUntranslated(study.file, lang, sourceLang, 'case study');
  const fragments: ResolveAssetsOptions['fragments'] = [];
  const assets = assetOptions(project, input, fragments, { guide: blueprint.id, lang });
  const tree = withoutFrontMatter(copyTree(source.tree));
  await sourceTransforms({ text, scope: `cs-${study.slot}`, shiftBy: 3, assets }).run(tree, source.file);
  const hast = (await unified()
    .use(remarkRehype, { allowDangerousHtml: true, clobberPrefix: '' })
    .use(rehypeSanitize, sanitizeSchema)
    .use(rehypeHeadingSlugs)
    .run(tree, new VFile({ path: source.file.path }))) as HastRoot;
  const ids = new Set(input.guideIds);
  visit(hast, 'element', (node: Element) => {
    if (typeof node.properties.id === 'string') ids.add(node.properties.id);
  });
  for (const fragment of fragments) {
    if (!ids.has(fragment.id)) report(fragment.file, 'broken-fragment', { id: fragment.id, edition: '' }, { place: fragment.place });
  }
}

/**
 * #13: the links and images of a case study no edition can place (its front matter has an error, or its
 * city or slot does not exist), checked as a guide would resolve them, so that they are reported with the
 * front matter's error and not only once that is mended. Its #links are not checked: it has no guide.
 */
export async function checkSetAsideLinks(project: Project, source: { file: VFile; tree: Root }, assets: AssetRegistry): Promise<void> {
  const documentFor = (absolute: string) => (project.sectionOwners.has(absolute) ? `${project.sectionOwners.get(absolute)}.html` : undefined);
  const options = assetOptions(project, { assets, toOutRoot: '', documentFor }, []);
  await unified()
    .use(remarkResolveAssets, options)
    .run(withoutFrontMatter(copyTree(source.tree)), source.file);
}

function withoutFrontMatter(tree: Root): Root {
  tree.children = tree.children.filter((node) => node.type !== 'yaml');
  return tree;
}

/**
 * #10: a section or case study printed in the source language in another language's edition: say which file
 * to add (once per file at the end of the run, for all its languages: the catalogue merges them).
 */
function reportUntranslated(file: VFile, lang: string, sourceLang: string, what: 'section' | 'case study'): void {
  report(file, 'untranslated', { langs: [lang], source: sourceLang, name: file.stem ?? '', what });
}
