import { readdirSync, realpathSync } from 'node:fs';
import path from 'node:path';
import type { VFile } from 'vfile';
import { VFile as SourceFile } from 'vfile';
import { type Position, report } from '../diagnostics/messages.js';
import { entriesInside, locateInside, maxTextBytes, placeOfOffset, readBytesInside, readInside } from './read-inside.js';
import type { SourceCache } from './source-cache.js';

/** Who asked for a file, to point a message at the line that names it. */
export interface Reference {
  from: VFile;
  place?: Position | undefined;
  /** What the file is, for messages: "Section file", "Stylesheet". */
  what: string;
  /** The path as written in the source. */
  written: string;
  /** Known alternatives for a missing file (did-you-mean). */
  known?: { known: string; expected: string[] };
}

/**
 * Reads a project's text sources into VFiles, through `readInside` (#8: one reader), and keeps every file
 * it read, with its messages, so the caller can report them all at once.
 */
export class SourceReader {
  readonly files: VFile[] = [];
  /** Where the root leads (see realRoot): null until asked. */
  private rootLeadsTo: string | undefined | null = null;
  /** The names in each folder an optional file was looked for in (see notListed); null: not listed. */
  private readonly listings = new Map<string, Set<string> | null>();

  /** @param cache parsed Markdown of earlier loads (the preview's); none for a build */
  constructor(
    readonly root: string,
    readonly cache?: SourceCache,
  ) {}

  /**
   * Read `target` (absolute). A refused file is reported at `ref` when given (a missing file only then:
   * optional files such as translations are simply absent); an unreadable one on the file itself.
   */
  read(target: string, ref?: Reference): VFile | undefined {
    if (!ref && this.notListed(target)) return undefined;
    const result = readInside(this.root, target, maxTextBytes, this.realRoot());
    if ('file' in result) {
      this.files.push(result.file);
      return result.file;
    }
    switch (result.problem) {
      case 'outside':
        // A file looked for on its own (a translation) is named from the project's folder, not the disk's root.
        this.reportOn(ref, target, (file, place) =>
          report(file, 'unsafe-path', { what: ref?.what ?? 'File', path: ref?.written ?? path.relative(this.root, target) }, { place }),
        );
        return undefined;
      case 'missing':
      case 'not-a-file':
        if (ref)
          report(
            ref.from,
            'missing-file',
            { what: ref.what, path: ref.written, known: ref.known?.known ?? '' },
            { place: ref.place, ...(ref.known ? { expected: ref.known.expected } : {}) },
          );
        return undefined;
      case 'too-large': {
        const file = this.placeholder(target);
        report(file, 'source-too-large', { size: megabytes(result.size), limit: megabytes(result.limit) });
        return undefined;
      }
      case 'encoding': {
        const file = this.placeholder(target);
        const bytes = readBytesInside(this.root, target, undefined, this.realRoot());
        const place = 'bytes' in bytes ? placeOfOffset(bytes.bytes, result.offset) : undefined;
        report(file, 'source-encoding', { problem: result.detail }, { place });
        return undefined;
      }
    }
  }

  /** Resolve a path written in a source, relative to `fromDir`, refusing one that leaves the project. */
  locate(fromDir: string, ref: Reference): string | undefined {
    const found = locateInside(this.root, fromDir, ref.written, this.realRoot());
    if ('path' in found) return found.path;
    if (found.problem === 'outside') {
      report(ref.from, 'unsafe-path', { what: ref.what, path: ref.written }, { place: ref.place });
      return undefined;
    }
    // Missing: `read` reports it at the reference, with the files that do exist.
    return path.resolve(fromDir, ref.written);
  }

  /**
   * Where the root leads, asked once per reader (one load): a file is checked against it. Undefined when the
   * root cannot be resolved; each read then finds the file missing, as it did.
   */
  realRoot(): string | undefined {
    if (this.rootLeadsTo === null) {
      try {
        this.rootLeadsTo = realpathSync.native(this.root);
      } catch {
        this.rootLeadsTo = undefined;
      }
    }
    return this.rootLeadsTo;
  }

  /**
   * Whether an optional file is certainly absent: its folder, inside the project by where it leads, does not
   * list it (#13: a load looks for a translation of every section in every language, and most are absent;
   * each look cost three system calls). Folders are listed once per reader. False when unsure: the file is
   * then looked for as any other, and refused as any other.
   */
  private notListed(target: string): boolean {
    const dir = path.dirname(target);
    let names = this.listings.get(dir);
    if (names === undefined) {
      const realRoot = this.realRoot();
      const entries = realRoot === undefined ? undefined : entriesInside(this.root, dir, realRoot);
      names = entries ? new Set(entries.map((entry) => entry.name)) : null;
      this.listings.set(dir, names);
    }
    return names !== null && !names.has(path.basename(target));
  }

  private reportOn(ref: Reference | undefined, target: string, fn: (file: VFile, place: Position | undefined) => void) {
    if (ref) fn(ref.from, ref.place);
    else fn(this.placeholder(target), undefined);
  }

  /** A file that could not be read, kept to carry its message. */
  placeholder(target: string): VFile {
    const file = new SourceFile({ path: target });
    this.files.push(file);
    return file;
  }
}

const megabytes = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/** Folder names below `dir` (real folders, not links), sorted so every machine reads them in the same order. */
export function listFolders(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
      .map((e) => e.name)
      .sort();
  } catch {
    return [];
  }
}

/** Names in `dir` ending in `ext` (files, or links the reader will check), sorted. */
export function listFiles(dir: string, ext: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((e) => (e.isFile() || e.isSymbolicLink()) && e.name.endsWith(ext) && !e.name.startsWith('.'))
      .map((e) => e.name)
      .sort();
  } catch {
    return [];
  }
}
