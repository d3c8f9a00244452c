import { existsSync } from 'node:fs';
import path from 'node:path';
import type { VFile } from 'vfile';
import { isMap, isSeq, parseDocument } from 'yaml';
import type { ExitCode } from '../diagnostics/exit-codes.js';
import { exitCodeOf } from '../diagnostics/exit-codes.js';
import { commandFile, report } from '../diagnostics/messages.js';
import { loadProject, type Project } from '../project/load-project.js';
import { SourceReader } from '../project/read-sources.js';
import { themeDir } from '../theme/load-theme.js';
import { idSchema, webUrlSchema } from '../validate/schemas/common.js';
import { forkFileName } from '../validate/schemas/fork.js';
import { blueprintFiles, type NewBlueprintOptions } from './blueprint-files.js';
import { cityFiles, type NewCityOptions } from './city-files.js';
import { replaceFile, writeNewFiles } from './write-new-files.js';

export interface ScaffoldResult {
  code: ExitCode;
  /** Problems of the request (an existing file, a bad id) or of the project. */
  files: VFile[];
  /** Files written, relative to the root ("/" separators). */
  written: string[];
  /** Set when the new blueprint was added to `add_blueprints` in blueprints/fork.yaml. */
  listedIn?: string;
}

/**
 * `blueprint new city` (#11): a city profile, a placeholder logo, a theme that extends the default and one
 * stub case study per slot. Writes only new files under blueprints/ and themes/; never prints.
 */
export async function newCity(options: NewCityOptions & { root: string }): Promise<ScaffoldResult> {
  const request = commandFile();
  const name = options.name.trim();
  if (!idSchema.safeParse(options.id).success)
    report(request, 'scaffold-refused', { what: `city "${options.id}"`, problem: 'the id is not lower-case-with-dashes' });
  if (!name) report(request, 'scaffold-refused', { what: `city "${options.id}"`, problem: '--name is empty' });
  // The profile must pass check as written: "www.city.gov" is not an address a reader's browser opens from a PDF.
  if (options.website !== undefined && !webUrlSchema.safeParse(options.website).success)
    report(request, 'scaffold-refused', {
      what: `city "${options.id}"`,
      problem: `--website ${JSON.stringify(options.website)} is not a web address`,
      fix: `Write it whole, with https://, e.g. --website https://${options.website.replace(/^[a-z]+:\/*/i, '') || 'www.example.gov'}`,
    });
  if (request.messages.length) return done(request, []);
  const loaded = await loadForScaffold(options.root, request);
  if (!loaded) return done(request, []);
  const { project } = loaded;
  // A theme of that name elsewhere (the toolkit's) would be shadowed by the new one: refuse as if it existed.
  const shadowed = themeDir(project.root, options.id);
  if (shadowed) {
    const own = !path.relative(project.root, shadowed).startsWith('..');
    report(request, 'scaffold-exists', { path: own ? path.relative(project.root, shadowed) : `themes/${options.id} (a theme of the toolkit)` });
  }
  // One message for a city that exists, not one per file of it.
  const cityDir = `blueprints/cities/${options.id}`;
  if (existsSync(path.join(project.root, cityDir))) report(request, 'scaffold-exists', { path: cityDir });
  if (request.messages.length) return done(request, []);
  const written = writeNewFiles(project.root, cityFiles(project, { ...options, name }), request);
  return done(request, written ?? []);
}

/**
 * `blueprint new blueprint` (#11): blueprint.yaml and a section per required part. In a fork (a project
 * with blueprints/fork.yaml) it is added to `add_blueprints` there, so project.yaml stays upstream's.
 */
export async function newBlueprint(options: NewBlueprintOptions & { root: string }): Promise<ScaffoldResult> {
  const request = commandFile();
  if (!idSchema.safeParse(options.id).success || options.id === 'cities')
    report(request, 'scaffold-refused', { what: `blueprint "${options.id}"`, problem: 'the id is not lower-case-with-dashes (or is "cities")' });
  if (request.messages.length) return done(request, []);
  const loaded = await loadForScaffold(options.root, request);
  if (!loaded) return done(request, []);
  const { project } = loaded;
  const blueprintDir = `blueprints/${options.id}`;
  if (existsSync(path.join(project.root, blueprintDir))) report(request, 'scaffold-exists', { path: blueprintDir });
  if (request.messages.length) return done(request, []);
  const forkPath = `blueprints/${forkFileName}`;
  const reader = new SourceReader(project.root);
  const forkFile = reader.read(path.join(project.root, forkPath));
  const forkDoc = forkFile ? parseDocument(String(forkFile.value)) : undefined;
  if (forkDoc && (forkDoc.errors.length > 0 || !(isMap(forkDoc.contents) || forkDoc.contents === null)))
    report(request, 'scaffold-refused', { what: `blueprint "${options.id}"`, problem: `${forkPath} cannot be read; run "blueprint check" and fix it first` });
  if (request.messages.length) return done(request, []);
  const written = writeNewFiles(project.root, blueprintFiles(project, options), request);
  if (!written || !forkDoc) return done(request, written ?? []);
  const list = forkDoc.get('add_blueprints', true);
  if (isSeq(list)) list.add(options.id);
  else forkDoc.set('add_blueprints', [options.id]);
  replaceFile(project.root, { path: forkPath, content: forkDoc.toString() });
  return { ...done(request, written), listedIn: forkPath };
}

/** The project, loaded only to know its slots, parts and folders; its own problems are `check`'s to report. */
async function loadForScaffold(root: string, request: VFile): Promise<{ project: Project } | undefined> {
  const { project, files } = await loadProject(root);
  if (project) return { project };
  request.messages.push(...files.flatMap((f) => f.messages.filter((m) => m.fatal)));
  if (!request.messages.length) report(request, 'no-project', { dir: root });
  return undefined;
}

function done(request: VFile, written: string[]): ScaffoldResult {
  return { code: exitCodeOf([request]), files: request.messages.length ? [request] : [], written };
}
