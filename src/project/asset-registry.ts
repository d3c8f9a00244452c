import { createHash } from 'node:crypto';
import path from 'node:path';
import type { VFile } from 'vfile';
import { type Position, report } from '../diagnostics/messages.js';
import { sanitizeSvg } from '../html/sanitize-svg.js';
import { readBytesInside } from './read-inside.js';

export interface Asset {
  /** Absolute path of the source file. */
  source: string;
  /** Path under the output folder, e.g. `assets/3f9a…c1.png`; named by content, so builds are stable. */
  output: string;
  /** The bytes to publish (read once, through readInside). */
  bytes: Uint8Array;
}

/**
 * Images, logos and linked files that documents use, copied once into `out/assets/` under a name
 * derived from their content (two editions using one image share it; renaming a source changes nothing).
 */
export class AssetRegistry {
  readonly assets = new Map<string, Asset>();

  constructor(readonly root: string) {}

  /**
   * Register a file; a refused one is reported on `file` at `place` and gives undefined. `within` is the
   * folder it must stay in: the project, or for a theme's logo the theme's own folder (#11).
   */
  add(source: string, file?: VFile, place?: Position, within: string = this.root): Asset | undefined {
    const known = this.assets.get(source);
    if (known) return known;
    const read = readBytesInside(within, source);
    if (!('bytes' in read)) {
      if (file) {
        const shown = path.relative(within, source);
        if (read.problem === 'too-large')
          report(file, 'source-too-large', { size: `${(read.size / 1048576).toFixed(1)} MB`, limit: `${read.limit / 1048576} MB` }, { place });
        else if (read.problem === 'outside') report(file, 'unsafe-path', { what: 'File', path: shown }, { place });
        else report(file, 'broken-link', { url: shown }, { place });
      }
      return undefined;
    }
    let bytes: Uint8Array = read.bytes;
    if (path.extname(source).toLowerCase() === '.svg') {
      // #9: an SVG opened from the site runs its script; publish only its drawing.
      const clean = sanitizeSvg(new TextDecoder().decode(bytes));
      const url = path.relative(within, source);
      if ('error' in clean) {
        if (file) report(file, 'unsafe-image', { url, problem: clean.error }, { place });
        return undefined;
      }
      if (clean.removed.length > 0 && file)
        report(file, 'svg-content-removed', { url, removed: [...new Set(clean.removed)].slice(0, 5).join(', ') }, { place });
      bytes = new TextEncoder().encode(clean.svg);
    }
    const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
    const ext = path.extname(source).toLowerCase();
    const asset = { source, output: `assets/${hash}${ext}`, bytes };
    this.assets.set(source, asset);
    return asset;
  }
}
