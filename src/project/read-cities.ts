import { existsSync, lstatSync } from 'node:fs';
import path from 'node:path';
import { report } from '../diagnostics/messages.js';
import { valuesHash } from '../i18n/source-hash.js';
import { nodeAt, nodePosition } from '../validate/parse-yaml.js';
import { type CityConfig, citySchema } from '../validate/schemas/city.js';
import { cityTranslationSchema } from '../validate/schemas/translation.js';
import { validateYaml } from '../validate/validate-yaml.js';
import type { CityEntry } from './load-context.js';
import type { OrphanTranslation } from './project.js';
import { checkInside, locateInside } from './read-inside.js';
import { listFolders, type SourceReader } from './read-sources.js';
import { findOrphans, readYamlTranslation, translationPath } from './read-translations.js';

/** Read and validate every blueprints/cities/<id>/city.yaml, and find each city's logo. */
export function readCities(reader: SourceReader, languages: string[], orphans: OrphanTranslation[]): CityEntry[] {
  const citiesDir = path.join(reader.root, 'blueprints', 'cities');
  return listFolders(citiesDir).map((id) => {
    const dir = path.join(citiesDir, id);
    const entry: CityEntry = { id, dir, translations: new Map(), sourceHash: '' };
    const target = path.join(dir, 'city.yaml');
    for (const lang of languages.slice(1)) {
      const translated = readYamlTranslation(reader, translationPath(target, lang), cityTranslationSchema, 'the city profile translation');
      if (translated) entry.translations.set(lang, translated);
    }
    orphans.push(...findOrphans(dir, '.yaml', ['city.yaml'], languages, (source) => `there is no ${source} beside it`));
    const file = reader.read(target);
    if (!file) {
      if (!existsSync(target) && !isLink(target)) report(reader.placeholder(target), 'missing-city-profile', { city: id });
      return entry;
    }
    entry.file = file;
    const { parsed, config } = validateYaml(file, String(file.value), citySchema, 'the city profile', 0, reader.cache);
    entry.parsed = parsed;
    if (!config) return entry;
    entry.config = config;
    entry.sourceHash = cityHash(config);
    if (config.logo) {
      const place = nodePosition(parsed, nodeAt(parsed, ['logo']).node);
      const found = locateInside(reader.root, dir, config.logo, reader.realRoot());
      const checked = 'path' in found ? checkInside(reader.root, found.path, reader.realRoot()) : found;
      if ('path' in checked) entry.logo = checked.path;
      else if (checked.problem === 'outside') report(file, 'unsafe-path', { what: 'Logo', path: config.logo }, { place });
      else report(file, 'missing-image', { url: config.logo, expected: path.relative(reader.root, path.resolve(dir, config.logo)) }, { place });
    }
    return entry;
  });
}

const isLink = (target: string) => {
  try {
    return lstatSync(target).isSymbolicLink();
  } catch {
    return false;
  }
};

/** What a translation of city.yaml translates: the names a reader sees. */
export const cityHash = (config: CityConfig) => valuesHash([config.name, config.government, config.office, config.office_short ?? '', config.state]);
