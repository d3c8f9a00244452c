/** Words the toolkit itself prints, per language. Projects override them with `strings:` in project.yaml. */
export interface Strings {
  contents: string;
  caseStudy: string;
  sources: string;
  notes: string;
  notesAndSources: string;
  backToContent: string;
  page: string;
  of: string;
  edition: string;
  editionLabel: string;
  version: string;
  published: string;
  preparedBy: string;
  fallbackNote: string;
  allGuides: string;
  skipToContent: string;
  notLegalAdvice: string;
}

const builtIn: Record<string, Strings> = {
  en: {
    contents: 'Contents',
    caseStudy: 'Case study',
    sources: 'Sources',
    notes: 'Notes',
    notesAndSources: 'Notes and sources',
    backToContent: 'Back to content',
    page: 'Page',
    of: 'of',
    edition: '{city} edition',
    editionLabel: 'Edition',
    version: 'Version',
    published: 'Published',
    preparedBy: 'Prepared by',
    fallbackNote: 'This edition has no {city} example for this topic yet; this case study comes from {other}.',
    allGuides: 'All guides',
    skipToContent: 'Skip to content',
    notLegalAdvice: 'General guidance, not legal advice.',
  },
  es: {
    contents: 'Índice',
    caseStudy: 'Estudio de caso',
    sources: 'Fuentes',
    notes: 'Notas',
    notesAndSources: 'Notas y fuentes',
    backToContent: 'Volver al texto',
    page: 'Página',
    of: 'de',
    edition: 'Edición de {city}',
    editionLabel: 'Edición',
    version: 'Versión',
    published: 'Publicado',
    preparedBy: 'Preparado por',
    fallbackNote: 'Esta edición aún no tiene un ejemplo de {city} para este tema; este estudio de caso es de {other}.',
    allGuides: 'Todas las guías',
    skipToContent: 'Ir al contenido',
    notLegalAdvice: 'Orientación general, no asesoría legal.',
  },
};

export function stringsFor(lang: string, overrides?: Record<string, Record<string, string>>): Strings {
  const base = builtIn[lang] ?? builtIn[lang.split('-')[0] ?? ''] ?? (builtIn.en as Strings);
  return { ...base, ...(overrides?.[lang] as Partial<Strings> | undefined) };
}

export const fill = (template: string, values: Record<string, string>) => template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
