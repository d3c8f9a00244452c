import type { Element, Root as HastRoot } from 'hast';
import { toString as hastToString } from 'hast-util-to-string';
import type { Root, RootContent } from 'mdast';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeSlug from 'rehype-slug';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { error, warn } from '../diagnostics/messages.js';
import type { Edition, SlotFill } from '../edition/resolve-edition.js';
import { sanitizeSchema } from '../html/sanitize-schema.js';
import { fill as fillTemplate, type Strings } from '../html/strings.js';
import type { AssetRegistry } from '../project/asset-registry.js';
import type { BlueprintSource, Project } from '../project/load-project.js';
import { rehypeLabelTaskItems } from './rehype-label-task-items.js';
import { remarkCaseStudySlot } from './remark-case-study-slot.js';
import { remarkCityVariables } from './remark-city-variables.js';
import { type ResolveAssetsOptions, remarkResolveAssets } from './remark-resolve-assets.js';
import { remarkScopeFootnotes, remarkShiftHeadings } from './remark-scope-footnotes.js';

export interface Heading {
  id: string;
  depth: number;
  text: string;
  /** Index of the section (part) the heading is in. */
  part: number;
}

export interface RenderedBody {
  tree: HastRoot;
  headings: Heading[];
  /** The case studies placed in this document, in reading order. */
  fills: SlotFill[];
}

export interface RenderBodyInput {
  project: Project;
  blueprint: BlueprintSource;
  edition: Edition;
  lang: string;
  strings: Strings;
  assets: AssetRegistry;
  toOutRoot: string;
  documentFor: ResolveAssetsOptions['documentFor'];
}

const parser = () => unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter).use(remarkDirective);

/** Markdown stage: every section file of a blueprint, with case studies filled, as one sanitized HTML tree. */
export async function renderBody(input: RenderBodyInput): Promise<RenderedBody> {
  const { project, blueprint, edition, lang, strings } = input;
  const sourceLang = project.config.languages[0];
  const fragments: ResolveAssetsOptions['fragments'] = [];
  const assetOptions = { root: project.root, assets: input.assets, toOutRoot: input.toOutRoot, documentFor: input.documentFor, fragments };
  const placed = new Map<string, VFile>();
  const fills: SlotFill[] = [];
  const allSlots = new Map([...project.slots].map(([id, d]) => [id, d.blueprint.id]));

  const renderCaseStudy = (fill: SlotFill): RootContent[] => {
    const study = fill.caseStudy;
    const file = study.translations.get(lang) ?? study.file;
    const tree = parser().parse(file);
    unified()
      .use(remarkCityVariables, { city: edition.city.config })
      .use(remarkScopeFootnotes, { scope: `cs-${study.slot}` })
      .use(remarkShiftHeadings, { by: 3 })
      .use(remarkResolveAssets, assetOptions)
      .runSync(tree, file);
    fills.push(fill);
    const city = project.cities.get(study.city);
    const headingId = `case-study-${study.slot}`;
    const children: RootContent[] = [
      {
        type: 'paragraph',
        data: { hProperties: { className: ['case-study-label'] } },
        children: [{ type: 'text', value: `${strings.caseStudy} · ${city?.config.name ?? study.city}, ${study.config.year}` }],
      },
      { type: 'heading', depth: 3, data: { hProperties: { id: headingId } }, children: [{ type: 'text', value: study.config.title }] },
    ];
    if (fill.source === 'fallback') {
      children.push({
        type: 'paragraph',
        data: { hProperties: { className: ['case-study-note'] } },
        children: [
          {
            type: 'emphasis',
            children: [{ type: 'text', value: fillTemplate(strings.fallbackNote, { city: edition.city.config.name, other: city?.config.name ?? study.city }) }],
          },
        ],
      });
    }
    children.push(...withoutFrontMatter(tree).children);
    return [
      {
        type: 'caseStudy',
        data: {
          hName: 'aside',
          hProperties: { className: ['case-study'], ariaLabelledBy: headingId, dataCity: study.city, dataSlot: study.slot, dataSource: fill.source },
        },
        children,
      } as unknown as RootContent,
    ];
  };

  const sections: RootContent[] = [];
  for (const [i, section] of blueprint.sections.entries()) {
    const translated = lang === sourceLang ? undefined : section.translations.get(lang);
    if (lang !== sourceLang && !translated) {
      warn(section.file, 'untranslated', `No ${lang} translation of this section; printing the ${sourceLang} text`, {
        hint: `Add ${section.file.basename?.replace(/\.md$/, `.${lang}.md`)} next to it.`,
      });
    }
    const file = translated ?? section.file;
    const tree = withoutFrontMatter(parser().parse(file));
    const first = tree.children[0];
    if (first?.type !== 'heading' || first.depth !== 1) {
      warn(file, 'heading-structure', 'Expected the section to start with a level-1 heading (its title)', {
        place: first?.position,
        hint: 'Start the file with a line like "# Why it matters".',
      });
    }
    await unified()
      .use(remarkCityVariables, { city: edition.city.config })
      .use(remarkScopeFootnotes, { scope: `s${i + 1}` })
      .use(remarkShiftHeadings, { by: 1 })
      .use(remarkCaseStudySlot, {
        ownSlots: new Set(blueprint.config.slots.map((s) => s.id)),
        allSlots,
        fills: edition.fills,
        render: renderCaseStudy,
        placed,
      })
      .use(remarkResolveAssets, assetOptions)
      .run(tree, file);
    sections.push({
      type: 'part',
      data: { hName: 'section', hProperties: { className: ['part', `part-${i + 1}`], dataPart: section.part } },
      children: tree.children,
    } as unknown as RootContent);
  }
  for (const slot of blueprint.config.slots) {
    if (!placed.has(slot.id)) {
      warn(blueprint.file, 'unplaced-slot', `Slot "${slot.id}" is declared but never placed in a section`, {
        hint: `Put ::case-study{slot="${slot.id}"} on its own line where the case study belongs.`,
      });
    }
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
    .use(hasRaw ? [rehypeRaw] : [])
    .use(rehypeSanitize, sanitizeSchema)
    .use(rehypeSlug)
    .use(rehypeLabelTaskItems)
    .run(mdast, docFile)) as HastRoot;

  const headings: Heading[] = [];
  const ids = new Set<string>();
  let part = -1;
  visit(tree, 'element', (node: Element) => {
    const id = node.properties.id;
    if (typeof id === 'string') ids.add(id);
    if (node.tagName === 'section' && node.properties.dataPart) part++;
    if (/^h[2-6]$/.test(node.tagName) && typeof id === 'string') {
      headings.push({ id, depth: Number(node.tagName.slice(1)) - 1, text: hastToString(node), part: Math.max(0, part) });
    }
  });
  for (const fragment of fragments) {
    if (!ids.has(fragment.id)) {
      error(fragment.file, 'broken-link', `Broken link: no heading or note has the id "#${fragment.id}"`, {
        place: fragment.place,
        hint: 'Heading ids are the heading text in lower case with dashes, e.g. "## Next steps" → #next-steps.',
      });
    }
  }
  return { tree, headings, fills };
}

function withoutFrontMatter(tree: Root): Root {
  tree.children = tree.children.filter((node) => node.type !== 'yaml');
  return tree;
}
