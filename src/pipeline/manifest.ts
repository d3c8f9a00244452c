import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Format } from './settings.js';

export interface OutputFile {
  path: string;
  sha256: string;
  /** Page count, for PDFs. */
  pages?: number;
  /** Size in bytes. */
  bytes: number;
}

export interface ManifestDocument {
  blueprint: string;
  city: string;
  lang: string;
  title: string;
  /** Slot id → which city's case study filled it, and why. */
  slots: Record<string, { city: string; source: 'edition' | 'override' | 'fallback' }>;
  /** Each format built, by its id (#8: nothing names formats by hand). */
  outputs: Partial<Record<Format, OutputFile>>;
}

export interface Manifest {
  generator: 'blueprints-toolkit';
  project: string;
  version: string | null;
  documents: ManifestDocument[];
  /** Every file the toolkit wrote in the output folder: later builds may replace these, and no others. */
  files: string[];
}

export const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

export const documentKey = (d: Pick<ManifestDocument, 'blueprint' | 'city' | 'lang'>) => `${d.city}/${d.lang}/${d.blueprint}`;

export function sortDocuments(documents: ManifestDocument[]): ManifestDocument[] {
  return [...documents].sort((a, b) => (documentKey(a) < documentKey(b) ? -1 : documentKey(a) > documentKey(b) ? 1 : 0));
}

/** The manifest an earlier build left in `outDir`, if it is one of ours. */
export function readManifest(outDir: string): Manifest | undefined {
  const file = path.join(outDir, 'manifest.json');
  if (!existsSync(file)) return undefined;
  try {
    const old = JSON.parse(readFileSync(file, 'utf8')) as Partial<Manifest>;
    if (old.generator !== 'blueprints-toolkit' || !Array.isArray(old.documents)) return undefined;
    // #9: a manifest in a fork's output folder is input like any other: keep only paths the toolkit could
    // have written, so it cannot list ../ files to merge or javascript: links for the index.
    const documents = old.documents.filter((d) => d && typeof d === 'object' && Object.values(d.outputs ?? {}).every((f) => isOutputPath(f?.path)));
    const files = Array.isArray(old.files) ? old.files.filter(isOutputPath) : [];
    return { generator: 'blueprints-toolkit', project: old.project ?? '', version: old.version ?? null, documents, files };
  } catch {
    return undefined;
  }
}

/** A path the toolkit writes below an output folder: plain names, no "..", no hidden or absolute parts. */
const isOutputPath = (value: unknown): value is string =>
  typeof value === 'string' && /^[A-Za-z0-9_\-./]+$/.test(value) && value.split('/').every((part) => part !== '' && !part.startsWith('.'));

/** Files an earlier build wrote, which this build may replace. */
export function ownedFiles(previous: Manifest | undefined): Set<string> {
  return new Set(previous ? ['manifest.json', 'index.html', ...previous.files] : []);
}

/** The bases (`city/lang/guide`) of the pages an earlier build left in the output folder, still in place. */
export function publishedBases(outDir: string): string[] {
  return previousDocuments(outDir, readManifest(outDir), new Set()).flatMap((doc) =>
    Object.values(doc.outputs).flatMap((file) => (file ? [file.path.replace(/\.[a-z]+$/, '')] : [])),
  );
}

/**
 * Documents an earlier build left in `outDir` that this build did not rebuild and whose files are still
 * there, so `out/index.html` and `out/manifest.json` list every edition built so far.
 */
export function previousDocuments(outDir: string, previous: Manifest | undefined, rebuilt: Set<string>): ManifestDocument[] {
  return (previous?.documents ?? []).filter(
    (d) => d.outputs && !rebuilt.has(documentKey(d)) && Object.values(d.outputs).every((f) => f && existsSync(path.join(outDir, f.path))),
  );
}
