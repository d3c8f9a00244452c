import { existsSync, lstatSync, readFileSync, realpathSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { VFile } from 'vfile';
import type { ExitCode } from '../diagnostics/exit-codes.js';
import { report } from '../diagnostics/messages.js';
import { type ImportedFile, readXliff } from '../i18n/read-xliff.js';
import { translatableFiles } from '../i18n/translatable-files.js';
import { translationText } from '../i18n/write-translation.js';
import { isInside } from '../project/read-inside.js';
import { Run } from './run.js';
import { loadProjectCached } from './source-cache-file.js';

export interface ImportOptions {
  root: string;
  /** XLIFF files (absolute paths). */
  files: string[];
}

export interface ImportResult {
  code: ExitCode;
  files: VFile[];
  /** Translation files, relative to the project, and whether each was created, changed or already so. */
  written: { path: string; lang: string; state: 'created' | 'changed' | 'unchanged' }[];
}

/**
 * `blueprint i18n import` (#10): check every XLIFF file whole against the current sources, and only when
 * nothing is wrong in any of them write the translation files next to their sources: inside the project,
 * never through a symbolic link, never over a source.
 */
export async function importTranslations(options: ImportOptions): Promise<ImportResult> {
  const run = new Run();
  const written: ImportResult['written'] = [];
  try {
    const { loaded, save } = await loadProjectCached(options.root);
    run.files.push(...loaded.files);
    await save(run.files);
    const project = loaded.project;
    if (!project || run.shouldStop()) return { code: run.code, files: run.allFiles(), written };
    const languages = project.config.languages;
    const sources = new Map<string, ReturnType<typeof translatableFiles>>();
    const sourcesFor = (lang: string) => {
      if (!sources.has(lang)) sources.set(lang, translatableFiles(project, lang));
      return sources.get(lang) ?? [];
    };
    const sourcePaths = new Set(languages.flatMap((lang) => (lang === languages[0] ? [] : sourcesFor(lang).map((f) => path.resolve(f.sourcePath)))));
    const planned: { imported: ImportedFile; lang: string; text: string; target: string }[] = [];
    const targets = new Map<string, string>();
    for (const xlfPath of options.files) {
      const xlf = new VFile({ path: xlfPath });
      run.files.push(xlf);
      try {
        xlf.value = readFileSync(xlfPath, 'utf8');
      } catch (cause) {
        const code = (cause as NodeJS.ErrnoException).code;
        report(run.request, 'xliff-input', {
          path: xlfPath,
          reason: code === 'ENOENT' ? 'it does not exist' : code === 'EISDIR' ? 'it is a folder' : (cause as Error).message,
        });
        continue;
      }
      const read = readXliff(xlf, languages[0] as string, languages, sourcesFor);
      for (const imported of read.files) {
        const target = path.resolve(imported.source.translationPath);
        const refusal = refuseTarget(project.root, target, sourcePaths);
        if (refusal) {
          report(xlf, 'xliff-write-refused', { path: imported.source.translation, reason: refusal });
          continue;
        }
        if (targets.has(target)) {
          report(xlf, 'xliff-write-refused', { path: imported.source.translation, reason: `${targets.get(target)} also imports it` });
          continue;
        }
        targets.set(target, xlfPath);
        planned.push({ imported, lang: read.trgLang as string, text: translationText(imported, project.root), target });
      }
    }
    if (run.shouldStop()) return { code: run.code, files: run.allFiles(), written };
    for (const { imported, lang, text, target } of planned) {
      const before = existsSync(target) ? readFileSync(target, 'utf8') : undefined;
      const state = before === undefined ? 'created' : before === text ? 'unchanged' : 'changed';
      if (state !== 'unchanged') {
        // Beside it, then renamed over it: a reader never sees half a file, and a link is replaced, not followed.
        const staged = `${target}.import-${process.pid}`;
        writeFileSync(staged, text, { flag: 'wx' });
        renameSync(staged, target);
      }
      written.push({ path: imported.source.translation, lang, state });
    }
  } catch (cause) {
    run.internalError(cause);
  }
  return { code: run.code, files: run.allFiles(), written };
}

/** Why a translation may not be written at `target`, or undefined when it may. */
function refuseTarget(root: string, target: string, sources: Set<string>): string | undefined {
  if (!isInside(root, target)) return 'it is outside the project';
  if (sources.has(target)) return 'it is a source file';
  try {
    if (lstatSync(target).isSymbolicLink()) return 'it is a symbolic link';
  } catch {
    // Not there yet: it will be created.
  }
  try {
    if (!isInside(realpathSync(root), realpathSync(path.dirname(target)))) return 'its folder leads out of the project';
  } catch {
    return 'its folder does not exist';
  }
  return undefined;
}
