import { report } from '../../diagnostics/messages.js';
import { missingWords } from '../../html/strings.js';
import type { LoadContext } from '../../project/load-context.js';
import { nodeAt, nodePosition } from '../parse-yaml.js';

/**
 * `interface-words-missing` (#10): a language the project builds that has neither built-in interface
 * words nor overrides for every key prints those words in English; say which, where the language is listed.
 */
export function interfaceWords(ctx: LoadContext): void {
  const { valid, parsed, file } = ctx.project;
  if (!valid) return;
  for (const [i, lang] of valid.languages.entries()) {
    const missing = missingWords(lang, valid.strings);
    if (missing.length === 0) continue;
    report(file, 'interface-words-missing', { lang, keys: missing.join(', ') }, { place: nodePosition(parsed, nodeAt(parsed, ['languages', i]).node) });
  }
}
