import { existsSync } from 'node:fs';
import path from 'node:path';
import type { VFile } from 'vfile';
import { report } from '../diagnostics/messages.js';
import { renderIndex } from '../html/render-index.js';
import type { Project } from '../project/load-project.js';
import type { Theme } from '../theme/load-theme.js';
import type { FontCatalog } from '../theme/select-fonts.js';
import { documentKey, type Manifest, type ManifestDocument, ownedFiles, previousDocuments, readManifest, sortDocuments } from './manifest.js';
import { outputFormats } from './output-formats.js';
import type { StagedOutput } from './stage-output.js';

/** Index links of a document: one per format it was built in, in the formats' order. */
export const indexLinks = (doc: ManifestDocument) =>
  outputFormats.flatMap((format) => {
    const file = doc.outputs[format.id];
    return file ? [{ href: file.path, label: format.describe(file) }] : [];
  });

/**
 * Publish stage: add the index and manifest (this build's documents and those of earlier builds still in
 * the output folder), refuse to replace files the toolkit did not write, then move everything into place.
 * Returns this build's manifest, or undefined when a conflict stopped it (reported on `requestFile`).
 */
export async function publishOutput(
  project: Project,
  indexTheme: Theme | undefined,
  documents: ManifestDocument[],
  staged: StagedOutput,
  requestFile: VFile,
  fonts?: FontCatalog,
): Promise<Manifest | undefined> {
  const previous = readManifest(staged.outDir);
  const all = sortDocuments([...previousDocuments(staged.outDir, previous, new Set(documents.map(documentKey))), ...documents]);
  await writeIndexAndManifest(project, indexTheme, all, staged, previous?.files ?? [], fonts);
  const conflicts = staged.conflicts(ownedFiles(previous));
  if (conflicts.length > 0) {
    for (const path of conflicts) report(requestFile, 'output-conflict', { path });
    return undefined;
  }
  await staged.commit();
  return manifestOf(project, sortDocuments(documents), staged.files());
}

/** Stage `index.html` and `manifest.json` for `documents`; `keep` are files earlier builds wrote that stay. */
export async function writeIndexAndManifest(
  project: Project,
  theme: Theme | undefined,
  documents: ManifestDocument[],
  staged: StagedOutput,
  keep: string[],
  fonts?: FontCatalog,
) {
  if (theme) {
    const index = renderIndex(project, theme, documents, indexLinks, fonts);
    await staged.write('index.html', index.html);
    for (const font of index.fonts.files) await staged.copy(font.source, font.output);
  }
  const kept = keep.filter((file) => existsSync(path.join(staged.outDir, file)));
  const files = [...new Set([...kept, ...staged.files(), 'manifest.json'])].sort();
  await staged.write('manifest.json', `${JSON.stringify(manifestOf(project, documents, files), null, 2)}\n`);
}

export function manifestOf(project: Project, documents: ManifestDocument[], files: string[]): Manifest {
  return { generator: 'blueprints-toolkit', project: project.config.title, version: project.config.version ?? null, documents, files };
}
