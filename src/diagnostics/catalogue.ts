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
}

export type CatalogueEntry = Rule<never>;

const rule = <P = Record<string, never>>(r: Rule<P>): Rule<P> => r;
const q = (value: string) => `"${value}"`;

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
    hint: (p) => `Add themes/${p.theme}/theme.yaml (copy the one in themes/default/), or remove the folder.`,
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
  'unknown-variable': rule<{ name: string } & Known>({
    severity: 'error',
    kind: 'content',
    summary: 'A :city[…] variable that does not exist.',
    message: (p) => `Unknown city variable ${q(p.name)}`,
    hint: (p) => p.known,
  }),
  'city-field-missing': rule<{ name: string }>({
    severity: 'warning',
    kind: 'content',
    summary: 'A :city[…] variable the edition city leaves empty; its name is printed instead.',
    message: (p) => `The edition city has no ${q(p.name)}; printing its name instead`,
    hint: (p) => `Add "${p.name}:" to the city profile, or use :city[name].`,
  }),
  'missing-image': rule<{ url: string; expected: string }>({
    severity: 'error',
    kind: 'content',
    summary: 'An image or logo file that does not exist.',
    message: (p) => `Image ${q(p.url)} does not exist`,
    hint: (p) => `Add the file at ${p.expected} or correct the path.`,
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
  'site-root-link': rule<{ url: string }>({
    severity: 'error',
    kind: 'content',
    summary: 'A link that starts with "/" (a path on some web site, not in this project).',
    message: (p) => `Link ${q(p.url)} points at a site root, which this project does not have`,
    hint: () => 'Use a full address (https://…) or a path relative to this file (../other-guide/sections/01-why.md).',
  }),
  'raw-text-html': rule<{ tag: string }>({
    severity: 'warning',
    kind: 'content',
    summary: 'Raw HTML that opens <script>, <style>, <title>, <textarea>, <iframe> or another element a guide cannot hold; it is removed with its content.',
    message: (p) => `Raw HTML <${p.tag}> cannot be used in a guide; it was removed with its content`,
    hint: () => 'Remove it: styles belong in the theme, and text in Markdown.',
  }),
  'broken-link': rule<{ url: string }>({
    severity: 'error',
    kind: 'content',
    summary: 'A relative link to a file that does not exist.',
    message: (p) => `Broken link: ${q(p.url)} does not exist`,
    hint: () => 'Correct the path (it is relative to this file) or remove the link.',
  }),
  'broken-fragment': rule<{ id: string }>({
    severity: 'error',
    kind: 'content',
    summary: 'A #link to a heading or note that does not exist in the document.',
    message: (p) => `Broken link: no heading or note has the id "#${p.id}"`,
    hint: () => 'Heading ids are the heading text in lower case with dashes, e.g. "## Next steps" → #next-steps.',
  }),
  'interface-words-missing': rule<{ lang: string; keys: string }>({
    severity: 'warning',
    kind: 'content',
    summary: 'A language the project builds has no built-in interface words (Contents, Page X of Y…) for some keys, so they print in English.',
    message: (p) => `No interface words in ${q(p.lang)} for ${p.keys}; they print in English`,
    hint: (p) => `Add them under "strings: ${p.lang}:" in blueprints/project.yaml (every key is listed in docs/translating.md).`,
  }),
  untranslated: rule<{ lang: string; source: string; file: string }>({
    severity: 'warning',
    kind: 'content',
    summary: 'A section has no translation into a language being built; the source text is printed.',
    message: (p) => `No ${p.lang} translation of this section; printing the ${p.source} text`,
    hint: (p) => `Add ${p.file} next to it.`,
  }),
  'translation-stale': rule<{ lang: string; source: string; recorded: string; current: string }>({
    severity: 'warning',
    kind: 'content',
    summary: 'A translation was made from an earlier version of its source (its recorded hash differs); an error with check --strict.',
    message: (p) => `The ${p.lang} translation is stale: ${p.source} changed since it was translated (recorded ${p.recorded}, now ${p.current})`,
    hint: (p) => `Update the translation from the current ${p.source} (blueprint i18n extract --lang ${p.lang}), then set "source: ${p.current}".`,
  }),
  'translation-orphaned': rule<{ lang: string; reason: string }>({
    severity: 'warning',
    kind: 'content',
    summary: 'A translation that nothing uses: its source was renamed or removed, or its language is not built; an error with check --strict.',
    message: (p) => `This ${p.lang} translation is never used: ${p.reason}`,
    hint: () => 'Rename it after its source (01-why.md → 01-why.es.md), add its language to "languages" in project.yaml, or delete it.',
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
  'invalid-command': rule<{ reason: string }>({
    severity: 'error',
    kind: 'usage',
    summary: 'The command line cannot be read: an unknown command or option, a missing or malformed value.',
    message: (p) => p.reason,
    hint: () => 'Run "blueprint --help" (or "blueprint <command> --help") for the commands and options.',
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
