import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { VFileMessage } from 'vfile-message';
import type { SourceKind } from '../markdown/checks/index.js';
import { FontCatalog } from '../theme/select-fonts.js';
import type { ParsedYaml } from '../validate/parse-yaml.js';

interface Entry {
  text: string;
  kind: SourceKind;
  tree: Root;
  messages: VFileMessage[];
}

interface YamlEntry {
  text: string;
  parsed: ParsedYaml;
  config: unknown;
  messages: VFileMessage[];
}

/**
 * Sources parsed, validated and checked by earlier loads, by path and exact text (#13), and the font
 * catalog. The preview keeps one across rebuilds, so a save re-parses only the file that changed; every
 * file is still read (through readInside) on every load, so what a build sees is what is on disk. One per
 * preview: never shared, never module-level.
 */
export class SourceCache {
  private readonly entries = new Map<string, Entry>();
  private readonly yaml = new Map<string, YamlEntry>();
  readonly fonts = new FontCatalog();
  /**
   * Files under assets/ that builds with this cache published. They are named by their content (images
   * by hash, fonts by their package file), so one still in the output folder need not be copied again:
   * a preview rebuild writes a page, the index and the manifest, not thirty fonts.
   */
  readonly published = new Set<string>();

  /** A YAML source (or front matter) validated before with the same text: its result, on `file`. */
  getYaml(file: VFile, key: string, text: string): { parsed: ParsedYaml; config: unknown } | undefined {
    const entry = this.yaml.get(`${file.path}\n${key}`);
    if (!entry || entry.text !== text) return undefined;
    file.messages.push(...entry.messages.map(copyMessage));
    return { parsed: { ...entry.parsed, file }, config: entry.config };
  }

  setYaml(file: VFile, key: string, text: string, result: { parsed: ParsedYaml; config: unknown }, messages: VFileMessage[]): void {
    this.yaml.set(`${file.path}\n${key}`, { text, ...result, messages: messages.map(copyMessage) });
  }

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
