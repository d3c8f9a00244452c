import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * Where font packages are found (#11): the project's own node_modules first (a fork installs a font it
 * wants there), then the toolkit's. Resolving from both is what `npm install <pkg>` in either fixes.
 */
export class FontPackages {
  private readonly resolvers: NodeJS.Require[];

  constructor(root?: string) {
    this.resolvers = [...(root ? [createRequire(path.join(root, 'package.json'))] : []), createRequire(import.meta.url)];
  }

  /** Absolute path of a file in a package (`@fontsource/noto-sans/400.css`), or undefined when not installed. */
  resolve(specifier: string): string | undefined {
    for (const require of this.resolvers) {
      try {
        return require.resolve(specifier);
      } catch {
        // Not installed where this resolver looks; try the next.
      }
    }
    return undefined;
  }

  /** Whether a package is installed at all. */
  has(pkg: string): boolean {
    return this.resolve(`${pkg}/package.json`) !== undefined;
  }

  /** The @fontsource packages installed where these resolvers look, for did-you-mean. */
  installed(): string[] {
    const names = new Set<string>();
    for (const require of this.resolvers) {
      for (const dir of require.resolve.paths('@fontsource/x') ?? []) {
        try {
          for (const entry of readdirSync(path.join(dir, '@fontsource'), { withFileTypes: true }))
            if (entry.isDirectory()) names.add(`@fontsource/${entry.name}`);
        } catch {
          // No @fontsource folder here.
        }
      }
    }
    return [...names].sort();
  }
}
