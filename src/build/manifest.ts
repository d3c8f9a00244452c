import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface OutputFile {
  path: string;
  sha256: string;
  /** Page count, for PDFs. */
  pages?: number;
}

export interface ManifestDocument {
  blueprint: string;
  city: string;
  lang: string;
  title: string;
  /** Slot id → which city's case study filled it, and why. */
  slots: Record<string, { city: string; source: 'edition' | 'override' | 'fallback' }>;
  html?: OutputFile;
  pdf?: OutputFile;
}

export interface Manifest {
  generator: 'blueprints-toolkit';
  project: string;
  version: string | null;
  documents: ManifestDocument[];
}

export const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

export const documentKey = (d: Pick<ManifestDocument, 'blueprint' | 'city' | 'lang'>) => `${d.city}/${d.lang}/${d.blueprint}`;

export function sortDocuments(documents: ManifestDocument[]): ManifestDocument[] {
  return [...documents].sort((a, b) => documentKey(a).localeCompare(documentKey(b)));
}

/**
 * Documents an earlier build left in `out/` that this build did not rebuild and whose files are still
 * there, so `out/index.html` and `out/manifest.json` list every edition built so far.
 */
export function previousDocuments(outDir: string, rebuilt: Set<string>): ManifestDocument[] {
  const file = path.join(outDir, 'manifest.json');
  if (!existsSync(file)) return [];
  try {
    const old = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
    return (old.documents ?? []).filter(
      (d) => !rebuilt.has(documentKey(d)) && (!d.html || existsSync(path.join(outDir, d.html.path))) && (!d.pdf || existsSync(path.join(outDir, d.pdf.path))),
    );
  } catch {
    return [];
  }
}
