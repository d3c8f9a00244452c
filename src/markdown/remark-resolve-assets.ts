import path from 'node:path';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import type { Html, Root, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import { didYouMean, type Position, report } from '../diagnostics/messages.js';
import type { AssetRegistry } from '../project/asset-registry.js';
import { locateInside, namesBeside } from '../project/read-inside.js';
import type { GuideAnchors } from './guide-anchors.js';
import { visit, visit as visitHast } from './visit-tree.js';

export interface ResolveAssetsOptions {
  root: string;
  assets: AssetRegistry;
  /** From the document's output folder to the output root, e.g. `../../`. */
  toOutRoot: string;
  /** Section file (absolute path) → output file name of the blueprint it belongs to, for cross-guide links. */
  documentFor: (absolutePath: string) => string | undefined;
  /** A build's: the guide a link to this section file goes to, when the output folder will not hold its page. */
  unbuilt?: ((absolutePath: string) => string | undefined) | undefined;
  /** Absolute paths of the project's section files, to suggest one for a site-root link (#13). */
  sections?: Iterable<string>;
  /** Same-document fragments to check once heading ids exist. */
  fragments: { file: VFile; id: string; place: Position['start'] | undefined }[];
  /**
   * Where links into a guide may land (see guideAnchors), by its section file: a link to a section file
   * goes to that section's heading, a #link into another guide is checked. `own`: this document's guide,
   * whose links to its own sections become #links.
   */
  anchors?: { of: (absolutePath: string) => GuideAnchors | undefined; own: string };
}

const scheme = /^([a-z][a-z0-9+.-]*):/i;
/** Addresses a reader may follow out of a guide (#9: never javascript:, data:, file:, vbscript:…). */
const safeSchemes = new Set(['http', 'https', 'mailto', 'tel']);
/** Raw-text elements: their content is not Markdown, and an unclosed one swallows the rest (#9). */
const rawTextTags = /^<\s*(script|style|title|textarea|xmp|iframe|noembed|noframes|noscript|plaintext|template|object|embed)\b/i;
const urlAttributes = ['src', 'href', 'srcSet', 'poster', 'data', 'action', 'formAction', 'cite', 'background', 'xLinkHref', 'longDesc'];

/**
 * Images must be files inside the project: they are copied into `out/assets/` and the URL rewritten.
 * Relative links to files are copied too; links to another guide's Markdown point at its HTML. The same
 * rules hold for URLs inside raw HTML (#9), so `<img src>` cannot reach the network or the file system.
 */
export function remarkResolveAssets(options: ResolveAssetsOptions) {
  return (tree: Root, file: VFile) => {
    const dir = path.dirname(file.path);
    const resolve = (kind: 'image' | 'link', url: string, place: Position | undefined): string | undefined => {
      const trimmed = url.trim();
      if (trimmed === '') return url;
      if (trimmed.startsWith('#')) {
        if (kind === 'link') options.fragments.push({ file, id: safeDecode(trimmed.slice(1)), place: place?.start });
        return url;
      }
      const protocol = scheme.exec(trimmed)?.[1]?.toLowerCase();
      if (protocol || trimmed.startsWith('//')) {
        if (kind === 'image') {
          report(file, protocol && !safeSchemes.has(protocol) && protocol !== 'data' ? 'unsafe-url' : 'remote-resource', { url: trimmed }, { place });
          return undefined;
        }
        if (protocol && safeSchemes.has(protocol)) return url;
        report(file, 'unsafe-url', { url: trimmed }, { place });
        return undefined;
      }
      if (trimmed.startsWith('/') || trimmed.startsWith('\\')) {
        report(file, 'site-root-link', { url: trimmed, candidate: siteRootCandidate(trimmed, dir, options.sections ?? []) }, { place });
        return undefined;
      }
      const [target = '', fragment] = trimmed.split('#', 2) as [string, string | undefined];
      const decoded = safeDecode(target.split('?')[0] ?? target);
      const found = locateInside(options.root, dir, decoded);
      if (!('path' in found)) {
        if (found.problem === 'outside') {
          report(file, 'unsafe-path', { what: kind === 'image' ? 'Image' : 'Link', path: trimmed }, { place });
          return undefined;
        }
        // A near miss in the file's name (requests-by-year.png written request-by-year.png): say which.
        const near = didYouMean(path.basename(decoded), namesBeside(options.root, path.resolve(dir, decoded)));
        const meant = near ? path.posix.join(path.posix.dirname(decoded.split(path.sep).join('/')), near) : '';
        if (kind === 'image')
          report(file, 'missing-image', { url: trimmed, expected: path.relative(options.root, path.resolve(dir, decoded)), meant }, { place });
        else report(file, 'broken-link', { url: trimmed, meant }, { place });
        return undefined;
      }
      const suffix = fragment ? `#${fragment}` : '';
      if (kind === 'link') {
        const doc = options.documentFor(found.path);
        const unbuilt = doc ? options.unbuilt?.(found.path) : undefined;
        if (unbuilt) report(file, 'guide-not-built', { guide: unbuilt, url: trimmed }, { place });
        const anchors = doc ? options.anchors?.of(found.path) : undefined;
        if (doc && anchors) {
          const id = fragment ? safeDecode(fragment) : anchors.sections.get(found.path);
          if (anchors.guide === options.anchors?.own) {
            // This guide's own section: a #link, checked with the others once the ids exist.
            if (!id) return '#';
            if (fragment) options.fragments.push({ file, id, place: place?.start });
            return `#${fragment ?? encodeURIComponent(id)}`;
          }
          // Another guide's heading (repeats numbered, -1, -2, may come from its case studies, unknown here).
          if (fragment && id && !anchors.ids.has(id) && !anchors.ids.has(id.replace(/-\d+$/, '')))
            report(file, 'broken-fragment', { id, edition: '', guide: anchors.guide }, { place });
          return fragment ? doc + suffix : id ? `${doc}#${encodeURIComponent(id)}` : doc;
        }
        if (doc) return doc + suffix;
      }
      const asset = options.assets.add(found.path, file, place);
      return asset ? options.toOutRoot + asset.output + suffix : undefined;
    };

    visit(tree, (node, index, parent) => {
      if (node.type === 'image') node.url = resolve('image', node.url, node.position) ?? '';
      else if (node.type === 'link' || node.type === 'definition') {
        const url = resolve('link', node.url, node.position);
        if (url !== undefined) node.url = url;
        else if (parent && index !== undefined) {
          // #9: a refused address is removed, as its message says: a link keeps only its text (not an
          // `<a href="">`), a definition goes, and references to it print as the text they are.
          (parent.children as RootContent[]).splice(index, 1, ...(node.type === 'link' ? node.children : []));
          return index;
        }
      } else if (node.type === 'html') {
        if (rawTextTags.test(node.value.trim())) {
          const tag = (rawTextTags.exec(node.value.trim())?.[1] ?? '').toLowerCase();
          report(file, 'raw-text-html', { tag }, { place: node.position });
          if (parent && index !== undefined) parent.children.splice(index, contentLength(parent.children, index, tag, flowContainers.has(parent.type)));
          return index;
        }
        resolveRawHtml(node, resolve);
      }
      return undefined;
    });
  };
}

/** Parents whose raw HTML is a block: it holds the whole element up to its end tag (or a blank line). */
const flowContainers = new Set(['root', 'blockquote', 'listItem', 'footnoteDefinition', 'containerDirective']);

/**
 * How many nodes from `index` a raw-text element takes (#9). In a paragraph or heading the parser splits
 * `<script>alert(1)</script>` into the start tag, the text and the end tag, so its content would be
 * printed: take everything up to the end tag, or to the end of the paragraph when it is not closed.
 */
function contentLength(siblings: readonly RootContent[], index: number, tag: string, block: boolean): number {
  const end = new RegExp(`</${tag}\\b`, 'i');
  if (block || end.test((siblings[index] as Html).value)) return 1;
  let last = index + 1;
  while (last < siblings.length && !(siblings[last]?.type === 'html' && end.test((siblings[last] as Html).value))) last++;
  return Math.min(last + 1, siblings.length) - index;
}

/** Check and rewrite the URLs of one raw HTML fragment; one that cannot be rewritten is dropped. */
function resolveRawHtml(node: Html, resolve: (kind: 'image' | 'link', url: string, place: Position | undefined) => string | undefined): void {
  if (!/(src|href|data|action|poster|cite|background|longdesc)\s*=/i.test(node.value)) return;
  const fragment = fromHtml(node.value, { fragment: true });
  let value = node.value;
  visitHast(fragment, 'element', (element: Element) => {
    for (const attribute of urlAttributes) {
      const raw = element.properties[attribute];
      if (raw === undefined || raw === null) continue;
      const urls =
        attribute === 'srcSet'
          ? String(raw)
              .split(',')
              .map((part) => part.trim().split(/\s+/)[0] ?? '')
          : [String(raw)];
      for (const url of urls) {
        const kind = element.tagName === 'a' || element.tagName === 'area' ? 'link' : 'image';
        const resolved = resolve(kind, url, node.position);
        if (resolved === url) continue;
        // Written plainly the URL appears verbatim in the source; otherwise (entities) drop the fragment.
        if (resolved !== undefined && url && value.includes(url)) value = value.split(url).join(resolved);
        else value = '';
      }
    }
  });
  node.value = value;
}

/**
 * A section file a site-root link probably meant (#13): `/guidelines/audience` from a Jekyll page names
 * `…/audience.md` or `…/03-audience.md`. Its path from `dir`, or '' when none fits.
 */
export function siteRootCandidate(url: string, dir: string, sections: Iterable<string>): string {
  const wanted = url
    .split(/[?#]/)[0]
    ?.replace(/\/(index)?(\.html?|\.md)?$/i, '')
    .replace(/\.(html?|md)$/i, '')
    .split('/')
    .filter(Boolean)
    .at(-1)
    ?.toLowerCase();
  if (!wanted) return '';
  const bare = wanted.replace(/^\d+-/, '');
  let matches = [...sections].filter((file) => path.basename(file, '.md').toLowerCase().replace(/^\d+-/, '') === bare).sort();
  // Several guides have a "02-steps.md": the other parts of the address may name the guide's folder.
  const folders = url.toLowerCase().split('/').slice(0, -1).filter(Boolean);
  if (matches.length > 1) matches = matches.filter((file) => folders.some((folder) => file.toLowerCase().split(path.sep).includes(folder)));
  return matches.length === 1
    ? path
        .relative(dir, matches[0] as string)
        .split(path.sep)
        .join('/')
    : '';
}

function safeDecode(text: string): string {
  try {
    return decodeURI(text);
  } catch {
    return text;
  }
}
