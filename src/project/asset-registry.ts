import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface Asset {
  /** Absolute path of the source file. */
  source: string;
  /** Path under the output folder, e.g. `assets/3f9a…c1.png`; named by content, so builds are stable. */
  output: string;
}

/**
 * Images, logos and linked files that documents use, copied once into `out/assets/` under a name
 * derived from their content (two editions using one image share it; renaming a source changes nothing).
 */
export class AssetRegistry {
  readonly assets = new Map<string, Asset>();

  add(source: string): Asset {
    const known = this.assets.get(source);
    if (known) return known;
    const hash = createHash('sha256').update(readFileSync(source)).digest('hex').slice(0, 16);
    const ext = path.extname(source).toLowerCase();
    const asset = { source, output: `assets/${hash}${ext}` };
    this.assets.set(source, asset);
    return asset;
  }
}
