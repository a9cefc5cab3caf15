// The command line: parses arguments, runs a command, writes output through `io`, and returns the exit code.
import { Command, CommanderError } from 'commander';
import { AuditError, formatProblem } from '../shared/errors.js';
import { VERSION } from '../shared/version.js';
import { EXIT, type CommandContext } from './command-context.js';
import type { CliIo } from './io.js';
import { registerScan } from './scan-command.js';
import { registerRules } from './rules-command.js';
import { registerValidate } from './validate-command.js';
import { registerConfigOption } from './config-option.js';
import { registerExplain } from './explain-command.js';
import { registerInit } from './init-command.js';
import { registerSchema } from './schema-command.js';
import { registerReview } from './review-command.js';

const HELP_EXIT_CODES = `
Exit codes:
  0  no open finding (unreviewed or needs_evidence) at or above --fail-on
  1  open findings at or above --fail-on
  2  the run could not be done (bad usage, unreadable or invalid roster, election, rules, or --strict and a bad row)`;

export async function main(argv: string[], io: CliIo): Promise<number> {
  let exitCode: number = EXIT.clean;
  const program = new Command('asn-audit')
    .description(
      "Checks civil servants' (ASN) social-media activity against the election-neutrality rules and reports per person.",
    )
    .version(VERSION)
    .option('--debug', 'print stack traces of internal errors')
    .addHelpText('after', HELP_EXIT_CODES)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError(false);
  const ctx: CommandContext = {
    io,
    setExit: (code) => (exitCode = code),
    debug: () => Boolean(program.opts().debug) || argv.includes('--debug'),
  };
  registerScan(program, ctx);
  registerRules(program, ctx);
  registerValidate(program, ctx);
  registerExplain(program, ctx);
  registerReview(program, ctx);
  registerSchema(program, ctx);
  registerInit(program, ctx);
  registerConfigOption(program, ctx);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    return handleError(error, io, ctx.debug());
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
