import { readFileSync, realpathSync, statSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type OutputFile, sha256 } from './manifest.js';
import { toolkitFingerprint } from './toolkit-fingerprint.js';

/** Folder of the build's own bookkeeping inside the output folder; hidden, so never published or listed. */
export const cacheFolder = '.blueprint-cache';
const indexPath = `${cacheFolder}/pdf.json`;
const formatVersion = 1;

interface CacheEntry {
  /** Everything the PDF was made from, hashed (see pdfKey). */
  key: string;
  file: OutputFile;
  /** What was taken out of the PDF's links when it was made (#9), reported again when it is reused. */
  removed: string[];
}

/**
 * The PDFs an earlier build published, by what they were made from (#14): a document whose key is
 * unchanged is neither printed again nor is the browser started for it; its published PDF is taken as
 * it is. The index lives in `out/.blueprint-cache/pdf.json` and names only files in the output folder;
 * a PDF is reused only while its bytes still have the hash recorded, so a damaged or missing index or
 * file only means printing again.
 */
export class PdfCache {
  private readonly entries: Map<string, CacheEntry>;
  private readonly fresh = new Map<string, CacheEntry>();

  private constructor(
    readonly outDir: string,
    entries: Map<string, CacheEntry>,
    private readonly enabled: boolean,
  ) {
    this.entries = entries;
  }

  /** The index an earlier build left in `outDir`, or an empty one (`enabled` false: `--no-cache`). */
  static open(outDir: string, enabled: boolean): PdfCache {
    const entries = new Map<string, CacheEntry>();
    try {
      const data = JSON.parse(readFileSync(path.join(outDir, indexPath), 'utf8')) as { version?: number; documents?: Record<string, CacheEntry> };
      if (data.version === formatVersion && data.documents && typeof data.documents === 'object')
        for (const [document, entry] of Object.entries(data.documents)) if (isEntry(entry)) entries.set(document, entry);
    } catch {}
    return new PdfCache(outDir, entries, enabled);
  }

  /** The published PDF of `document` when it was made from `key` and is still the file recorded. */
  lookup(document: string, key: string): { file: OutputFile; removed: string[] } | undefined {
    const entry = this.entries.get(document);
    if (!this.enabled || !entry || entry.key !== key) return undefined;
    try {
      const bytes = readFileSync(path.join(this.outDir, entry.file.path));
      if (bytes.byteLength !== entry.file.bytes || sha256(bytes) !== entry.file.sha256) return undefined;
    } catch {
      return undefined;
    }
    this.fresh.set(document, entry);
    return { file: entry.file, removed: entry.removed };
  }

  remember(document: string, key: string, file: OutputFile, removed: string[]): void {
    this.fresh.set(document, { key, file, removed });
  }

  /** Write the index after a build published its files: this build's documents and earlier ones. */
  async save(): Promise<void> {
    const documents = Object.fromEntries([...new Map([...this.entries, ...this.fresh])].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    const target = path.join(this.outDir, indexPath);
    await mkdir(path.dirname(target), { recursive: true });
    const temporary = `${target}.${process.pid}`;
    await writeFile(temporary, `${JSON.stringify({ version: formatVersion, documents }, null, 1)}\n`);
    await rename(temporary, target);
  }
}

const isEntry = (value: unknown): value is CacheEntry => {
  const entry = value as CacheEntry;
  return (
    typeof entry?.key === 'string' &&
    typeof entry.file?.path === 'string' &&
    /^[A-Za-z0-9_\-./]+$/.test(entry.file.path) &&
    entry.file.path.split('/').every((part) => part !== '' && !part.startsWith('.')) &&
    typeof entry.file.sha256 === 'string' &&
    typeof entry.file.bytes === 'number' &&
    Array.isArray(entry.removed)
  );
};

/** What a document's PDF is made from, besides its HTML: the same inputs give the same bytes. */
export interface PdfInputs {
  /** The staged page's digest. */
  page: string;
  base: string;
  /** Font files the HTML loads (their names are not their content). Images are named by their content. */
  fonts: string[];
  /** Browser executable: a different or upgraded browser prints differently. */
  browser: string;
  /** Everything else the finished PDF carries: metadata, date, the finishing settings. */
  meta: unknown;
}

export function pdfKey(inputs: PdfInputs): string {
  return sha256(
    JSON.stringify({
      toolkit: toolkitFingerprint(),
      browser: browserFingerprint(inputs.browser),
      base: inputs.base,
      html: inputs.page,
      fonts: inputs.fonts.map((file) => [path.basename(file), fileHash(file)]),
      meta: inputs.meta,
    }),
  );
}

const fileHashes = new Map<string, string>();
function fileHash(file: string): string {
  let hash = fileHashes.get(file);
  if (!hash) {
    hash = sha256(readFileSync(file));
    fileHashes.set(file, hash);
  }
  return hash;
}

/** The browser by its files' size and time (both change when it is upgraded), without starting it. */
function browserFingerprint(executable: string): string {
  const describe = (file: string) => {
    const stat = statSync(file);
    return `${file}:${stat.size}:${stat.mtimeMs}`;
  };
  try {
    const real = realpathSync(executable);
    return real === executable ? describe(executable) : `${describe(executable)}|${describe(real)}`;
  } catch {
    return executable;
  }
}
