// The command line: parses arguments, runs a command, writes output through `io`, and returns the exit code.
import { Command, CommanderError, Help, Option } from 'commander';
import { AuditError, formatProblem } from '../shared/errors.js';
import { VERSION } from '../shared/version.js';
import { terminalJson } from '../shared/terminal-text.js';
import { EXIT, type CommandContext } from './command-context.js';
import { type CliIo, statusLine, terminalSafeIo } from './io.js';
import { registerConfigOption } from './config-option.js';
import type { ErrorDocument, ErrorProblem } from '../schemas/error-schema.js';

type Register = (program: Command, ctx: CommandContext) => void;

/**
 * Every command, loaded only when it is the one run: a command's module pulls in its part of the pipeline, and
 * `--version` or `--help` need none of it (cold start). The others are listed in the help by name, usage and
 * description from here; test/cli/cold-start.test.ts checks these match what each command registers.
 */
const COMMANDS: { name: string; term: string; description: string; load: () => Promise<Register> }[] = [
  {
    name: 'scan',
    term: 'scan [options] <activity...>',
    description: 'scan activity exports for neutrality violations and report per person',
    load: async () => (await import('./scan-command.js')).registerScan,
  },
  {
    name: 'rules',
    term: 'rules',
    description: 'inspect and test rule packs',
    load: async () => (await import('./rules-command.js')).registerRules,
  },
  {
    name: 'validate',
    term: 'validate [options] <file...>',
    description: 'check roster, election, activity or rule files without scanning',
    load: async () => (await import('./validate-command.js')).registerValidate,
  },
  {
    name: 'explain',
    term: 'explain [options] [report] [fingerprint]',
    description:
      'explain in plain words why a finding of a JSON report was raised, or with --row why an input row was (not) flagged',
    load: async () => (await import('./explain-command.js')).registerExplain,
  },
  {
    name: 'review',
    term: 'review [command]',
    description: 'record reviewers’ decisions on findings (the file scan --decisions reads), and list what is open',
    load: async () => (await import('./review-command.js')).registerReview,
  },
  {
    name: 'dossier',
    term: 'dossier [options] <report>',
    description: 'write one person’s dossier for the panel (HTML, or PDF through Chromium) from a JSON report',
    load: async () => (await import('./dossier-command.js')).registerDossier,
  },
  {
    name: 'merge',
    term: 'merge [options] <report...>',
    description: 'combine the JSON reports of shards (same rules, election, roster) into the report of one scan',
    load: async () => (await import('./merge-command.js')).registerMerge,
  },
  {
    name: 'schema',
    term: 'schema <kind>',
    description:
      'print the JSON Schema of the report, rule files, the election file, the roster, the config file or an exit-2 error',
    load: async () => (await import('./schema-command.js')).registerSchema,
  },
  {
    name: 'init',
    term: 'init [options] [dir]',
    description: 'write a starter config (asn-audit.config.yaml) and example election, roster and activity files',
    load: async () => (await import('./init-command.js')).registerInit,
  },
];

/** The command the arguments name (`help scan` names scan), skipping the global options and --config's value. */
export function commandNamed(argv: string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--config' || arg === '--error-format') i++;
    else if (!arg.startsWith('-')) return arg === 'help' ? argv[i + 1] : arg;
  }
  return undefined;
}

const HELP_EXIT_CODES = `
Exit codes:
  0  no open finding (unreviewed or needs_evidence) at or above --fail-on
  1  open findings at or above --fail-on
  2  the run could not be done (bad usage, unreadable or invalid roster, election, rules, or --strict and a bad row)`;

/** `json` when the command line asks for it: `--error-format json`, else `--format json` or `ndjson`. */
export function errorFormatOf(argv: string[]): 'text' | 'json' {
  let explicit: string | undefined;
  let format: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') break;
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    if (name !== '--error-format' && name !== '--format') continue;
    const value = inline ?? argv[++i];
    if (name === '--error-format') explicit = value;
    else format = value;
  }
  if (explicit !== undefined) return explicit === 'json' ? 'json' : 'text';
  return format === 'json' || format === 'ndjson' ? 'json' : 'text';
}

export async function main(argv: string[], rawIo: CliIo): Promise<number> {
  // Every message, the commands' and commander's (an unknown option is echoed), reaches stderr escaped.
  const io = terminalSafeIo(rawIo);
  let exitCode: number = EXIT.clean;
  const errorFormat = errorFormatOf(argv);
  const program = new Command('asn-audit')
    .description(
      "Checks civil servants' (ASN) social-media activity against the election-neutrality rules and reports per person.",
    )
    .version(VERSION)
    .option('--debug', 'print stack traces of internal errors')
    .addOption(
      new Option(
        '--error-format <format>',
        'exit-2 errors as text, or as one JSON object on stderr (default: json with --format json or ndjson)',
      ).choices(['text', 'json']),
    )
    .addHelpText('after', HELP_EXIT_CODES)
    .exitOverride()
    .configureOutput({
      writeOut: io.stdout,
      writeErr: io.stderr,
      // In JSON mode commander's own message (a usage error) is printed by handleError, as JSON.
      ...(errorFormat === 'json' ? { outputError: () => {} } : {}),
    })
    .showHelpAfterError(false);
  const ctx: CommandContext = {
    io,
    statusLine: statusLine(rawIo),
    setExit: (code) => (exitCode = code),
    debug: () => Boolean(program.opts().debug) || argv.includes('--debug'),
  };
  const named = commandNamed(argv);
  const terms = new Map(COMMANDS.map((c) => [c.name, c.term]));
  program.configureHelp({
    subcommandTerm(cmd) {
      return terms.get(cmd.name()) ?? Help.prototype.subcommandTerm.call(this, cmd);
    },
  });
  try {
    for (const command of COMMANDS) {
      if (command.name === named) (await command.load())(program, ctx);
      else program.command(command.name).description(command.description);
    }
    registerConfigOption(program, ctx);
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    return errorFormat === 'json' ? handleErrorAsJson(error, io, ctx.debug()) : handleError(error, io, ctx.debug());
  }
}

function handleError(error: unknown, io: CliIo, debug: boolean): number {
  if (error instanceof CommanderError) {
    // Help and version exit 0; every usage error is exit 2.
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.exitCode === 0)
      return EXIT.clean;
    return EXIT.error;
  }
  if (error instanceof AuditError) {
    io.stderr(
      `asn-audit: ${error.problems.length > 1 ? `${error.problems.length} problems:\n  ` : ''}${error.problems.map(formatProblem).join('\n  ')}\n`,
    );
    if (error.hint) io.stderr(`hint: ${error.hint}\n`);
    if (debug) io.stderr(`${error.stack}\n`);
    return EXIT.error;
  }
  const err = error as Error;
  io.stderr(`asn-audit: internal error: ${err?.message ?? String(error)}\n`);
  io.stderr(debug ? `${err?.stack}\n` : 'run again with --debug for the stack trace, and report it\n');
  return EXIT.error;
}

/**
 * The same outcome as handleError, with the problems as one line of JSON (schema asn-audit/error@1, `asn-audit schema
 * error`): the last line on stderr, after any note the run printed. Built by hand: zod is not loaded for a usage error.
 */
function handleErrorAsJson(error: unknown, io: CliIo, debug: boolean): number {
  let document: ErrorDocument;
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.exitCode === 0)
      return EXIT.clean;
    const message = error.message.replace(/^error: /, '');
    const option = /'(-[^' ]+)/.exec(message)?.[1] ?? null;
    document = errorDocument('usage', [{ file: null, line: null, field: option, message }], 'see --help');
  } else if (error instanceof AuditError) {
    const problems = error.problems.map((p) => ({
      file: p.file ?? null,
      line: p.line ?? null,
      field: p.field ?? null,
      message: p.message,
    }));
    document = errorDocument('input', problems, error.hint ?? null);
    if (debug) io.stderr(`${error.stack}\n`);
  } else {
    const err = error as Error;
    const problem = {
      file: null,
      line: null,
      field: null,
      message: `internal error: ${err?.message ?? String(error)}`,
    };
    if (debug) io.stderr(`${err?.stack}\n`);
    document = errorDocument(
      'internal',
      [problem],
      debug ? null : 'run again with --debug for the stack trace, and report it',
    );
  }
  // Escaped as JSON, not as terminalText: the line stays JSON that reads back to the same values.
  io.stderr(`${terminalJson(JSON.stringify(document))}\n`);
  return EXIT.error;
}

function errorDocument(kind: ErrorDocument['kind'], problems: ErrorProblem[], hint: string | null): ErrorDocument {
  return { schema: 'asn-audit/error@1', exit_code: 2, kind, problems, hint };
}
