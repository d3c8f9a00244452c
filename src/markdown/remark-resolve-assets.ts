import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { error } from '../diagnostics/messages.js';
import type { AssetRegistry } from '../project/asset-registry.js';
import { isReallyInside, resolveInside } from '../project/safe-path.js';

export interface ResolveAssetsOptions {
  root: string;
  assets: AssetRegistry;
  /** From the document's output folder to the output root, e.g. `../../`. */
  toOutRoot: string;
  /** Section file (absolute path) → output file name of the blueprint it belongs to, for cross-guide links. */
  documentFor: (absolutePath: string) => string | undefined;
  /** Same-document fragments to check once heading ids exist. */
  fragments: { file: VFile; id: string; place: NonNullable<Root['position']>['start'] | undefined }[];
}

const isRemote = (url: string) => /^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//');

/**
 * Images must be files inside the project: they are copied into `out/assets/` and the URL rewritten.
 * Relative links to files are copied too; links to another guide's Markdown point at its HTML.
 */
export function remarkResolveAssets(options: ResolveAssetsOptions) {
  return (tree: Root, file: VFile) => {
    const dir = path.dirname(file.path);
    visit(tree, (node) => {
      if (node.type === 'image') {
        if (isRemote(node.url)) {
          error(file, 'remote-resource', `Remote image "${node.url}" would be loaded from the network`, {
            place: node.position,
            hint: 'Download the image into the blueprint folder (e.g. images/) and link it with a relative path.',
          });
          node.url = '';
          return;
        }
        const target = resolveLocal(node.url, dir, options.root);
        if (!target.path) {
          error(
            file,
            target.outside ? 'unsafe-path' : 'missing-image',
            target.outside ? `Image path "${node.url}" leaves the project` : `Image "${node.url}" does not exist`,
            {
              place: node.position,
              hint: target.outside
                ? 'Keep images inside the project folder.'
                : `Add the file at ${path.relative(options.root, path.resolve(dir, decodeURI(node.url)))} or correct the path.`,
            },
          );
          node.url = '';
          return;
        }
        node.url = options.toOutRoot + options.assets.add(target.path).output;
        return;
      }
      if (node.type === 'link' || node.type === 'definition') {
        const url = node.url;
        if (url.startsWith('#')) {
          options.fragments.push({ file, id: decodeURIComponent(url.slice(1)), place: node.position?.start });
          return;
        }
        if (isRemote(url) || url === '') return;
        const [target, fragment] = url.split('#', 2) as [string, string | undefined];
        const local = resolveLocal(target, dir, options.root);
        if (!local.path) {
          error(
            file,
            local.outside ? 'unsafe-path' : 'broken-link',
            local.outside ? `Link "${url}" leaves the project` : `Broken link: "${url}" does not exist`,
            {
              place: node.position,
              hint: local.outside ? 'Link only to files inside the project.' : 'Correct the path (it is relative to this file) or remove the link.',
            },
          );
          return;
        }
        const doc = options.documentFor(local.path);
        if (doc) node.url = doc + (fragment ? `#${fragment}` : '');
        else node.url = options.toOutRoot + options.assets.add(local.path).output + (fragment ? `#${fragment}` : '');
      }
    });
  };
}

function resolveLocal(url: string, dir: string, root: string): { path?: string; outside?: boolean } {
  let decoded: string;
  try {
    decoded = decodeURI(url.split('?')[0] ?? url);
  } catch {
    decoded = url;
  }
  const resolved = resolveInside(root, dir, decoded);
  if (!resolved) return { outside: true };
  if (!existsSync(resolved) || !statSync(resolved).isFile()) return {};
  if (!isReallyInside(root, resolved)) return { outside: true };
  return { path: resolved };
}
