import type { Project } from '../project/load-project.js';
import type { NewFile } from './write-new-files.js';

export interface NewCityOptions {
  id: string;
  name: string;
  government?: string;
  office?: string;
  state?: string;
  website?: string;
}

/** A YAML double-quoted scalar: any text (quotes, colons, line breaks) stays one value (#11: names are hostile). */
const yamlString = (value: string) => JSON.stringify(value);
/** Text of the sources for a YAML comment: one line. */
const commentText = (value: string) => value.replace(/\s+/g, ' ').trim();

/**
 * The files of a new city (#11): its profile, a placeholder logo, a theme of its own that extends the
 * default, and one stub per slot of the project, each reported by `check` until it is written.
 */
export function cityFiles(project: Project, options: NewCityOptions): NewFile[] {
  const { id } = options;
  const city = `blueprints/cities/${id}`;
  const files: NewFile[] = [
    {
      path: `${city}/city.yaml`,
      content: [
        '# yaml-language-server: $schema=../../../schemas/city.schema.json',
        '# A city profile, written by "blueprint new city": it fills the :city[...] variables of the guides and',
        '# brands this city\'s edition. "blueprint check" reports every value still marked TODO.',
        `name: ${yamlString(options.name)}`,
        `government: ${yamlString(options.government ?? `City of ${options.name}`)}`,
        `office: ${yamlString(options.office ?? 'TODO: the office that publishes the guide')}`,
        `state: ${yamlString(options.state ?? 'TODO')}`,
        `website: ${options.website ? yamlString(options.website) : 'https://TODO.example/'}`,
        'logo: logo.svg',
        `theme: ${id}`,
        '',
      ].join('\n'),
    },
    {
      path: `${city}/logo.svg`,
      content: [
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">',
        '  <!-- Placeholder written by "blueprint new city", not a seal: replace it with the city\'s own logo. -->',
        '  <rect x="2" y="2" width="60" height="60" rx="14" fill="#1b3a6b"/>',
        '  <path d="M14 46 L32 15 L50 46 Z" fill="none" stroke="#ffffff" stroke-width="4" stroke-linejoin="round"/>',
        '  <circle cx="32" cy="37" r="5" fill="#c8102e"/>',
        '</svg>',
        '',
      ].join('\n'),
    },
    {
      path: `themes/${id}/theme.yaml`,
      content: [
        '# yaml-language-server: $schema=../../schemas/theme.schema.json',
        '# This city\'s theme, written by "blueprint new city". It extends the default theme: set only the',
        '# tokens that differ (themes/default/theme.yaml lists them all); upstream changes to the default theme',
        "# still reach this one. Stylesheets of your own (css: [extra.css]) come after the default's.",
        'extends: default',
        `name: ${yamlString(options.name)}`,
        'colors:',
        '  primary: "#1b3a6b"   # headings, links, cover; dark enough for 4.5:1 on white',
        '  accent: "#c8102e"    # rules and bars',
        '# fonts:',
        '#   body: "@fontsource/public-sans"   # run "npm install @fontsource/public-sans" first',
        '# cover:',
        '#   layout: split                     # band, split or plain',
        '# page:',
        '#   footer: "{office}, {government}"',
        '',
      ].join('\n'),
    },
  ];
  for (const blueprint of project.blueprints) {
    for (const slot of blueprint.config.slots) {
      files.push({
        path: `${city}/case-studies/${slot.id}.md`,
        content: [
          '---',
          '# To do, written by "blueprint new city": write this case study, then delete the "status: stub" line.',
          "# Until then every edition of this city prints another city's case study here, and",
          '# "blueprint check" lists this file.',
          `# Guide: ${commentText(blueprint.config.title)}. Slot: ${commentText(slot.title)}.`,
          ...(slot.description ? [`# What it should show: ${commentText(slot.description)}`] : []),
          `city: ${id}`,
          `slot: ${slot.id}`,
          'status: stub',
          `title: ${yamlString(slot.title)}`,
          '# year: 2024',
          '# sources:',
          '#   - title: The report or page each fact comes from',
          '#     publisher: Who published it',
          '#     year: 2024',
          '#     url: https://…',
          '---',
          '',
          'What the city did: the program, who runs it, when it began and what it achieved. Cite every fact',
          'from one of the sources above.',
          '',
        ].join('\n'),
      });
    }
  }
  return files;
}
