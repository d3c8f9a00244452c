import path from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import type { VFile } from 'vfile';
import { build, type Format, type ProgressEvent } from '../build/build.js';
import { check } from '../build/check.js';
import { listProject } from '../build/list-project.js';
import { exitCodes } from '../diagnostics/exit-codes.js';
import { formatAnnotations } from '../diagnostics/format-annotations.js';
import { collectMessages, formatMessages, summarize, toJson } from '../diagnostics/report.js';
import { formatDoctorReport } from '../doctor/format-doctor-report.js';
import { runDoctor } from '../doctor/run-doctor.js';
import { startPreview } from '../preview/serve-preview.js';
import { findProjectRoot } from '../project/find-project.js';

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
  cwd: string;
  /** Resolves when a long-running command (preview) should stop, e.g. on Ctrl-C. */
  waitForStop?: () => Promise<void>;
}

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

/** Run the `blueprint` command; returns the exit code. Never calls process.exit. */
export async function main(argv: string[], io: Io): Promise<number> {
  let code: number = exitCodes.ok;
  const program = new Command('blueprint')
    .description('Build themed HTML and PDF blueprints for immigrant integration from YAML and Markdown sources.')
    .option('-C, --project <dir>', 'project folder (default: the nearest folder above with blueprints/project.yaml)')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('(run "blueprint --help" for usage)');

  const rootOf = (): string | undefined => {
    const given = program.opts<{ project?: string }>().project;
    const root = given ? path.resolve(io.cwd, given) : findProjectRoot(io.cwd);
    if (!root || !findProjectRoot(root)) {
      io.stderr(
        `error: No blueprint project here: there is no blueprints/project.yaml in ${given ?? io.cwd} or above.\n  hint: Run the command inside a project, or pass --project <dir>.\n`,
      );
      code = exitCodes.usage;
      return undefined;
    }
    return root;
  };

  const report = (files: VFile[], root: string, quiet: boolean) => {
    const messages = collectMessages(files).filter((m) => !quiet || m.fatal === true);
    // #9: in GitHub Actions, as workflow commands, so each message is shown at its line in the pull request.
    const text = io.env.GITHUB_ACTIONS === 'true' ? formatAnnotations(messages, io.env.GITHUB_WORKSPACE ?? root) : formatMessages(messages, root);
    if (messages.length) io.stderr(`${text}\n`);
    return messages;
  };

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
    .option('--json', 'print the manifest and diagnostics as JSON on stdout')
    .option('-q, --quiet', 'print errors only')
    .action(
      async (
        blueprints: string[],
        opts: {
          city?: string[];
          caseStudy?: Record<string, string>;
          lang?: string[];
          format: Format[];
          out?: string;
          browser?: string;
          json?: boolean;
          quiet?: boolean;
        },
      ) => {
        const root = rootOf();
        if (!root) return;
        const progress = (event: ProgressEvent) => {
          if (opts.json || opts.quiet) return;
          if (event.type === 'html') io.stderr(`  html  ${event.document}\n`);
          if (event.type === 'browser') io.stderr(`  browser ${event.executablePath} (${event.source}) started in ${Math.round(event.ms)} ms\n`);
          if (event.type === 'pdf') io.stderr(`  pdf   ${event.document} (${event.pages} pages)\n`);
          if (event.type === 'fallback') io.stderr(`  slot  ${event.slot} in ${event.document}: filled by ${event.city} (fallback)\n`);
        };
        const result = await build({
          root,
          blueprints,
          ...(opts.city ? { cities: opts.city } : {}),
          ...(opts.caseStudy ? { caseStudies: opts.caseStudy } : {}),
          ...(opts.lang ? { languages: opts.lang } : {}),
          formats: opts.format,
          ...(opts.out ? { outDir: path.resolve(io.cwd, opts.out) } : {}),
          ...(opts.browser ? { browser: opts.browser } : {}),
          env: io.env,
          onProgress: progress,
        });
        const messages = report(result.files, root, Boolean(opts.quiet));
        if (result.problem) io.stderr(`error: ${result.problem.message}\n  hint: ${result.problem.hint}\n`);
        code = result.code;
        if (opts.json) {
          io.stdout(
            `${JSON.stringify({ ok: result.code === 0, exitCode: result.code, problem: result.problem ?? null, manifest: result.manifest ?? null, diagnostics: messages.map(toJson) }, null, 2)}\n`,
          );
        } else if (!opts.quiet) {
          const outDir = opts.out ? path.resolve(io.cwd, opts.out) : path.join(root, 'out');
          io.stderr(
            result.code === 0
              ? `Built ${result.manifest?.documents.length ?? 0} document(s) into ${path.relative(io.cwd, outDir) || '.'}/ (${summarize(messages)}).\n`
              : `Build failed (${summarize(messages)}); nothing in the output folder was changed.\n`,
          );
        }
      },
    );

  editionCommand('preview', 'Build the HTML, serve it on this machine and rebuild and reload on every change (Ctrl-C stops).')
    .option('--port <number>', 'port to serve on', (v) => Number.parseInt(v, 10), 4321)
    .action(async (blueprints: string[], opts: { city?: string[]; caseStudy?: Record<string, string>; lang?: string[]; port: number; out?: string }) => {
      const root = rootOf();
      if (!root) return;
      const preview = await startPreview({
        root,
        blueprints,
        port: opts.port,
        env: io.env,
        ...(opts.city ? { cities: opts.city } : {}),
        ...(opts.caseStudy ? { caseStudies: opts.caseStudy } : {}),
        ...(opts.lang ? { languages: opts.lang } : {}),
        ...(opts.out ? { outDir: path.resolve(io.cwd, opts.out) } : {}),
        onRebuild: (event) => {
          if (event.report) io.stderr(`${event.report}\n`);
          io.stderr(
            event.ok
              ? `Rebuilt in ${Math.round(event.ms)} ms (${event.summary}).\n`
              : `Not rebuilt: fix the errors above (${event.summary}); the preview keeps the last good pages.\n`,
          );
        },
      });
      io.stderr(`Preview at ${preview.url} — edit files under blueprints/ or themes/ and the page reloads. Ctrl-C stops.\n`);
      await (io.waitForStop ?? (() => new Promise<void>(() => undefined)))();
      await preview.close();
    });

  program
    .command('check')
    .description('Validate every source and every city edition without building.')
    .option('--json', 'print diagnostics as JSON on stdout')
    .option('-q, --quiet', 'print errors only')
    .action(async (opts: { json?: boolean; quiet?: boolean }) => {
      const root = rootOf();
      if (!root) return;
      const result = await check({ root });
      const messages = report(result.files, root, Boolean(opts.quiet));
      code = result.code;
      if (opts.json)
        io.stdout(
          `${JSON.stringify({ ok: result.code === 0, exitCode: result.code, documents: result.documents, diagnostics: messages.map(toJson) }, null, 2)}\n`,
        );
      else io.stderr(`${result.code === 0 ? 'Check passed' : 'Check failed'}: ${result.documents} edition document(s) rendered, ${summarize(messages)}.\n`);
    });

  program
    .command('list')
    .description('List blueprints, their case-study slots and which cities fill them, and the cities.')
    .option('--json', 'print as JSON on stdout')
    .action(async (opts: { json?: boolean }) => {
      const root = rootOf();
      if (!root) return;
      const { listing, files } = await listProject({ root });
      report(files, root, false);
      if (!listing) {
        code = exitCodes.content;
        return;
      }
      if (opts.json) {
        io.stdout(`${JSON.stringify(listing, null, 2)}\n`);
        return;
      }
      const lines = [`${listing.title} (default edition: ${listing.defaultCity}; languages: ${listing.languages.join(', ')})`, '', 'Blueprints:'];
      for (const b of listing.blueprints) {
        lines.push(`  ${b.id} — ${b.title} (${b.sections} sections)`);
        for (const s of b.slots) lines.push(`    slot ${s.id}: ${s.cities.join(', ') || '(no case study yet)'}`);
      }
      lines.push('', 'Cities:');
      for (const c of listing.cities) lines.push(`  ${c.id} — ${c.government}, ${c.office} (${c.caseStudies.length} case studies)`);
      lines.push('', `Fallback chain: ${listing.fallback.join(' → ') || '(none)'}`);
      io.stdout(`${lines.join('\n')}\n`);
    });

  // #9: say what this machine lacks before a CI build finds out halfway through.
  program
    .command('doctor')
    .description('Check that this machine can build: Node, browser, fonts, output folder, PDF tools.')
    .option('--browser <path>', 'check this Chrome/Chromium/Edge executable (also BLUEPRINT_BROWSER)')
    .option('--json', 'print the checks as one JSON document on stdout')
    .action(async (opts: { browser?: string; json?: boolean }) => {
      const given = program.opts<{ project?: string }>().project;
      // Unlike the other commands, no project is no reason to stop: the machine can still be checked.
      const root = given ? path.resolve(io.cwd, given) : findProjectRoot(io.cwd);
      const result = await runDoctor({ env: io.env, ...(opts.browser ? { browser: opts.browser } : {}), ...(root ? { root } : {}) });
      io.stdout(opts.json ? `${JSON.stringify(result, null, 2)}\n` : `${formatDoctorReport(result)}\n`);
      code = result.ok ? exitCodes.ok : exitCodes.environment;
    });

  try {
    await program.parseAsync(argv);
  } catch (cause) {
    if (cause instanceof CommanderError) {
      if (cause.code === 'commander.helpDisplayed' || cause.code === 'commander.version' || cause.code === 'commander.help') return exitCodes.ok;
      return exitCodes.usage;
    }
    throw cause;
  }
  return code;
}
