import path from 'node:path';
import type { VFileMessage } from 'vfile-message';

/**
 * Messages as GitHub Actions workflow commands (`::error file=…,line=…::reason`), so each one shows on
 * the pull request's diff at its line (#9). `relativeTo` is the folder paths are given from, which for
 * GitHub must be the repository's root (`GITHUB_WORKSPACE`).
 */
export function formatAnnotations(messages: VFileMessage[], relativeTo: string): string {
  return messages
    .map((m) => {
      const end = m.place && 'end' in m.place ? m.place.end : undefined;
      const properties: [string, string | number | undefined | null][] = [
        ['file', m.file ? toRelative(m.file, relativeTo) : undefined],
        ['line', m.line],
        ['col', m.column],
        ['endLine', end?.line],
        ['endColumn', end?.column],
        ['title', m.ruleId],
      ];
      const given = properties.filter(([, value]) => value !== undefined && value !== null && value !== '');
      const list = given.map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(',');
      const text = m.note ? `${m.reason}\n${m.note}` : m.reason;
      return `::${commandOf(m)}${list ? ` ${list}` : ''}::${escapeData(text)}`;
    })
    .join('\n');
}

const commandOf = (m: VFileMessage) => (m.fatal === true ? 'error' : m.fatal === false ? 'warning' : 'notice');

/** Inside the folder: relative with forward slashes, as GitHub matches them against the diff. Outside: as given. */
function toRelative(file: string, relativeTo: string): string {
  const relative = path.relative(relativeTo, file);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return file;
  return relative.split(path.sep).join('/');
}

// The runner's escaping (actions/toolkit, core/src/command.ts): a raw newline would end the command
// early and a raw "%" would be read as the start of an escape.
const escapeData = (text: string) => text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');

// In property values ":" would end the properties and "," would start the next one.
const escapeProperty = (text: string) => escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
