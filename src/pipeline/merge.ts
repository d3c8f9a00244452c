import path from 'node:path';
import type { VFile } from 'vfile';
import type { ExitCode } from '../diagnostics/exit-codes.js';
import { report } from '../diagnostics/messages.js';
import { loadProject } from '../project/load-project.js';
import { readBytesInside } from '../project/read-inside.js';
import { loadThemes } from './load-themes.js';
import { documentKey, type Manifest, type ManifestDocument, ownedFiles, readManifest, sha256, sortDocuments } from './manifest.js';
import { manifestOf, writeIndexAndManifest } from './publish-output.js';
import { Run } from './run.js';
import { checkOutputFolder, settleOptions } from './settings.js';
import { openOutput } from './stage-output.js';

export interface MergeOptions {
  root: string;
  /** Output folders of `build --shard i/n`. */
  inputs: string[];
  outDir?: string;
  signal?: AbortSignal;
}

export interface MergeResult {
  code: ExitCode;
  files: VFile[];
  manifest?: Manifest;
}

/**
 * Join the output folders of a sharded build into one (#9): every shard's files, one manifest and one
 * index over all documents. The shards of one build merged equal the unsharded build byte for byte.
 */
export async function merge(options: MergeOptions): Promise<MergeResult> {
  const settings = settleOptions({
    root: options.root,
    ...(options.outDir ? { outDir: options.outDir } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const run = new Run(settings.signal);
  let manifest: Manifest | undefined;
  try {
    manifest = await runMerge(
      options.inputs.map((dir) => path.resolve(dir)),
      settings,
      run,
    );
  } catch (cause) {
    run.internalError(cause);
  }
  return { code: run.code, files: run.allFiles(), ...(manifest ? { manifest } : {}) };
}

async function runMerge(inputs: string[], settings: ReturnType<typeof settleOptions>, run: Run): Promise<Manifest | undefined> {
  if (!checkOutputFolder(settings, run.request)) return undefined;
  const shards: { dir: string; manifest: Manifest }[] = [];
  for (const dir of inputs) {
    const manifest = readManifest(dir);
    if (!manifest) report(run.request, 'merge-input', { dir, problem: 'it has no manifest.json written by blueprint build' });
    else if (path.resolve(dir) === settings.outDir) report(run.request, 'merge-input', { dir, problem: 'it is the output folder itself' });
    else shards.push({ dir, manifest });
  }
  if (inputs.length === 0) report(run.request, 'merge-input', { dir: '(none)', problem: 'no folders were given' });
  if (run.shouldStop()) return undefined;
  const loaded = await loadProject(settings.root);
  run.files.push(...loaded.files);
  const project = loaded.project;
  if (!project || run.shouldStop()) return undefined;
  const themes = loadThemes(project.root, [project.config.default_theme], run.files);

  const staged = await openOutput(settings.outDir, run.request);
  if (!staged) return undefined;
  try {
    const documents = new Map<string, ManifestDocument>();
    const written = new Map<string, string>();
    for (const shard of shards) {
      for (const doc of shard.manifest.documents) documents.set(documentKey(doc), doc);
      for (const file of shard.manifest.files) {
        // Each shard has an index and manifest of its own; the merged ones are made anew below.
        if (file === 'index.html' || file === 'manifest.json') continue;
        const read = readBytesInside(shard.dir, path.join(shard.dir, file), Number.POSITIVE_INFINITY);
        if (!('bytes' in read)) {
          report(run.request, 'merge-input', { dir: shard.dir, problem: `its manifest lists ${file}, which is missing or outside the folder` });
          continue;
        }
        const hash = sha256(read.bytes);
        const before = written.get(file);
        if (before && before !== hash)
          report(run.request, 'merge-input', { dir: shard.dir, problem: `${file} differs from the same file in another shard (shards of different builds?)` });
        if (!before) await staged.write(file, read.bytes);
        written.set(file, hash);
      }
    }
    if (run.shouldStop()) {
      await staged.discard();
      return undefined;
    }
    const all = sortDocuments([...documents.values()]);
    await writeIndexAndManifest(project, themes.get(project.config.default_theme), all, staged, []);
    const conflicts = staged.conflicts(ownedFiles(readManifest(settings.outDir)));
    for (const file of conflicts) report(run.request, 'output-conflict', { path: file });
    if (conflicts.length > 0) {
      await staged.discard();
      return undefined;
    }
    const files = staged.files();
    await staged.commit();
    return manifestOf(project, all, files);
  } catch (cause) {
    await staged.discard();
    throw cause;
  }
}
