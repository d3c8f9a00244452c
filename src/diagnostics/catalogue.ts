/**
 * Every diagnostic the toolkit reports, in one place (#8): its permanent id, severity, which exit code it
 * leads to, the message and how to fix it. Reporters take an id and the values for its text, so wording
 * lives here and nowhere else; the README's rule list is generated from this file (`npm run docs`), and CI
 * fails when the two drift apart. An id has one meaning: a new kind of problem gets a new id.
 */

export type Severity = 'error' | 'warning';
/** What kind of problem: decides the exit code (see exit-codes.ts). */
export type Kind = 'content' | 'usage' | 'environment' | 'interrupted' | 'internal';

export interface Rule<P> {
  severity: Severity;
  kind: Kind;
  /** One line for the README: when this is reported. */
  summary: string;
  message: (p: P) => string;
  /** How to fix it, in one sentence a policy officer can act on. */
  hint: (p: P) => string;
  /**
   * For a message that a run may say about one file for several documents with other values (a language):
   * the values of one message that says both, or undefined when the two stay apart. A run's messages are
   * merged once, at its end (see dedupeMessages).
   */
  merge?: (a: P, b: P) => P | undefined;
}

export type CatalogueEntry = Rule<never>;

const rule = <P = Record<string, never>>(r: Rule<P>): Rule<P> => r;
const q = (value: string) => `"${value}"`;
/** "a", "a or b", "a, b or c" (with `and`: "a, b and c"). */
const listed = (values: string[], last: 'or' | 'and') => (values.length < 2 ? (values[0] ?? '') : `${values.slice(0, -1).join(', ')} ${last} ${values.at(-1)}`);

/** A did-you-mean sentence and the known names; built by `suggestion()` in messages.ts. */
export interface Known {
  /** The hint's first part: "Did you mean "x"? Known cities: a, b." */
  known: string;
}

export const catalogue = {
  // — YAML and schemas —
  'yaml-syntax': rule<{ reason: string; fix: string }>({
    severity: 'error',
    kind: 'content',
    summary: 'A YAML file cannot be read: bad indentation, an unquoted colon, a duplicate key.',
    message: (p) => `YAML syntax error: ${p.reason}`,
    hint: (p) => p.fix,
  }),
  'yaml-too-complex': rule<{ reason: string }>({
    severity: 'error',
    kind: 'content',
    summary: 'A YAML file expands to far more data than it holds (an alias bomb) or nests too deeply.',
    message: (p) => `YAML file is too complex to read: ${p.reason}`,
    hint: () => 'Write the values out instead of repeating them through many aliases (*name), and keep nesting shallow.',
  }),
  'unknown-key': rule<{ key: string; what: string } & Known>({
    severity: 'error',
    kind: 'content',
    summary: 'A key the schema does not know (often a misspelling).',
    message: (p) => `Unexpected key ${q(p.key)} in ${p.what}`,
    hint: (p) => `${p.known} Remove it or correct its spelling.`,
  }),
  'missing-key': rule<{ key: string; what: string; under: string }>({
    severity: 'error',
    kind: 'content',
    summary: 'A required key is absent.',
    message: (p) => `Missing key ${q(p.key)} in ${p.what}`,
    hint: (p) => `Add "${p.key}:" here${p.under ? ` (under ${p.under})` : ''}.`,
  }),
  'wrong-type': rule<{ field: string; what: string; detail: string; fix: string }>({
    severity: 'error',
    kind: 'content',
    summary: 'A value of the wrong kind or form (text for a list, a bad date or colour, a URL that is not http(s) or mailto).',
    message: (p) => `Unexpected value for ${q(p.field)} in ${p.what}: ${p.detail}`,
    hint: (p) => p.fix,
  }),
  'missing-front-matter': rule({
    severity: 'error',
    kind: 'content',
    summary: 'A case study does not start with its front matter.',
    message: () => 'Missing front matter (city, slot, title, year, sources)',
    hint: () => 'Start the file with a "---" line, the keys city, slot, title, year and sources, and another "---" line.',
  }),

  // — Reading files —
  'missing-file': rule<{ what: string; path: string } & Known>({
    severity: 'error',
    kind: 'content',
    summary: 'A file the sources name does not exist (a section, stylesheet, city profile or theme file).',
    message: (p) => `${p.what} ${q(p.path)} does not exist`,
    hint: (p) => `Create it, or correct the name. ${p.known}`.trim(),
  }),
  'unsafe-path': rule<{ what: string; path: string }>({
    severity: 'error',
    kind: 'content',
    summary: 'A path, or the target of a symbolic link, leads outside the project.',
    message: (p) => `${p.what} ${q(p.path)} leads outside the project`,
    hint: () => 'Keep every file inside the project folder, as a real file (not a link to a file elsewhere), and refer to it by a relative path.',
  }),
  'source-too-large': rule<{ size: string; limit: string }>({
    severity: 'error',
    kind: 'content',
    summary: 'A source file is larger than the toolkit reads.',
    message: (p) => `File is too large to read (${p.size}; the limit is ${p.limit})`,
    hint: () => 'Split the text into several section files, or move large data out of the sources.',
  }),
  'source-encoding': rule<{ problem: string }>({
    severity: 'error',
    kind: 'content',
    summary: 'A text source is not valid UTF-8 text (wrong encoding, or a binary file).',
    message: (p) => `File is not UTF-8 text: ${p.problem}`,
    hint: () => 'Save the file as UTF-8 in your editor (most editors offer "Save with encoding").',
  }),

  // — The project and its references —
  'unknown-blueprint': rule<{ id: string } & Known>({
    severity: 'error',
    kind: 'content',
    summary: 'The project lists a blueprint that has no folder with a blueprint.yaml.',
    message: (p) => `Unknown blueprint ${q(p.id)}: there is no blueprints/${p.id}/blueprint.yaml`,
    hint: (p) => p.known,
  }),
  'duplicate-blueprint': rule<{ id: string }>({
    severity: 'error',
    kind: 'content',
    summary: 'The project lists a blueprint twice.',
    message: (p) => `Blueprint ${q(p.id)} is listed twice`,
    hint: () => 'Remove the second entry.',
  }),
  'unused-blueprint': rule<{ id: string }>({
    severity: 'warning',
    kind: 'content',
    summary: 'A blueprint folder the project does not list, so it is never built.',
    message: (p) => `Blueprint folder ${q(p.id)} is not listed in "blueprints"`,
    hint: (p) => `Add "- ${p.id}" to the list to build it.`,
  }),
  'unknown-city': rule<{ city: string } & Known>({
    severity: 'error',
    kind: 'content',
    summary: 'A city id in the sources (default city, fallback chain, case study) with no city folder.',
    message: (p) => `Unknown city ${q(p.city)}`,
    hint: (p) => p.known,
  }),
  'missing-city-profile': rule<{ city: string }>({
    severity: 'error',
    kind: 'content',
    summary: 'A folder under blueprints/cities/ without city.yaml.',
    message: (p) => `Missing city profile for ${q(p.city)}`,
    hint: (p) => `Create blueprints/cities/${p.city}/city.yaml (see docs/writing-a-blueprint.md), or remove the folder.`,
  }),
  'city-mismatch': rule<{ city: string; folder: string }>({
    severity: 'error',
    kind: 'content',
    summary: 'A case study names another city than the folder it is in.',
    message: (p) => `Case study names city ${q(p.city)} but is in the folder of ${q(p.folder)}`,
    hint: (p) => `Move the file to blueprints/cities/${p.city}/case-studies/ or set "city: ${p.folder}".`,
  }),
  'unknown-theme': rule<{ theme: string } & Known>({
    severity: 'error',
    kind: 'content',
    summary: 'A theme name with no folder under themes/.',
    message: (p) => `Unknown theme ${q(p.theme)}`,
    hint: (p) => p.known,
  }),
  'missing-theme-file': rule<{ theme: string }>({
    severity: 'error',
    kind: 'content',
    summary: 'A folder under themes/ without theme.yaml.',
    message: (p) => `Theme folder ${q(p.theme)} has no theme.yaml`,
    hint: (p) => `Add themes/${p.theme}/theme.yaml with "extends: default" and the tokens you change, or remove the folder.`,
  }),
  'theme-cycle': rule<{ theme: string; parent: string; chain: string }>({
    severity: 'error',
    kind: 'content',
    summary: 'Themes that extend each other in a circle (a extends b, b extends a).',
    message: (p) => `Theme ${q(p.theme)} cannot extend ${q(p.parent)}: the chain comes back to it (${p.chain})`,
    hint: () => 'A theme extends one that extends nothing in the end, usually "default": change one "extends:" in the circle.',
  }),
  'theme-remote-url': rule<{ url: string }>({
    severity: 'error',
    kind: 'content',
    summary:
      'A theme stylesheet loads something from the network (url(), image-set() or @import with a web address): every reader of the published pages would fetch it.',
    message: (p) => `Theme stylesheet loads ${q(p.url)} from outside the guide`,
    hint: () => 'Published pages load only their own files: use a colour or a bundled font instead, or put the image in the Markdown (inside the project).',
  }),
  'theme-css-invalid': rule<{ reason: string }>({
    severity: 'error',
    kind: 'content',
    summary: 'A theme stylesheet that cannot be read as CSS (an unclosed block or string), so what it loads cannot be checked.',
    message: (p) => `Theme stylesheet is not valid CSS: ${p.reason}`,
    hint: () => 'Close the block or string that is open here (a missing "}" or quote).',
  }),
  'font-package-missing': rule<{ pkg: string } & Known>({
    severity: 'error',
    kind: 'content',
    summary: 'A theme names a font package that is not installed (or is misspelt); the PDF would print in another font.',
    message: (p) => `Font package ${q(p.pkg)} is not installed`,
    hint: (p) => `Install it in the project folder with "npm install ${p.pkg}", or correct the name. ${p.known}`,
  }),
  'font-package-unusable': rule<{ pkg: string }>({
    severity: 'error',
    kind: 'content',
    summary: 'A font package a theme names is installed but has no regular (400) style to print with.',
    message: (p) => `Font package ${q(p.pkg)} has no regular style (${p.pkg}/400.css)`,
    hint: () => 'Name a font package from fontsource.org that has a 400 (regular) weight.',
  }),
  'low-contrast': rule<{ fg: string; fgValue: string; bg: string; bgValue: string; ratio: string; min: string; role: string; key: string; direction: string }>({
    severity: 'error',
    kind: 'content',
    summary: "An edition's colours (the theme's, with the city's over them) are too close: text under 4.5:1 or the focus ring under 3:1.",
    message: (p) => `Colour ${p.fg} ${p.fgValue} on ${p.bg} ${p.bgValue} has a contrast of ${p.ratio}:1, below the ${p.min}:1 required for ${p.role}`,
    hint: (p) => `Choose a ${p.direction} ${p.key} colour here, so that ${p.fg} on ${p.bg} reaches ${p.min}:1 (a contrast checker shows the ratio).`,
  }),
  'missing-part': rule<{ parts: string }>({
    severity: 'error',
    kind: 'content',
    summary: 'A blueprint lacks a part the project requires (required_parts).',
    message: (p) => `Missing required part(s): ${p.parts}`,
    hint: () => 'Add a section with "part: <name>" for each, as blueprints/project.yaml requires (required_parts).',
  }),
  'duplicate-slot': rule<{ slot: string; blueprint: string; where: string }>({
    severity: 'error',
    kind: 'content',
    summary: 'Two blueprints declare the same slot id.',
    message: (p) => `Slot ${q(p.slot)} is already declared by blueprint ${q(p.blueprint)}`,
    hint: (p) => `Slot ids are unique across the project; rename this one (the other is at ${p.where}).`,
  }),
  'duplicate-case-study': rule<{ slot: string; city: string; other: string }>({
    severity: 'error',
    kind: 'content',
    summary: 'A city has two case studies for one slot.',
    message: (p) => `A second case study for slot ${q(p.slot)} from ${p.city}`,
    hint: (p) => `${p.other} already fills this slot for this city; merge the two or change the slot.`,
  }),
  'unknown-slot': rule<{ slot: string } & Known>({
    severity: 'error',
    kind: 'content',
    summary: 'A case study or a ::case-study placeholder names a slot no blueprint declares.',
    message: (p) => `Unknown slot ${q(p.slot)}`,
    hint: (p) => p.known,
  }),
  'empty-slot': rule<{ slot: string }>({
    severity: 'error',
    kind: 'content',
    summary: 'A declared slot that no city has a case study for.',
    message: (p) => `Slot ${q(p.slot)} has no case study from any city`,
    hint: (p) => `Add blueprints/cities/<city>/case-studies/${p.slot}.md for at least one city.`,
  }),

  // — Markdown —
  'markdown-too-complex': rule<{ what: string; limit: number }>({
    severity: 'error',
    kind: 'content',
    summary: 'Markdown nested or repeated far beyond what a guide needs (it would take minutes to render).',
    message: (p) => `Markdown too complex to render: ${p.what} (the limit is ${p.limit})`,
    hint: () => 'Simplify this passage: fewer nested lists or quotes, fewer notes, and close every * _ and [ you open.',
  }),
  'empty-slot-placeholder': rule({
    severity: 'error',
    kind: 'content',
    summary: 'A ::case-study placeholder without a slot attribute.',
    message: () => 'Case-study placeholder without a slot',
    hint: () => 'Write it as ::case-study{slot="your-slot-id"} with a slot this blueprint declares.',
  }),
  'slot-not-in-blueprint': rule<{ slot: string; owner: string } & Known>({
    severity: 'error',
    kind: 'content',
    summary: 'A placeholder for a slot another blueprint declares.',
    message: (p) => `Slot ${q(p.slot)} belongs to blueprint ${q(p.owner)}, not this one`,
    hint: (p) => p.known,
  }),
  'duplicate-placement': rule<{ slot: string }>({
    severity: 'error',
    kind: 'content',
    summary: 'A slot placed twice in one blueprint.',
    message: (p) => `Slot ${q(p.slot)} is placed twice`,
    hint: () => 'Place each case-study slot once; declare a second slot for a second example.',
  }),
  'unplaced-slot': rule<{ slot: string }>({
    severity: 'warning',
    kind: 'content',
    summary: 'A slot a blueprint declares but no section places.',
    message: (p) => `Slot ${q(p.slot)} is declared but never placed in a section`,
    hint: (p) => `Put ::case-study{slot="${p.slot}"} on its own line where the case study belongs.`,
  }),
  'slot-fallback': rule<{ city: string; cityId: string; slot: string; other: string }>({
    severity: 'warning',
    kind: 'content',
    summary: "The edition city has no case study for a slot, so another city's is printed.",
    message: (p) => `${p.city} has no case study for slot ${q(p.slot)}; the ${p.cityId} edition uses ${p.other}'s`,
    hint: (p) => `Add blueprints/cities/${p.cityId}/case-studies/${p.slot}.md, or choose one with --case-study ${p.slot}=<city>.`,
  }),
  'case-study-stub': rule<{ city: string; slot: string; other: string }>({
    severity: 'warning',
    kind: 'content',
    summary: 'A case study still marked "status: stub" (a to-do from "blueprint new city"); editions print another city\'s until it is written.',
    message: (p) => `Case study for slot ${q(p.slot)} is still a stub; the ${p.city} edition prints ${p.other}'s`,
    hint: () => 'Write the case study (title, year, sources and text), then delete the "status: stub" line.',
  }),
  'edition-stubs': rule<{ city: string; count: number; slots: string }>({
    severity: 'warning',
    kind: 'content',
    summary: 'An edition built while its city still has stub case studies: one line per edition, not one per slot.',
    message: (p) => `The ${p.city} edition prints other cities' case studies in ${p.count} slot(s) its own are still stubs for: ${p.slots}`,
    hint: () => '"blueprint list --coverage" shows what each city still lacks; "blueprint check" lists each stub at its file.',
  }),
  'profile-placeholder': rule<{ field: string; value: string }>({
    severity: 'warning',
    kind: 'content',
    summary: 'A city profile value still holds the "TODO" that "blueprint new city" wrote; it would be printed.',
    message: (p) => `City profile ${q(p.field)} is still a placeholder: ${q(p.value)}`,
    hint: (p) => `Replace the value of "${p.field}" with the city's own.`,
  }),
  'unknown-variable': rule<{ name: string } & Known>({
    severity: 'error',
    kind: 'content',
    summary: 'A :city[…] variable that does not exist.',
    message: (p) => `Unknown city variable ${q(p.name)}`,
    hint: (p) => p.known,
  }),
  'city-field-missing': rule<{ name: string; cities: string }>({
    severity: 'warning',
    kind: 'content',
    summary: 'A :city[…] variable a city whose edition prints it leaves empty; the city’s name is printed instead.',
    message: (p) =>
      `${p.cities} ${p.cities.includes(', ') ? 'have' : 'has'} no ${q(p.name)} in the city profile; ${p.cities.includes(', ') ? 'their editions print' : 'its edition prints'} the city's name instead`,
    hint: (p) => `Add "${p.name}:" to the city.yaml of ${p.cities.includes(', ') ? 'each of these cities' : 'that city'}, or use :city[name].`,
  }),
  'missing-image': rule<{ url: string; expected: string; meant?: string }>({
    severity: 'error',
    kind: 'content',
    summary: 'An image or logo file that does not exist.',
    message: (p) => `Image ${q(p.url)} does not exist`,
    hint: (p) => (p.meant ? `Did you mean "${p.meant}"? Otherwise add the file at ${p.expected}.` : `Add the file at ${p.expected} or correct the path.`),
  }),
  'unsafe-image': rule<{ url: string; problem: string }>({
    severity: 'error',
    kind: 'content',
    summary: 'An SVG image that cannot be read as XML; scripts and outside references in SVGs are removed.',
    message: (p) => `Image ${q(p.url)} cannot be published: ${p.problem}`,
    hint: () => 'Export the image again as plain SVG (or PNG) from your drawing program.',
  }),
  'svg-content-removed': rule<{ url: string; removed: string }>({
    severity: 'warning',
    kind: 'content',
    summary: 'An SVG image held scripts, event handlers, links or outside references; they were removed from the published copy.',
    message: (p) => `Image ${q(p.url)}: removed ${p.removed} from the published copy`,
    hint: () => 'Export the image again as plain SVG, without scripts, links or embedded web content.',
  }),
  'pdf-link-removed': rule<{ document: string; removed: string }>({
    severity: 'warning',
    kind: 'content',
    summary: 'A link that a PDF cannot safely hold (to a local file that is not a guide, or not a web or e-mail address) was left out of the PDF.',
    message: (p) => `In ${p.document}, left out ${p.removed}`,
    hint: () => 'In PDFs, link to https:// pages, mailto: addresses or other guides; put other files on a web page and link to it.',
  }),
  'remote-resource': rule<{ url: string }>({
    severity: 'error',
    kind: 'content',
    summary: 'An image or other resource that would be loaded from the network.',
    message: (p) => `Remote image ${q(p.url)} would be loaded from the network`,
    hint: () => 'Download the image into the blueprint folder (e.g. images/) and link it with a relative path.',
  }),
  'unsafe-url': rule<{ url: string }>({
    severity: 'warning',
    kind: 'content',
    summary: 'A link whose address is not http(s), mailto or a file in the project (javascript:, data:, file:…); it is removed.',
    message: (p) => `Link ${q(p.url)} is not a web, e-mail or project address; it was removed`,
    hint: () => 'Link to an https:// page, a mailto: address, or a file inside the project by a relative path.',
  }),
  'site-root-link': rule<{ url: string; candidate: string }>({
    severity: 'error',
    kind: 'content',
    summary: 'A link that starts with "/" (a path on some web site, not in this project).',
    message: (p) => `Link ${q(p.url)} points at the root of a web site; a guide has no site root`,
    // #13: pages brought from a Jekyll or Hugo site link like this; say both ways out, with the file when one fits.
    hint: (p) =>
      p.candidate
        ? `Link the project's file by its path from this file: "${p.candidate}". For a page of a web site, write its full address (https://…${p.url}).`
        : `For a page of a web site, write its full address (https://…${p.url}); for a file of this project, its path from this file (e.g. ../../other-guide/sections/01-why.md).`,
  }),
  'raw-text-html': rule<{ tag: string }>({
    severity: 'warning',
    kind: 'content',
    summary: 'Raw HTML that opens <script>, <style>, <title>, <textarea>, <iframe> or another element a guide cannot hold; it is removed with its content.',
    message: (p) => `Raw HTML <${p.tag}> cannot be used in a guide; it was removed with its content`,
    hint: () => 'Remove it: styles belong in the theme, and text in Markdown.',
  }),
  'broken-link': rule<{ url: string; meant?: string }>({
    severity: 'error',
    kind: 'content',
    summary: 'A relative link to a file that does not exist.',
    message: (p) => `Broken link: ${q(p.url)} does not exist`,
    hint: (p) =>
      p.meant ? `Did you mean "${p.meant}"? The path is relative to this file.` : 'Correct the path (it is relative to this file) or remove the link.',
  }),
  'guide-not-built': rule<{ guide: string; url: string }>({
    severity: 'warning',
    kind: 'content',
    summary: 'A link to another guide whose page the output folder will not hold after this build (a guide built alone).',
    message: (p) =>
      `The link ${q(p.url)} goes to the guide "${p.guide}", which this build does not make and the output folder does not hold: it will not work until that guide is built`,
    hint: (p) => `Build that guide too (blueprint build ${p.guide} …), or every guide, into this output folder.`,
  }),
  'broken-fragment': rule<{ id: string; edition: string; guide?: string }>({
    severity: 'error',
    kind: 'content',
    summary: 'A #link to a heading or note that does not exist in the document (in a translated edition: a heading whose translation has another id).',
    message: (p) =>
      p.edition
        ? `Broken link in the ${p.edition} edition: "#${p.id}" is a heading's id in the source text, and its ${p.edition} translation gives that heading another id`
        : p.guide
          ? `Broken link: no heading of the guide "${p.guide}" has the id "#${p.id}"`
          : `Broken link: no heading or note has the id "#${p.id}"`,
    hint: (p) =>
      p.edition
        ? `Give the heading the same id in both languages: write {#${p.id}} at the end of the heading in the section file and in its ${p.edition} translation.`
        : 'Heading ids are the heading text in lower case with dashes, e.g. "## Next steps" → #next-steps.',
  }),
  'interface-words-missing': rule<{ lang: string; keys: string }>({
    severity: 'warning',
    kind: 'content',
    summary: 'A language the project builds has no built-in interface words (Contents, Page X of Y…) for some keys, so they print in English.',
    message: (p) => `No interface words in ${q(p.lang)} for ${p.keys}; they print in English`,
    hint: (p) => `Add them under "strings: ${p.lang}:" in blueprints/project.yaml (every key is listed in docs/translating.md).`,
  }),
  untranslated: rule<{ langs: string[]; source: string; name: string; what: string }>({
    severity: 'warning',
    kind: 'content',
    summary:
      'A section or case study has no translation into a language being built; the source text is printed. One warning per file names every such language.',
    message: (p) => `No ${listed(p.langs, 'or')} translation of this ${p.what}; printing the ${p.source} text`,
    hint: (p) =>
      `Add ${listed(
        p.langs.map((lang) => `${p.name}.${lang}.md`),
        'and',
      )} next to it.`,
    merge: (a, b) =>
      a.source === b.source && a.what === b.what && a.name === b.name ? { ...a, langs: [...new Set([...a.langs, ...b.langs])].sort() } : undefined,
  }),
  'translation-stale': rule<{ lang: string; source: string; recorded: string; current: string }>({
    severity: 'warning',
    kind: 'content',
    summary: 'A translation was made from an earlier version of its source (its recorded hash differs); an error with check --strict.',
    message: (p) => `The ${p.lang} translation is stale: ${p.source} changed since it was translated (recorded ${p.recorded}, now ${p.current})`,
    hint: (p) => `Update the translation from the current ${p.source} (blueprint i18n extract --lang ${p.lang}), then set "source: ${p.current}".`,
  }),
  'translation-orphaned': rule<{ lang: string; reason: string; fix: 'rename' | 'language' | 'key'; example?: string }>({
    severity: 'warning',
    kind: 'content',
    summary:
      'A translation that nothing uses: its source was renamed or removed, its language is not built, or it translates a slot the blueprint does not have; an error with check --strict.',
    message: (p) => `This ${p.lang} translation is never used: ${p.reason}`,
    hint: (p) =>
      p.fix === 'language'
        ? `Add "${p.lang}" to "languages" in project.yaml (in a fork, in fork.yaml), or delete the file.`
        : p.fix === 'key'
          ? 'Rename the key after one of the blueprint’s slots, or remove it.'
          : `Rename it after the file it translates${p.example ? ` (${p.example})` : ''}, or delete it if that file was removed.`,
  }),
  'xliff-unaligned': rule<{ lang: string; source: string; detail: string }>({
    severity: 'warning',
    kind: 'content',
    summary: "blueprint i18n extract: a translation's blocks do not match its source's, so its text is not offered as targets.",
    message: (p) => `The ${p.lang} translation does not follow the structure of ${p.source} (${p.detail}); its targets are left empty`,
    hint: () =>
      'Translate the empty targets in the XLIFF file, or give the translation the same headings, paragraphs, list items and table cells as its source.',
  }),
  'xliff-syntax': rule<{ reason: string }>({
    severity: 'error',
    kind: 'content',
    summary: 'blueprint i18n import: an XLIFF file is not well-formed XML.',
    message: (p) => `The XLIFF file is not well-formed XML: ${p.reason}`,
    hint: () => 'Export the file again from the translation tool, or fix the markup at this place.',
  }),
  'xliff-structure': rule<{ detail: string }>({
    severity: 'error',
    kind: 'content',
    summary: 'blueprint i18n import: an XLIFF file is not XLIFF 2 as "blueprint i18n extract" writes it (elements, attributes, languages).',
    message: (p) => `Unexpected XLIFF: ${p.detail}`,
    hint: () => 'Import the XLIFF 2.0 file that "blueprint i18n extract" wrote, as the translation tool exported it.',
  }),
  'xliff-stale': rule<{ source: string; recorded: string; current: string }>({
    severity: 'error',
    kind: 'content',
    summary: 'blueprint i18n import: a source changed since the XLIFF file was extracted, so its units no longer match.',
    message: (p) => `${p.source} changed since this file was extracted (extracted from ${p.recorded}, now ${p.current})`,
    hint: (p) => `Extract ${p.source} again (blueprint i18n extract) and carry the translation over in the translation tool (its translation memory).`,
  }),
  'xliff-unit': rule<{ detail: string }>({
    severity: 'error',
    kind: 'content',
    summary: 'blueprint i18n import: a unit the source does not have, or a unit of the source the file lacks.',
    message: (p) => `Units do not match the source: ${p.detail}`,
    hint: () => 'Keep every unit "blueprint i18n extract" wrote, with its id; extract again if the source changed.',
  }),
  'xliff-inline-code': rule<{ detail: string }>({
    severity: 'error',
    kind: 'content',
    summary: 'blueprint i18n import: a target lacks, repeats, invents or mis-nests an inline code (Markdown, a link, a note, a :city[] variable).',
    message: (p) => `Inline codes of the target do not match the source: ${p.detail}`,
    hint: () => 'Keep every tag of the source in the target once (they stand for links, notes, emphasis and variables), nested as in the source.',
  }),
  'xliff-target-missing': rule<{ unit: string }>({
    severity: 'error',
    kind: 'content',
    summary: 'blueprint i18n import: a unit has no translation (an empty or absent target).',
    message: (p) => `Unit ${q(p.unit)} has no target`,
    hint: () => 'Translate every unit before importing; nothing is written until all are translated.',
  }),
  'xliff-file-untranslated': rule<{ source: string }>({
    severity: 'warning',
    kind: 'content',
    summary: 'blueprint i18n import: a <file> of the XLIFF file has no target at all, so nothing is written for it.',
    message: (p) => `No unit of ${p.source} is translated; its translation is left as it is`,
    hint: () => 'Translate it in a later round, or leave it out of the files sent for translation (blueprint i18n extract <blueprint> --city <id>).',
  }),
  'xliff-write-refused': rule<{ path: string; reason: string }>({
    severity: 'error',
    kind: 'content',
    summary: 'blueprint i18n import: a translation would be written outside the project, through a symbolic link, or over a source file.',
    message: (p) => `Refusing to write ${p.path}: ${p.reason}`,
    hint: () => 'Import only files "blueprint i18n extract" wrote for this project; translations go next to their sources.',
  }),
  'glyph-missing': rule<{ char: string; code: string; theme: string; lang: string }>({
    severity: 'warning',
    kind: 'content',
    summary: 'A character that none of the theme\'s fonts covers: it would print as an empty box ("tofu") or in a font of the machine.',
    message: (p) => `No font of the theme ${q(p.theme)} has the character ${q(p.char)} (${p.code}), printed in the ${p.lang} edition`,
    hint: () => 'Add a @fontsource package that covers it to "fonts: fallback:" in the theme\'s theme.yaml (and npm install it), or write the text without it.',
  }),
  'heading-structure': rule({
    severity: 'warning',
    kind: 'content',
    summary: 'A section that does not start with its level-1 title.',
    message: () => 'Expected the section to start with a level-1 heading (its title)',
    hint: () => 'Start the file with a line like "# Why it matters".',
  }),
  'contents-page-missing': rule<{ document: string; headings: string }>({
    severity: 'error',
    kind: 'content',
    summary: 'A heading the contents lists was found on no page of the printed PDF, so its entry would have no page number.',
    message: (p) => `In ${p.document}, the contents cannot give a page for ${p.headings}`,
    hint: () => 'Check that the theme does not hide headings in print (display: none); if it does not, report this with the guide.',
  }),
  // — Markdown that would not print as written (#13: checks that teach, run once per source file) —
  'undefined-footnote': rule<{ label: string } & Known>({
    severity: 'error',
    kind: 'content',
    summary: 'A footnote reference [^label] with no definition in its file; it would print as text.',
    message: (p) => `Footnote [^${p.label}] has no definition in this file; it would print as "[^${p.label}]"`,
    hint: (p) => `Add a line "[^${p.label}]: the source or note" at the end of this file, or correct the label. ${p.known}`.trim(),
  }),
  'unused-footnote': rule<{ label: string }>({
    severity: 'warning',
    kind: 'content',
    summary: 'A footnote definition that nothing in its file cites; it is left out of the guide.',
    message: (p) => `Footnote [^${p.label}] is defined but never cited; it is left out of the guide`,
    hint: (p) => `Cite it with [^${p.label}] after the sentence it supports, or remove the definition.`,
  }),
  'template-tag': rule<{ tag: string; fix: string }>({
    severity: 'error',
    kind: 'content',
    summary: 'A Jekyll, Liquid or Hugo template tag ({{ … }}, {% … %}); the toolkit runs no templates, so it would print as text.',
    message: (p) => `Template tag ${q(p.tag)} would print as text: this toolkit does not run Jekyll or Hugo templates`,
    hint: (p) => p.fix,
  }),
  'attribute-list': rule<{ text: string }>({
    severity: 'error',
    kind: 'content',
    summary: 'A kramdown attribute list such as {:.class} or {: #id}; it would print as text.',
    message: (p) => `Attribute list ${q(p.text)} would print as text: this toolkit reads GitHub-flavoured Markdown, not kramdown`,
    hint: () => 'Remove it: the theme styles every guide. Headings get their ids from their text; for a note, use a blockquote ("> **Note:** …").',
  }),
  'unknown-directive': rule<{ directive: string } & Known>({
    severity: 'error',
    kind: 'content',
    summary: 'A directive (:::name, ::name, :name[…]{…}) the toolkit does not know; it would print as a plain box or as text.',
    message: (p) => `Unknown directive ${q(p.directive)}: it would print without any meaning`,
    hint: (p) =>
      `${p.known ? `${p.known} ` : ''}Known directives: ::case-study{slot="…"} on its own line and :city[name] in text. For a warning or note, use a blockquote ("> **Warning:** …").`,
  }),
  'unclosed-front-matter': rule<{ fix: string }>({
    severity: 'error',
    kind: 'content',
    summary: 'A source starts a front matter with a "---" line and never closes it: its keys would print as text.',
    message: () => 'The front matter opened on line 1 is never closed: its lines would print as text',
    hint: (p) => p.fix,
  }),
  'unused-front-matter': rule<{ key: string; fix: string }>({
    severity: 'warning',
    kind: 'content',
    summary: 'A front-matter key in a section file; sections use none, so it is ignored (e.g. a title: from a Jekyll or Hugo page).',
    message: (p) => `Front-matter key ${q(p.key)} is ignored: section files do not use front matter`,
    hint: (p) => p.fix,
  }),
  'missing-alt': rule<{ url: string }>({
    severity: 'warning',
    kind: 'content',
    summary: 'An image without alt text: screen readers and the tagged PDF have nothing to say for it.',
    message: (p) => `Image ${q(p.url)} has no alt text`,
    hint: () => 'Describe what it shows between the brackets: ![Two staff members at a welcome desk](images/desk.png).',
  }),
  'skipped-heading-level': rule<{ depth: number; previous: number }>({
    severity: 'warning',
    kind: 'content',
    summary: 'A heading more than one level below the one before it (### under #); the contents and screen readers lose the outline.',
    message: (p) => `Heading level ${p.depth} follows level ${p.previous}; expected level ${p.previous + 1}`,
    hint: (p) => `Write it with ${'#'.repeat(p.previous + 1)} (one more # than the heading above it).`,
  }),
  'empty-section': rule<{ heading: string }>({
    severity: 'warning',
    kind: 'content',
    summary: 'A heading with no text under it, or a section file with only its title.',
    message: (p) => `Heading ${q(p.heading)} has nothing under it`,
    hint: () => 'Write its text, or remove the heading until you have it.',
  }),
  'todo-marker': rule<{ marker: string }>({
    severity: 'warning',
    kind: 'content',
    summary: 'A to-do marker (TODO, FIXME, TBD, XXX) left in the text.',
    message: (p) => `To-do marker ${q(p.marker)} left in the text`,
    hint: () => 'Finish the passage and remove the marker before the guide is published.',
  }),

  // — Plain language (#13: run by `blueprint check` on the source language; --strict makes them errors) —
  'reading-grade': rule<{ grade: string; limit: number; words: number; sentences: number; longest: boolean }>({
    severity: 'warning',
    kind: 'content',
    summary: "A section whose reading grade (Flesch–Kincaid) is above the project's limit (reading_grade, 9 by default).",
    message: (p) => `Reading grade ${p.grade} is above the project's limit of ${p.limit} (${p.words} words in ${p.sentences} sentences)`,
    hint: (p) =>
      `Shorten the hardest sentence${p.longest ? ' and the longest (both reported below, at their lines)' : ' (reported below, at its line)'}, and prefer short, common words. The limit is reading_grade in blueprints/project.yaml.`,
  }),
  'hard-sentence': rule<{ words: number; grade: string; start: string }>({
    severity: 'warning',
    kind: 'content',
    summary: 'The hardest sentence of a section above the reading-grade limit.',
    message: (p) => `Hard sentence: ${p.words} words at grade ${p.grade} ("${p.start}")`,
    hint: () => 'Split it into sentences of under 20 words with one idea each, and use the shortest word that says it.',
  }),
  'long-sentence': rule<{ words: number; start: string }>({
    severity: 'warning',
    kind: 'content',
    summary: 'The longest sentence of a section above the reading-grade limit, when it is not also the hardest.',
    message: (p) => `Long sentence: ${p.words} words ("${p.start}")`,
    hint: () => 'Readers lose the thread past about 20 words: split it where a new idea starts, or make a list of its parts.',
  }),
  'wordy-phrase': rule<{ phrase: string; simpler: string; more: number }>({
    severity: 'warning',
    kind: 'content',
    summary: 'A wordy or formal phrase with a simpler one (in order to → to, utilize → use).',
    message: (p) => `Wordy phrase ${q(p.phrase)}: write ${p.simpler}`,
    hint: (p) =>
      `Readers understand the short form faster.${p.more ? ` ${p.more} more in this file are not shown ("blueprint check --verbose" lists every one).` : ''}`,
  }),
  'passive-voice': rule<{ phrase: string; more: number }>({
    severity: 'warning',
    kind: 'content',
    summary: 'A sentence in the passive voice ("is required by"), which hides who acts.',
    message: (p) => `Passive voice ${q(p.phrase)}: say who does it`,
    hint: (p) =>
      `Name who acts first: "The city requires a plan" rather than "A plan is required".${p.more ? ` ${p.more} more in this file are not shown ("blueprint check --verbose" lists every one).` : ''}`,
  }),
  'repeated-word': rule<{ word: string }>({
    severity: 'warning',
    kind: 'content',
    summary: 'The same word twice in a row ("the the").',
    message: (p) => `Repeated word ${q(`${p.word} ${p.word}`)}`,
    hint: () => 'Remove one of them.',
  }),

  'blocked-request': rule<{ document: string; url: string }>({
    severity: 'error',
    kind: 'content',
    summary: 'While printing, a document asked for something outside its own files (network, other files).',
    message: (p) => `While printing ${p.document} the renderer was refused ${q(p.url)}`,
    hint: () => 'Documents may load only their own files: put the resource inside the project and link it relatively.',
  }),

  // — Output —
  'unsafe-output-pattern': rule<{ pattern: string; problem: string }>({
    severity: 'error',
    kind: 'content',
    summary: 'The project\'s "output" pattern would write outside the output folder.',
    message: (p) => `Output pattern ${q(p.pattern)} ${p.problem}`,
    hint: () => 'Use only {city}, {lang}, {blueprint}, letters, digits, "-", "_" and "/" between them, e.g. "{city}/{lang}/{blueprint}".',
  }),
  'output-collision': rule<{ path: string }>({
    severity: 'error',
    kind: 'content',
    summary: 'Two documents would be written to the same file.',
    message: (p) => `Two documents would be written to ${p.path}`,
    hint: () => 'Include {city} and {lang} in the project\'s "output" pattern.',
  }),

  // — The command line —
  'no-project': rule<{ dir: string }>({
    severity: 'error',
    kind: 'usage',
    summary: 'The command ran outside a project (no blueprints/project.yaml here or above).',
    message: (p) => `No blueprint project here: there is no blueprints/project.yaml in ${p.dir} or above`,
    hint: () => 'Run the command inside a project, or pass --project <dir>.',
  }),
  'invalid-command': rule<{ reason: string; guess?: string; command?: string }>({
    severity: 'error',
    kind: 'usage',
    summary: 'The command line cannot be read: an unknown command or option, a missing or malformed value.',
    message: (p) => p.reason,
    hint: (p) =>
      `${p.guess ? `Did you mean "${p.guess}"? ` : ''}${
        p.command
          ? `Run "blueprint ${p.command} --help" for its options.`
          : 'Run "blueprint --help" (or "blueprint <command> --help") for the commands and options.'
      }`,
  }),
  'unknown-option-value': rule<{ option: string; value: string; where: string } & Known>({
    severity: 'error',
    kind: 'usage',
    summary: 'A blueprint, city, language or slot on the command line that the project does not have.',
    message: (p) => `Unknown ${p.option} ${q(p.value)}${p.where}`,
    hint: (p) => p.known,
  }),
  'no-case-study': rule<{ city: string; slot: string; available: string }>({
    severity: 'error',
    kind: 'usage',
    summary: '--case-study asks for a city that has no case study for that slot.',
    message: (p) => `${p.city} has no case study for slot ${q(p.slot)}`,
    hint: (p) => `Cities with a case study for this slot: ${p.available}.`,
  }),
  'invalid-shard': rule<{ value: string }>({
    severity: 'error',
    kind: 'usage',
    summary: '--shard is not of the form i/n with 1 ≤ i ≤ n.',
    message: (p) => `Unexpected --shard ${q(p.value)}, expected i/n such as 1/3`,
    hint: () => 'Split the build into n parts and give each CI job one of them: --shard 1/3, --shard 2/3, --shard 3/3.',
  }),
  'xliff-input': rule<{ path: string; reason: string }>({
    severity: 'error',
    kind: 'usage',
    summary: 'blueprint i18n import: an XLIFF file named on the command line cannot be read.',
    message: (p) => `Cannot read the XLIFF file ${q(p.path)}: ${p.reason}`,
    hint: () => 'Check the file name (blueprint i18n import <file.xlf...>) and that it is readable.',
  }),
  'unsafe-output-folder': rule<{ dir: string; problem: string }>({
    severity: 'error',
    kind: 'usage',
    summary: '--out names a folder the build must not write into (the project itself, a source folder, a system folder).',
    message: (p) => `Refusing to write into ${p.dir}: ${p.problem}`,
    hint: () => 'Choose an output folder of its own, e.g. --out out or --out ../site.',
  }),
  'output-conflict': rule<{ path: string }>({
    severity: 'error',
    kind: 'usage',
    summary: 'A file in the output folder that the toolkit did not make stands where a document would go.',
    message: (p) => `${p.path} is in the way: the toolkit did not make it, so it will not replace it`,
    hint: () => 'Move that file away, or build into an output folder of its own (--out).',
  }),
  'scaffold-exists': rule<{ path: string }>({
    severity: 'error',
    kind: 'usage',
    summary: '"blueprint new" would write a file that already exists; nothing was written.',
    message: (p) => `${p.path} already exists; "blueprint new" never replaces a file, so nothing was written`,
    hint: () => 'Choose another id, or move the existing files away first.',
  }),
  'scaffold-refused': rule<{ what: string; problem: string; fix?: string }>({
    severity: 'error',
    kind: 'usage',
    summary: '"blueprint new" was given an id, name or value it cannot use, or a place outside blueprints/ and themes/.',
    message: (p) => `Cannot create ${p.what}: ${p.problem}`,
    hint: (p) => p.fix ?? 'Use an id of lower-case letters, digits and dashes (e.g. "saint-paul"), and run the command inside the project.',
  }),
  'merge-input': rule<{ dir: string; problem: string }>({
    severity: 'error',
    kind: 'usage',
    summary: '`blueprint merge` was given a folder that is not a shard of a build.',
    message: (p) => `Cannot merge ${p.dir}: ${p.problem}`,
    hint: () => 'Give the output folders of "blueprint build --shard i/n", each with its manifest.json.',
  }),

  // — The machine —
  'browser-not-found': rule<{ reason: string; fix: string }>({
    severity: 'error',
    kind: 'environment',
    summary: 'No Chrome, Chromium or Edge to print PDFs with.',
    message: (p) => p.reason,
    hint: (p) => p.fix,
  }),
  'browser-failed': rule<{ path: string; reason: string }>({
    severity: 'error',
    kind: 'environment',
    summary: 'The browser was found but did not start or crashed while printing.',
    message: (p) => `The browser at ${p.path} failed: ${p.reason}`,
    hint: () => 'Check that it runs (e.g. "chromium --version"), run "blueprint doctor", or point --browser at another one.',
  }),
  'output-not-writable': rule<{ dir: string; reason: string }>({
    severity: 'error',
    kind: 'environment',
    summary: 'The output folder cannot be created or written (permissions, a full disk).',
    message: (p) => `Cannot write to the output folder ${p.dir}: ${p.reason}`,
    hint: () => 'Choose another folder with --out, free some disk space, or fix its permissions.',
  }),
  'output-locked': rule<{ dir: string; pid: string }>({
    severity: 'error',
    kind: 'environment',
    summary: 'Another build is writing to the same output folder.',
    message: (p) => `Another build (process ${p.pid}) is writing to ${p.dir}`,
    hint: () => 'Wait for it to finish, or build into another folder with --out.',
  }),
  'preview-port': rule<{ port: string; reason: string }>({
    severity: 'error',
    kind: 'environment',
    summary: 'The preview cannot listen on its port.',
    message: (p) => `The preview cannot listen on port ${p.port}: ${p.reason}`,
    hint: () => 'Stop the other preview or choose another port with --port <number> (0 picks a free one).',
  }),
  interrupted: rule<{ signal: string }>({
    severity: 'error',
    kind: 'interrupted',
    summary: 'The build was stopped (Ctrl-C, SIGTERM) before it finished; the output folder is as it was.',
    message: (p) => `Stopped by ${p.signal} before the build finished; nothing in the output folder was changed`,
    hint: () => 'Run the command again when ready.',
  }),
  'internal-error': rule<{ reason: string }>({
    severity: 'error',
    kind: 'internal',
    summary: 'A fault in the toolkit itself, not in the sources.',
    message: (p) => `Unexpected failure in the toolkit: ${p.reason}`,
    hint: () => 'Nothing in the output folder was changed. Please report this with the command you ran (BLUEPRINT_DEBUG=1 prints the details).',
  }),
} as const;

export type RuleId = keyof typeof catalogue;
export type RuleParams<K extends RuleId> = (typeof catalogue)[K] extends Rule<infer P> ? P : never;

/** Where the README documents each rule; the anchors are generated with the rule list. */
export const docsUrl = 'https://github.com/blueprints-toolkit/blueprints/blob/main/README.md';
export const ruleAnchor = (id: RuleId) => `rule-${id}`;
