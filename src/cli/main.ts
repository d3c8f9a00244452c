import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import type { VFile } from 'vfile';
import { exitCodeOf, exitCodes } from '../diagnostics/exit-codes.js';
import { formatAnnotations } from '../diagnostics/format-annotations.js';
import { commandFile, report as reportMessage } from '../diagnostics/messages.js';
import { collectMessages, formatMessages, summarize, toJson } from '../diagnostics/report.js';
// Each command's own modules are imported when it runs (#13): `check`, `preview` and `--version` do not load
// the browser driver and the PDF library, half a second of a check's start.
import type { Format } from '../pipeline/build.js';
import type { i18nStatus } from '../pipeline/i18n-status.js';
import type { listProject } from '../pipeline/list-project.js';
import { defaultOutDir } from '../pipeline/settings.js';
import { findProjectRoot } from '../project/find-project.js';
import { formatCoverage } from './format-coverage.js';
import { progressDisplay, showBuildProgress } from './progress-display.js';

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
  cwd: string;
  /** Whether stderr is a terminal: progress is one updating line there, plain lines elsewhere. */
  isTty?: boolean;
  /** The terminal's width, to keep the progress line on one line. */
  columns?: number;
  /** Aborted on Ctrl-C or SIGTERM: a build stops, cleans up and exits with 130. */
  signal?: AbortSignal;
}

const version = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

const collect = (value: string, previous: string[] = []) => [
  ...previous,
  ...value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean),
];

function parseCaseStudy(value: string, previous: Record<string, string> = {}): Record<string, string> {
  const match = /^([a-z0-9-]+)=([a-z0-9-]+)$/.exec(value.trim());
  if (!match) throw new InvalidArgumentError('Expected slot=city, e.g. --case-study language-access-law=chicago.');
  return { ...previous, [match[1] as string]: match[2] as string };
}

function parseFormats(value: string): Format[] {
  const formats = value.split(',').map((v) => v.trim());
  for (const f of formats) if (f !== 'html' && f !== 'pdf') throw new InvalidArgumentError(`Unknown format "${f}": use html, pdf or html,pdf.`);
  return formats as Format[];
}

function parseShard(value: string): { index: number; count: number } {
  const match = /^(\d{1,4})\/(\d{1,4})$/.exec(value.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || index < 1 || count < 1 || index > count) throw new InvalidArgumentError(`Expected i/n with 1 ≤ i ≤ n, e.g. --shard 1/3 (got "${value}").`);
  return { index, count };
}

function parseJobs(value: string): number {
  const jobs = Number(value.trim());
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64) throw new InvalidArgumentError(`Expected a whole number from 1 to 64, e.g. --jobs 2 (got "${value}").`);
  return jobs;
}

interface Outcome {
  files: VFile[];
  /** Extra fields of the --json document. */
  json?: Record<string, unknown>;
  /** One closing line for people (not printed with --quiet or --json). */
  summary?: (code: number, messages: string) => string;
  /** More for people who asked with --verbose (timings, grades). */
  details?: string;
}

/** Run the `blueprint` command; returns the exit code. Never calls process.exit. */
export async function main(argv: string[], io: Io): Promise<number> {
  const wantsJson = argv.slice(2).includes('--json');
  const quiet = argv.slice(2).some((a) => a === '-q' || a === '--quiet');
  const verbose = argv.slice(2).some((a) => a === '-v' || a === '--verbose');
  const display = progressDisplay(io);
  let outcome: Outcome | undefined;
  let command = '';

  /** Print an outcome once: messages on stderr (or annotations), one JSON document on stdout with --json. */
  const finish = (result: Outcome, root: string | undefined): number => {
    display.end();
    const all = collectMessages(result.files);
    const code = exitCodeOf(result.files);
    const shown = all.filter((m) => !quiet || m.fatal === true);
    // #9: in GitHub Actions, as workflow commands, so each message is shown at its line in the pull request.
    const text = io.env.GITHUB_ACTIONS === 'true' ? formatAnnotations(shown, io.env.GITHUB_WORKSPACE ?? root ?? io.cwd) : formatMessages(shown, root ?? io.cwd);
    if (shown.length) io.stderr(`${text}\n`);
    if (wantsJson) {
      io.stdout(`${JSON.stringify({ ok: code === 0, exitCode: code, command, ...(result.json ?? {}), diagnostics: all.map(toJson) }, null, 2)}\n`);
    } else if (!quiet) {
      if (verbose && result.details) io.stderr(`${result.details}\n`);
      if (result.summary) io.stderr(`${result.summary(code, summarize(all))}\n`);
    }
    return code;
  };

  const program = new Command('blueprint')
    .description('Build themed HTML and PDF blueprints for immigrant integration from YAML and Markdown sources.')
    .version(version, '-V, --version', 'print the version')
    .option('-C, --project <dir>', 'project folder (default: the nearest folder above with blueprints/project.yaml)')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: (text) => (wantsJson ? undefined : io.stderr(text)) })
    .showHelpAfterError('(run "blueprint --help" for usage)')
    .showSuggestionAfterError(true);

  /** The project root, or an outcome saying there is none. */
  const rootOf = (): string | Outcome => {
    const given = program.opts<{ project?: string }>().project;
    const root = given ? findProjectRoot(path.resolve(io.cwd, given)) : findProjectRoot(io.cwd);
    if (root && (!given || root === path.resolve(io.cwd, given))) return root;
    const file = commandFile();
    reportMessage(file, 'no-project', { dir: given ?? io.cwd });
    return { files: [file] };
  };
  const withRoot = async (fn: (root: string) => Promise<Outcome>) => {
    const root = rootOf();
    outcome = typeof root === 'string' ? await fn(root) : root;
    return typeof root === 'string' ? root : undefined;
  };
  let usedRoot: string | undefined;

  /** What to build, shared by build and preview: blueprints, editions, slot swaps, languages, output. */
  const editionCommand = (name: string, description: string) =>
    program
      .command(name)
      .description(description)
      .argument('[blueprint...]', 'blueprint ids (default: all)')
      .option('--city <id>', 'city edition; repeat or comma-separate; "all" for every city', collect)
      .option('--case-study <slot=city>', "fill one slot with another city's case study (repeatable)", parseCaseStudy)
      .option('--lang <code>', "language(s) (default: all of the project's)", collect)
      .option('--out <dir>', 'output folder (default: out/ in the project)');

  editionCommand('build', 'Build blueprints into out/ as HTML and PDF.')
    .addOption(new Option('--format <list>', 'html, pdf or html,pdf').default(['html', 'pdf'], 'html,pdf').argParser(parseFormats))
    .option('--browser <path>', 'Chrome/Chromium/Edge executable for PDFs (also BLUEPRINT_BROWSER)')
    .option('--shard <i/n>', 'build only part i of n of the documents (CI matrices; join with "blueprint merge")', parseShard)
    .option('-j, --jobs <n>', 'pages printing at once in the browser (default: the number of cores and one more)', parseJobs)
    .option('--no-cache', 'print every PDF again, even those an earlier build made from the same inputs')
    .option('--json', 'print the manifest and diagnostics as one JSON document on stdout')
    .option('-q, --quiet', 'print errors only')
    .option('-v, --verbose', 'also print how long each stage took')
    .action(
      async (
        blueprints: string[],
        opts: EditionOptions & { format: Format[]; browser?: string; shard?: { index: number; count: number }; jobs?: number; cache: boolean },
      ) => {
        usedRoot = await withRoot(async (root) => {
          const outDir = opts.out ? path.resolve(io.cwd, opts.out) : defaultOutDir(root);
          const result = await (await import('../pipeline/build.js')).build({
            root,
            blueprints,
            ...editionOptions(opts),
            formats: opts.format,
            outDir,
            ...(opts.browser ? { browser: opts.browser } : {}),
            ...(opts.shard ? { shard: opts.shard } : {}),
            ...(opts.jobs ? { concurrency: opts.jobs } : {}),
            reuseOutput: opts.cache,
            ...(io.signal ? { signal: io.signal } : {}),
            env: io.env,
            onProgress: wantsJson || quiet ? undefined : showBuildProgress(display),
          });
          const shown = path.relative(io.cwd, outDir) || '.';
          const t = result.timings;
          return {
            files: result.files,
            json: { manifest: result.manifest ?? null },
            details: result.reused
              ? 'Nothing changed since the same build: no source, theme, setting, toolkit or browser, and its output is in place (--no-cache builds again).'
              : `Timings: load ${ms(t.loadMs)}, html ${ms(t.htmlMs)}, browser start ${ms(t.browserMs)}, pdf ${ms(t.pdfMs)}.`,
            summary: (code, counts) =>
              code === 0
                ? result.reused
                  ? `Up to date: ${result.manifest?.documents.length ?? 0} document(s) in ${shown}/, nothing changed since the same build (${counts}).`
                  : `Built ${result.manifest?.documents.length ?? 0} document(s) into ${shown}/ (${counts}).`
                : `Build failed (${counts}); nothing in the output folder was changed.`,
          };
        });
      },
    );

  editionCommand('preview', 'Build the HTML, serve it on this machine and rebuild and reload on every change (Ctrl-C stops).')
    .option('--port <number>', 'port to serve on (0 picks a free one)', (v) => Number.parseInt(v, 10), 4321)
    .action(async (blueprints: string[], opts: EditionOptions & { port: number }) => {
      usedRoot = await withRoot(async (root) => {
        const files: VFile[] = [];
        let rebuilds = 0;
        try {
          const preview = await (await import('../preview/serve-preview.js')).startPreview({
            root,
            blueprints,
            port: opts.port,
            env: io.env,
            ...editionOptions(opts),
            ...(opts.out ? { outDir: path.resolve(io.cwd, opts.out) } : {}),
            onRebuild: (event) => {
              // A save prints what is new: warnings the last rebuild printed too are counted, not repeated.
              if (event.news) io.stderr(`${event.news}\n`);
              const repeated = event.repeated ? `; ${event.repeated} warning${event.repeated === 1 ? '' : 's'} as before, not repeated` : '';
              const what = event.blueprints.length === 1 ? (event.blueprints[0] as string) : `${event.blueprints.length} guides`;
              // #13: say how long a save took to reach the page, so the author knows it did.
              io.stderr(
                event.ok
                  ? `${rebuilds++ === 0 ? 'Built' : 'Updated'} ${what} in ${Math.round(event.ms)} ms (${event.summary}${repeated}).\n`
                  : `Not updated: fix the errors above (${event.summary}${repeated}); the pages show the last good version and the errors.\n`,
              );
            },
          });
          io.stderr(
            `Preview at ${preview.url} — save a file under blueprints/ or themes/ and the open page updates; "PDF of this guide" prints one. Ctrl-C stops.\n`,
          );
          await new Promise<void>((resolve) => {
            if (!io.signal || io.signal.aborted) resolve();
            else io.signal.addEventListener('abort', () => resolve(), { once: true });
          });
          await preview.close();
        } catch (cause) {
          const file = commandFile();
          const code = (cause as { code?: string }).code;
          if (code === 'port-in-use' || code === 'listen-failed' || code === 'EADDRINUSE')
            reportMessage(file, 'preview-port', { port: String(opts.port), reason: (cause as Error).message });
          else throw cause;
          files.push(file);
        }
        return { files };
      });
    });

  program
    .command('check')
    .description('Validate every source and every city edition without building; check plain language.')
    .argument('[blueprint...]', 'check these guides only (default: all)')
    .option('--city <id>', 'check these city editions only; repeat or comma-separate (default: all)', collect)
    .option('--lang <code>', "check these languages only (default: all of the project's)", collect)
    .option('--strict', 'treat warnings (plain language, unused notes, missing alt text, stale or orphaned translations…) as errors: exit code 1')
    .option('--json', 'print diagnostics as one JSON document on stdout')
    .option('-q, --quiet', 'print errors only')
    .option('-v, --verbose', "list every plain-language finding and each section's reading grade")
    .option('--no-cache', 'parse and judge every file again instead of reusing what earlier checks kept in out/.blueprint-cache/')
    .action(async (blueprints: string[], opts: { city?: string[]; lang?: string[]; strict?: boolean; cache?: boolean }) => {
      usedRoot = await withRoot(async (root) => {
        const t = performance.now();
        const result = await (await import('../pipeline/check.js')).check({
          root,
          ...(io.signal ? { signal: io.signal } : {}),
          blueprints,
          ...editionOptions(opts),
          strict: opts.strict ?? false,
          cache: opts.cache !== false,
          verbose,
          ...(wantsJson || quiet
            ? {}
            : { onProgress: (e: { document: string; done: number; total: number }) => io.isTty && display.step('check', e.done, e.total, e.document) }),
        });
        const elapsed = performance.now() - t;
        const graded = result.grades.filter((g) => g.graded);
        const over = graded.filter((g) => Math.floor(g.grade) > result.readingGrade);
        const plain = graded.length
          ? ` Plain language: ${over.length} of ${graded.length} sections above reading grade ${result.readingGrade}${verbose ? '' : ' (--verbose lists every grade)'}.`
          : '';
        return {
          files: result.files,
          json: {
            documents: result.documents,
            rendered: result.rendered,
            readingGrade: result.readingGrade,
            grades: result.grades.map((g) => ({ ...g, grade: Number(g.grade.toFixed(1)) })),
          },
          details: formatGrades(result.grades, result.readingGrade, root),
          summary: (code, counts) =>
            `${code === 0 ? 'Check passed' : 'Check failed'}${result.rendered ? `: ${result.documents} edition document(s) checked (${result.rendered} rendered)` : ''} in ${ms(elapsed)}, ${counts}.${plain}`,
        };
      });
    });

  program
    .command('merge')
    .description('Join the output folders of "build --shard i/n" into one site with one index and manifest.')
    .argument('<dir...>', 'output folders of the shards')
    .requiredOption('--out <dir>', 'the merged output folder')
    .option('--json', 'print the merged manifest and diagnostics as one JSON document on stdout')
    .option('-q, --quiet', 'print errors only')
    .action(async (dirs: string[], opts: { out: string }) => {
      usedRoot = await withRoot(async (root) => {
        const result = await (await import('../pipeline/merge.js')).merge({
          root,
          inputs: dirs.map((d) => path.resolve(io.cwd, d)),
          outDir: path.resolve(io.cwd, opts.out),
          ...(io.signal ? { signal: io.signal } : {}),
        });
        return {
          files: result.files,
          json: { manifest: result.manifest ?? null },
          summary: (code, counts) =>
            code === 0
              ? `Merged ${dirs.length} folder(s): ${result.manifest?.documents.length ?? 0} document(s) in ${opts.out}/ (${counts}).`
              : `Merge failed (${counts}).`,
        };
      });
    });

  program
    .command('list')
    .description('List blueprints, their case-study slots and which cities fill them, and the cities.')
    .option('--coverage', 'show the blueprint × city matrix: slots each city fills, still has stubs for, or takes from another city')
    .option('--json', 'print as one JSON document on stdout')
    .action(async (opts: { coverage?: boolean }) => {
      usedRoot = await withRoot(async (root) => {
        const { listing, coverage, files } = await (await import('../pipeline/list-project.js')).listProject({ root, coverage: opts.coverage === true });
        if (!wantsJson && coverage) io.stdout(`${formatCoverage(coverage)}\n`);
        else if (listing && !wantsJson) io.stdout(`${formatListing(listing)}\n`);
        return { files, json: { listing: listing ?? null, ...(opts.coverage ? { coverage: coverage ?? null } : {}) } };
      });
    });

  // #11: a fork's city or guide starts from files the toolkit writes, never from copies of upstream's.
  const scaffold = program.command('new').description('Create the files of a new city or guide (never replaces a file).');
  scaffold
    .command('city')
    .description('Create a city: profile, placeholder logo, a theme that extends the default, one stub per slot.')
    .argument('<id>', 'city id, lower-case-with-dashes, e.g. saint-paul')
    .requiredOption('--name <name>', 'the city as readers know it, e.g. "Saint Paul"')
    .option('--government <text>', 'the government publishing the edition (default: "City of <name>")')
    .option('--office <text>', 'the office that publishes the guide')
    .option('--state <text>', 'the state')
    .option('--website <url>', "the office's website")
    .option('--json', 'print the files written and diagnostics as one JSON document on stdout')
    .action(async (id: string, opts: { name: string; government?: string; office?: string; state?: string; website?: string }) => {
      usedRoot = await withRoot(async (root) => {
        const result = await (await import('../scaffold/new-scaffold.js')).newCity({ root, id, ...opts });
        if (!wantsJson) for (const file of result.written) io.stdout(`created ${file}\n`);
        return {
          files: result.files,
          json: { written: result.written },
          summary: (code) =>
            code === 0
              ? [
                  `Created city ${id} (${result.written.length} files). Next:`,
                  `  1. Fill in blueprints/cities/${id}/city.yaml ("blueprint check" reports each TODO) and replace logo.svg.`,
                  `  2. Set your colours, fonts and cover in themes/${id}/theme.yaml.`,
                  '  3. Write the case studies: "blueprint list --coverage" shows what is left, "blueprint check" lists each stub.',
                  `  4. In a fork, make it the default edition: "default_city: ${id}" in blueprints/fork.yaml.`,
                ].join('\n')
              : 'Nothing was written.',
        };
      });
    });
  scaffold
    .command('blueprint')
    .description('Create a guide: blueprint.yaml and one section per part the project requires.')
    .argument('<id>', 'blueprint id, lower-case-with-dashes, e.g. housing-navigation')
    .option('--title <text>', 'the title of the guide')
    .option('--json', 'print the files written and diagnostics as one JSON document on stdout')
    .action(async (id: string, opts: { title?: string }) => {
      usedRoot = await withRoot(async (root) => {
        const result = await (await import('../scaffold/new-scaffold.js')).newBlueprint({ root, id, ...opts });
        if (!wantsJson) for (const file of result.written) io.stdout(`created ${file}\n`);
        return {
          files: result.files,
          json: { written: result.written, listedIn: result.listedIn ?? null },
          summary: (code) =>
            code !== 0
              ? 'Nothing was written.'
              : result.listedIn
                ? `Created blueprint ${id} and added it to add_blueprints in ${result.listedIn}.`
                : `Created blueprint ${id}. List it to build it: "- ${id}" under blueprints: in blueprints/project.yaml, or under add_blueprints: in blueprints/fork.yaml in a fork.`,
        };
      });
    });

  // #10: the translators' commands.
  const i18n = program.command('i18n').description('Translation workflow: status, XLIFF extract and import.');
  i18n
    .command('status')
    .description('List per language and file what is translated, missing, stale (the source changed) or orphaned.')
    .option('--lang <code>', 'language(s) (default: every language but the source)', collect)
    .option('--json', 'print as one JSON document on stdout')
    .action(async (opts: { lang?: string[] }) => {
      usedRoot = await withRoot(async (root) => {
        const result = await (await import('../pipeline/i18n-status.js')).i18nStatus({ root, ...(opts.lang ? { languages: opts.lang } : {}) });
        if (!wantsJson && result.code === 0) io.stdout(`${formatStatus(result.entries)}\n`);
        return { files: result.files, json: { translations: result.entries } };
      });
    });

  i18n
    .command('extract')
    .description('Write the text to translate into one language as XLIFF 2.0, existing translations filled in.')
    .argument('[blueprint...]', 'blueprint ids (default: all)')
    .requiredOption('--lang <code>', 'the language to translate into')
    .option('--city <id>', 'city edition(s) whose profile and case studies to include; "all" for every city (default: the default city)', collect)
    .option('--city-only', "only the cities' own text (profiles and case studies), not the project's and the guides': a fork's")
    .option('--out <file.xlf>', 'write the XLIFF file here (default: standard output)')
    .option('--json', 'print the sources and diagnostics as one JSON document on stdout (needs --out)')
    .action(async (blueprints: string[], opts: { lang: string; city?: string[]; cityOnly?: boolean; out?: string }) => {
      usedRoot = await withRoot(async (root) => {
        const out = opts.out ? path.resolve(io.cwd, opts.out) : undefined;
        const result = await (await import('../pipeline/i18n-extract.js')).extractTranslations({
          root,
          lang: opts.lang,
          blueprints,
          ...(opts.city ? { cities: opts.city } : {}),
          ...(opts.cityOnly ? { citiesOnly: true } : {}),
          ...(out ? { out } : {}),
        });
        if (!out && !wantsJson && result.xliff !== undefined) io.stdout(result.xliff);
        const units = result.sources.reduce((n, s) => n + s.units, 0);
        const translated = result.sources.reduce((n, s) => n + s.translated, 0);
        return {
          files: result.files,
          json: { sources: result.sources, ...(out ? { out } : { xliff: result.xliff }) },
          summary: (code, messages) =>
            code === 0
              ? `Extracted ${units} units from ${result.sources.length} files (${translated} already translated)${out ? ` to ${out}` : ''}; ${messages}.`
              : messages,
        };
      });
    });
  i18n
    .command('import')
    .description('Check XLIFF files against the sources and, when all is valid, write the translation files.')
    .argument('<file.xlf...>', 'XLIFF files written by "blueprint i18n extract" and translated')
    .option('--json', 'print the files written and diagnostics as one JSON document on stdout')
    .action(async (xlfs: string[]) => {
      usedRoot = await withRoot(async (root) => {
        const result = await (await import('../pipeline/i18n-import.js')).importTranslations({ root, files: xlfs.map((f) => path.resolve(io.cwd, f)) });
        const count = (state: string) => result.written.filter((w) => w.state === state).length;
        return {
          files: result.files,
          json: { written: result.written },
          summary: (code, messages) =>
            code === 0
              ? `Imported ${result.written.length} translation files: ${count('created')} created, ${count('changed')} changed, ${count('unchanged')} unchanged; ${messages}.`
              : `Nothing written; ${messages}.`,
        };
      });
    });

  // #9: say what this machine lacks before a CI build finds out halfway through.
  let doctorCode: number | undefined;
  program
    .command('doctor')
    .description('Check that this machine can build: Node, browser, fonts, output folder, PDF tools.')
    .option('--browser <path>', 'check this Chrome/Chromium/Edge executable (also BLUEPRINT_BROWSER)')
    .option('--json', 'print the checks as one JSON document on stdout')
    .action(async (opts: { browser?: string; json?: boolean }) => {
      const given = program.opts<{ project?: string }>().project;
      // Unlike the other commands, no project is no reason to stop: the machine can still be checked.
      const root = given ? path.resolve(io.cwd, given) : findProjectRoot(io.cwd);
      // Loaded only here: it starts a browser, and its driver is slow to load for the other commands.
      const { runDoctor } = await import('../doctor/run-doctor.js');
      const { formatDoctorReport } = await import('../doctor/format-doctor-report.js');
      const result = await runDoctor({ env: io.env, ...(opts.browser ? { browser: opts.browser } : {}), ...(root ? { root } : {}) });
      io.stdout(opts.json ? `${JSON.stringify(result, null, 2)}\n` : `${formatDoctorReport(result)}\n`);
      doctorCode = result.ok ? exitCodes.ok : exitCodes.environment;
    });

  // Which command runs, for the JSON document (`command`), named as it is dispatched: also when its command
  // line is refused, and then its help is named too ("blueprint new city --help" lists the option `new city`
  // lacks; the top-level help does not).
  const pointToHelp = (parent: Command, name: string) => {
    const nameOf = (sub: Command) => (name ? `${name} ${sub.name()}` : sub.name());
    parent.hook('preSubcommand', (_parent, sub) => {
      command = nameOf(sub);
    });
    for (const sub of parent.commands) {
      sub.showHelpAfterError(`(run "blueprint ${nameOf(sub)} --help" for usage)`);
      pointToHelp(sub, nameOf(sub));
    }
  };
  pointToHelp(program, '');

  try {
    await program.parseAsync(argv);
  } catch (cause) {
    if (cause instanceof CommanderError) {
      if (cause.code === 'commander.helpDisplayed' || cause.code === 'commander.version' || cause.code === 'commander.help') return exitCodes.ok;
      const file = commandFile();
      // #13: commander prints its "(Did you mean build?)" for people; JSON readers get it as `expected`.
      const guess = /Did you mean (?:one of )?(\S+?)\??\)/.exec(cause.message)?.[1];
      reportMessage(
        file,
        'invalid-command',
        { reason: cause.message.replace(/^error: /, '').split('\n')[0] ?? cause.message, ...(guess ? { guess } : {}), ...(command ? { command } : {}) },
        guess ? { expected: [guess] } : {},
      );
      // Commander has printed the error for people already; the JSON document is for machines.
      if (!wantsJson) return exitCodes.usage;
      return finish({ files: [file] }, undefined);
    }
    const file = commandFile();
    const message = reportMessage(file, 'internal-error', { reason: cause instanceof Error ? (cause.message.split('\n')[0] ?? '') : String(cause) });
    if (io.env.BLUEPRINT_DEBUG && cause instanceof Error) io.stderr(`${cause.stack}\n`);
    void message;
    return finish({ files: [file] }, undefined);
  }
  if (doctorCode !== undefined) return doctorCode;
  return outcome ? finish(outcome, usedRoot) : exitCodes.ok;
}

interface EditionOptions {
  city?: string[];
  caseStudy?: Record<string, string>;
  lang?: string[];
  out?: string;
}

const editionOptions = (opts: EditionOptions) => ({
  ...(opts.city ? { cities: opts.city } : {}),
  ...(opts.caseStudy ? { caseStudies: opts.caseStudy } : {}),
  ...(opts.lang ? { languages: opts.lang } : {}),
});

const ms = (n: number) => (n >= 1000 ? `${(n / 1000).toFixed(1)} s` : `${Math.round(n)} ms`);

/** Each section's reading grade, hardest first, for check --verbose. */
function formatGrades(grades: { file: string; grade: number; words: number; graded: boolean }[], limit: number, root: string): string {
  if (!grades.length) return '';
  const lines = [`Reading grade of each section (Flesch–Kincaid; limit ${limit}):`];
  for (const g of [...grades].sort((a, b) => b.grade - a.grade)) {
    const mark = g.graded && Math.floor(g.grade) > limit ? '!' : ' ';
    lines.push(`${mark} ${g.grade.toFixed(1).padStart(5)}  ${path.relative(root, g.file)} (${g.words} words${g.graded ? '' : ', too short to grade'})`);
  }
  return lines.join('\n');
}

function formatStatus(entries: Awaited<ReturnType<typeof i18nStatus>>['entries']): string {
  const lines: string[] = [];
  for (const lang of [...new Set(entries.map((e) => e.lang))]) {
    const mine = entries.filter((e) => e.lang === lang);
    const count = (state: string) => mine.filter((e) => e.state === state).length;
    lines.push(
      `${lang}: ${count('translated')} translated, ${count('stale')} stale, ${count('untracked')} untracked, ${count('missing')} missing, ${count('orphaned')} orphaned`,
    );
    for (const e of mine) {
      const review = e.review === 'draft' ? ' (draft)' : '';
      lines.push(
        `  ${e.state.padEnd(10)} ${e.state === 'orphaned' ? e.translation : e.source}${review}${e.state === 'stale' ? ` — source is now ${e.sourceHash}` : ''}`,
      );
    }
  }
  return lines.join('\n') || 'The project has no language but its source language.';
}

function formatListing(listing: NonNullable<Awaited<ReturnType<typeof listProject>>['listing']>): string {
  const lines = [`${listing.title} (default edition: ${listing.defaultCity}; languages: ${listing.languages.join(', ')})`, '', 'Blueprints:'];
  for (const b of listing.blueprints) {
    lines.push(`  ${b.id} — ${b.title} (${b.sections} sections)`);
    for (const s of b.slots) lines.push(`    slot ${s.id}: ${s.cities.join(', ') || '(no case study yet)'}`);
  }
  lines.push('', 'Cities:');
  for (const c of listing.cities) lines.push(`  ${c.id} — ${c.government}, ${c.office} (${c.caseStudies.length} case studies)`);
  lines.push('', `Fallback chain: ${listing.fallback.join(' → ') || '(none)'}`);
  return lines.join('\n');
}
