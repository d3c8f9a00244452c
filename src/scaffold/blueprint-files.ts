import type { Project } from '../project/load-project.js';
import type { Part } from '../validate/schemas/common.js';
import type { NewFile } from './write-new-files.js';

export interface NewBlueprintOptions {
  id: string;
  title?: string;
}

const partTitles: Record<Part, string> = {
  'why-it-matters': 'Why it matters',
  'core-components': 'Core components',
  implementation: 'Implementation: step by step',
  'staffing-budget-partners': 'Staffing, budget and partners',
  'legal-basis': 'Legal basis',
  'measuring-results': 'Measuring results',
  pitfalls: 'Pitfalls to avoid',
  resources: 'Resources',
  'budget-model': 'Budget model',
  timeline: 'Timeline: the first 90 days and the first year',
  templates: 'Templates to adapt',
  other: 'More',
};

/** "new-arrivals-housing" → "New arrivals housing". */
const titleOf = (id: string) => id.charAt(0).toUpperCase() + id.slice(1).replaceAll('-', ' ');

/** The files of a new guide (#11): blueprint.yaml and one section per part the project requires. */
export function blueprintFiles(project: Project, options: NewBlueprintOptions): NewFile[] {
  const dir = `blueprints/${options.id}`;
  const parts: Part[] = project.config.required_parts.length ? project.config.required_parts : ['why-it-matters'];
  const sections = parts.map((part, i) => ({ part, file: `sections/${String(i + 1).padStart(2, '0')}-${part}.md` }));
  return [
    {
      path: `${dir}/blueprint.yaml`,
      content: [
        '# yaml-language-server: $schema=../../schemas/blueprint.schema.json',
        '# A guide, written by "blueprint new blueprint": see docs/writing-a-blueprint.md.',
        `title: ${JSON.stringify(options.title ?? titleOf(options.id))}`,
        'summary: >-',
        '  One paragraph for the cover and the index: who this guide is for and what it helps a city do.',
        'sections:',
        ...sections.flatMap((s) => [`  - file: ${s.file}`, `    part: ${s.part}`]),
        '# Case-study slots: one per kind of program a city could show; cities fill them in',
        '# blueprints/cities/<city>/case-studies/<slot>.md, and ::case-study{slot="…"} places one in a section.',
        'slots: []',
        'sources: []',
        '',
      ].join('\n'),
    },
    ...sections.map((s) => ({
      path: `${dir}/${s.file}`,
      content: `# ${partTitles[s.part]}\n\nWrite this part of the guide for :city[government] here.\n`,
    })),
  ];
}
