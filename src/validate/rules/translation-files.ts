import { report, suggestion } from '../../diagnostics/messages.js';
import type { LoadContext } from '../../project/load-context.js';
import type { MarkdownTranslationSource, YamlTranslation } from '../../project/project.js';
import { keyPosition, nodeAt, nodePosition } from '../parse-yaml.js';
import type { TranslationMeta } from '../schemas/translation.js';

/**
 * `translation-stale` and `translation-orphaned` (#10): a translation made from an earlier version of
 * its source, and a translated slot the blueprint does not declare. (Translation files whose source file
 * is gone are found while reading, where the folders are listed.)
 */
export function translationFiles(ctx: LoadContext): void {
  const stale = (
    translated: Pick<MarkdownTranslationSource, 'file' | 'parsed'> & { meta: TranslationMeta | undefined },
    lang: string,
    source: string,
    current: string,
  ) => {
    const recorded = translated.meta?.source;
    if (!recorded || !current || recorded === current || !translated.parsed) return;
    const place = nodePosition(translated.parsed, nodeAt(translated.parsed, ['translation', 'source']).node);
    report(translated.file, 'translation-stale', { lang, source, recorded, current }, { place });
  };
  const yaml = <C>(translations: Map<string, YamlTranslation<C>>, source: string, current: string) => {
    for (const [lang, translated] of translations) stale(translated, lang, source, current);
  };
  const base = (path: string) => path.split('/').at(-1) ?? path;
  yaml(ctx.project.translations, 'project.yaml', ctx.projectHash);
  for (const city of ctx.cities) yaml(city.translations, `cities/${city.id}/city.yaml`, city.sourceHash);
  for (const blueprint of ctx.blueprints) {
    yaml(blueprint.translations, `${blueprint.id}/blueprint.yaml`, blueprint.sourceHash);
    const slots = blueprint.config?.slots.map((slot) => slot.id) ?? [];
    for (const [lang, translated] of blueprint.translations) {
      for (const slot of Object.keys(translated.config.slots ?? {})) {
        if (slots.includes(slot)) continue;
        const { known } = suggestion(slot, slots, 'slots of this blueprint');
        report(
          translated.file,
          'translation-orphaned',
          { lang, reason: `blueprint ${blueprint.id} has no slot "${slot}". ${known}`, fix: 'key' },
          { place: keyPosition(translated.parsed, ['slots'], slot) },
        );
      }
    }
    for (const section of blueprint.sections) {
      for (const [lang, translated] of section.translations) stale(translated, lang, base(section.file.path), section.sourceHash);
    }
  }
  for (const study of ctx.caseStudies) {
    for (const [lang, translated] of study.translations) stale(translated, lang, base(study.file.path), study.sourceHash);
  }
}
