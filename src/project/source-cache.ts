import type { Root } from 'mdast';
import { VFileMessage } from 'vfile-message';
import type { SourceKind } from '../markdown/checks/index.js';

interface Entry {
  text: string;
  kind: SourceKind;
  tree: Root;
  messages: VFileMessage[];
}

/**
 * Markdown sources parsed and checked by earlier loads, by path and exact text (#13). The preview keeps
 * one across rebuilds, so a save re-parses only the file that changed; every file is still read (through
 * readInside) on every load, so what a build sees is what is on disk. One per preview: never shared.
 */
export class SourceCache {
  private readonly entries = new Map<string, Entry>();

  get(path: string, text: string, kind: SourceKind): { tree: Root; messages: VFileMessage[] } | undefined {
    const entry = this.entries.get(path);
    if (!entry || entry.text !== text || entry.kind !== kind) return undefined;
    return { tree: entry.tree, messages: entry.messages.map(copyMessage) };
  }

  set(path: string, text: string, kind: SourceKind, tree: Root, messages: VFileMessage[]): void {
    this.entries.set(path, { text, kind, tree, messages: messages.map(copyMessage) });
  }
}

/** A message of its own for each load: a caller may change one (check --strict makes warnings errors). */
function copyMessage(message: VFileMessage): VFileMessage {
  return Object.assign(Object.create(VFileMessage.prototype) as VFileMessage, message);
}
