import { VFile } from 'vfile';
import { restoreMessage, type SavedMessage, saveMessage } from '../diagnostics/saved-message.js';
import type { Project } from '../project/load-project.js';
import type { Theme } from '../theme/load-theme.js';
import type { ManifestDocument } from './manifest.js';
import type { DocumentPlan } from './plan-documents.js';
import { type BuiltDocument, renderDocuments } from './render-documents.js';

/** What check keeps of one document's render: the messages it added, by file, and what later checks read of it. */
export interface RenderRecord {
  messages: { path: string; messages: SavedMessage[] }[];
  slots: ManifestDocument['slots'];
  ids: string[];
}

/** A document as check needs it after rendering: which case studies it placed, and its element ids. */
export type CheckedDocument = DocumentPlan & Pick<BuiltDocument, 'slots' | 'ids'>;

export const renderKey = (doc: DocumentPlan) => `${doc.lang}\n${doc.blueprint.id}\n${doc.edition.city.id}`;

/**
 * Render each chosen document, or, when `affected` names the guides the files changed since the last check
 * can change (see affectedBlueprints) and this one is not among them, take what that check's render of it
 * reported (#13: a save re-renders its own guide, not all fifteen). Messages go to the files they are
 * about (`fileFor`); `records` is what the next check may take.
 */
export async function renderOrReplay(
  project: Project,
  chosen: DocumentPlan[],
  themes: Map<string, Theme>,
  shared: Parameters<typeof renderDocuments>[3],
  files: () => VFile[],
  fileFor: (path: string) => VFile,
  previous: { renders: Record<string, RenderRecord>; affected: Set<string> } | undefined,
  onDone: (doc: DocumentPlan, done: number) => void,
): Promise<{ documents: CheckedDocument[]; records: Record<string, RenderRecord> }> {
  const records: Record<string, RenderRecord> = {};
  const documents: CheckedDocument[] = [];
  const toRender: DocumentPlan[] = [];
  for (const doc of chosen) {
    const old = previous && !previous.affected.has(doc.blueprint.id) ? previous.renders[renderKey(doc)] : undefined;
    if (!old) {
      toRender.push(doc);
      continue;
    }
    for (const { path, messages } of old.messages) fileFor(path).messages.push(...messages.map(restoreMessage));
    records[renderKey(doc)] = old;
    documents.push({ ...doc, slots: old.slots, ids: new Set(old.ids) });
    onDone(doc, documents.length);
  }
  let counts = new Map(files().map((file) => [file, file.messages.length]));
  const replayed = documents.length;
  const built = await renderDocuments(project, toRender, themes, shared, (doc, _html, done) => {
    const added: RenderRecord['messages'] = [];
    for (const file of files()) {
      const before = counts.get(file) ?? 0;
      if (file.messages.length > before) added.push({ path: file.path ?? '', messages: file.messages.slice(before).map(saveMessage) });
    }
    counts = new Map(files().map((file) => [file, file.messages.length]));
    records[renderKey(doc)] = { messages: added, slots: doc.slots, ids: [...doc.ids] };
    onDone(doc, replayed + done);
  });
  documents.push(...built);
  return { documents, records };
}

/** The file of `path` among `files`, or a new one added with `adopt` (a message about a file no longer read). */
export function fileByPath(files: () => VFile[], adopt: (file: VFile) => void): (path: string) => VFile {
  return (path) => {
    const found = files().find((file) => (file.path ?? '') === path);
    if (found) return found;
    const file = path ? new VFile({ path }) : new VFile();
    adopt(file);
    return file;
  };
}
