import { createHash } from 'node:crypto';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { copyMessage, restoreMessage, type SavedMessage, saveMessage } from '../diagnostics/saved-message.js';
import type { SourceKind } from '../markdown/checks/index.js';
import { rememberTypeset, typesetCopiesOf } from '../markdown/remark-typography.js';
import { FontCatalog } from '../theme/select-fonts.js';
import type { ParsedYaml } from '../validate/parse-yaml.js';

interface Entry {
  /** sha256 of the text the tree was parsed from. */
  hash: string;
  kind: SourceKind;
  tree: Root;
  messages: VFileMessage[];
}

interface YamlEntry {
  text: string;
  parsed: ParsedYaml;
  config: unknown;
  messages: VFileMessage[];
}

/** What the plain-language checks found in one source (#13), kept with the text and settings they judged. */
export interface ProseEntry {
  hash: string;
  settings: string;
  grade: { grade: number; words: number; sentences: number; graded: boolean } | undefined;
  messages: VFileMessage[];
}

/** A cache as it is written to disk (#13, #14): see `snapshot` and `SourceCache.restore`. */
export interface SourceCacheSnapshot {
  markdown: Record<string, { hash: string; kind: SourceKind; tree: Root; typeset: Record<string, Root>; messages: SavedMessage[] }>;
  prose: Record<string, { hash: string; settings: string; grade: ProseEntry['grade']; messages: SavedMessage[] }>;
  glyphs: Record<string, number[]>;
}

/**
 * Sources parsed, validated and checked by earlier loads, by path and exact text (#13), and the font
 * catalog. The preview keeps one across rebuilds, so a save re-parses only the file that changed; every
 * file is still read (through readInside) on every load, so what a build sees is what is on disk. One per
 * preview or command: never shared, never module-level. `check` and `build` keep theirs between runs in the
 * output folder (pipeline/source-cache-file.ts), so a run parses and judges only the files that changed.
 */
export class SourceCache {
  private readonly entries = new Map<string, Entry>();
  private readonly yaml = new Map<string, YamlEntry>();
  private readonly prose = new Map<string, ProseEntry>();
  readonly fonts: FontCatalog;
  /**
   * Files under assets/ that builds with this cache published. They are named by their content (images
   * by hash, fonts by their package file), so one still in the output folder need not be copied again:
   * a preview rebuild writes a page, the index and the manifest, not thirty fonts.
   */
  readonly published = new Set<string>();

  /** `root`: the project, whose own node_modules may hold fonts its themes name (#11). */
  constructor(root?: string) {
    this.fonts = new FontCatalog(root);
  }

  /** A YAML source (or front matter) validated before with the same text: its result, on `file`. */
  getYaml(file: VFile, key: string, text: string): { parsed: ParsedYaml; config: unknown } | undefined {
    const entry = this.yaml.get(`${file.path}\n${key}`);
    if (!entry || entry.text !== text) return undefined;
    file.messages.push(...entry.messages.map(copyMessage));
    return { parsed: { ...entry.parsed, file }, config: entry.config };
  }

  setYaml(file: VFile, key: string, text: string, result: { parsed: ParsedYaml; config: unknown }, messages: VFileMessage[]): void {
    this.yaml.set(`${file.path}\n${key}`, { text, ...result, messages: messages.map(copyMessage) });
  }

  get(path: string, text: string, kind: SourceKind): { tree: Root; messages: VFileMessage[] } | undefined {
    const entry = this.entries.get(path);
    if (!entry || entry.kind !== kind || entry.hash !== textHash(text)) return undefined;
    return { tree: entry.tree, messages: entry.messages.map(copyMessage) };
  }

  set(path: string, text: string, kind: SourceKind, tree: Root, messages: VFileMessage[]): void {
    this.entries.set(path, { hash: textHash(text), kind, tree, messages: messages.map(copyMessage) });
  }

  /** The plain-language result of a source judged before with the same text and settings. */
  getProse(path: string, text: string, settings: string): Omit<ProseEntry, 'hash' | 'settings'> | undefined {
    const entry = this.prose.get(path);
    if (!entry || entry.settings !== settings || entry.hash !== textHash(text)) return undefined;
    return { grade: entry.grade, messages: entry.messages.map(copyMessage) };
  }

  setProse(path: string, text: string, settings: string, result: Omit<ProseEntry, 'hash' | 'settings'>): void {
    this.prose.set(path, { hash: textHash(text), settings, grade: result.grade, messages: result.messages.map(copyMessage) });
  }

  /**
   * What is worth keeping for the next run, as plain data: parsed Markdown (and its typeset copies) and its checks, plain-language
   * results and the fonts' character sets. Only the paths in `keep` (the files this run read), so the
   * file does not grow with files since deleted. YAML is parsed again each run (its documents carry the
   * positions later stages report at).
   */
  snapshot(keep: Set<string>): SourceCacheSnapshot {
    const markdown: SourceCacheSnapshot['markdown'] = {};
    for (const [path, entry] of [...this.entries].sort(byKey))
      if (keep.has(path))
        markdown[path] = {
          hash: entry.hash,
          kind: entry.kind,
          tree: entry.tree,
          typeset: typesetCopiesOf(entry.tree),
          messages: entry.messages.map(saveMessage),
        };
    const prose: SourceCacheSnapshot['prose'] = {};
    for (const [path, entry] of [...this.prose].sort(byKey))
      if (keep.has(path)) prose[path] = { hash: entry.hash, settings: entry.settings, grade: entry.grade, messages: entry.messages.map(saveMessage) };
    return { markdown, prose, glyphs: this.fonts.glyphSets() };
  }

  /** A cache holding what an earlier run saved (see `snapshot`); the caller has checked the data's shape. */
  static restore(snapshot: SourceCacheSnapshot, root?: string): SourceCache {
    const cache = new SourceCache(root);
    for (const [path, entry] of Object.entries(snapshot.markdown)) {
      cache.entries.set(path, { hash: entry.hash, kind: entry.kind, tree: entry.tree, messages: entry.messages.map(restoreMessage) });
      rememberTypeset(entry.tree, entry.typeset ?? {});
    }
    for (const [path, entry] of Object.entries(snapshot.prose))
      cache.prose.set(path, { hash: entry.hash, settings: entry.settings, grade: entry.grade, messages: entry.messages.map(restoreMessage) });
    cache.fonts.seedGlyphSets(snapshot.glyphs);
    return cache;
  }
}

const byKey = <T>(a: [string, T], b: [string, T]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

export const textHash = (text: string) => createHash('sha256').update(text).digest('hex');
