// `--config FILE` (else asn-audit.config.* in the working directory): defaults for `scan` that flags on the command line override.
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { oneLine } from '../shared/terminal-text.js';
import type { ScanConfig } from './config-file.js';
import type { CommandContext } from './command-context.js';

export function registerConfigOption(program: Command, ctx: CommandContext): void {
  program.option(
    '--config <file>',
    'defaults for scan options (default: $ASN_AUDIT_CONFIG, else asn-audit.config.yaml, .yml or .json in the working directory)',
  );
  let config: ScanConfig | null = null;
  let pickedUp: string | null = null;
  program.hook('preSubcommand', async (_program, command) => {
    // `scan --help` must work even where a broken config file lies.
    if (command.name() !== 'scan' || program.args.some((arg) => arg === '--help' || arg === '-h')) return;
    // Imported here: the config reader (yaml, zod) is needed by scan only, not by --version or --help.
    const { loadScanConfig } = await import('./config-file.js');
    const named = program.opts<{ config?: string }>().config;
    const fromEnv = named === undefined ? ctx.io.env.ASN_AUDIT_CONFIG || undefined : undefined;
    config = await loadScanConfig(named ?? fromEnv, ctx.io.cwd);
    if (config === null) return;
    ctx.configFile = resolve(ctx.io.cwd, config.file);
    // A file nobody named on this command line changes rules and fail_on: the run says which one (README "Config").
    if (named === undefined)
      pickedUp = `${oneLine(config.file)} (${fromEnv ? 'from ASN_AUDIT_CONFIG' : 'found in the working folder'})`;
    // Set before scan's own flags are parsed, so that the required --roster and --election may come from the
    // file; a flag given on the command line then replaces the value (commander ranks 'cli' above 'config').
    for (const [attribute, value] of Object.entries(config?.values ?? {})) {
      if (!Array.isArray(value)) command.setOptionValueWithSource(attribute, value, 'config');
    }
  });
  program.hook('preAction', (_program, command) => {
    if (command.name() !== 'scan' || config === null) return;
    // After scan's flags are parsed, so that -q (or `quiet: true` in the file itself) silences it.
    if (pickedUp !== null && !command.opts<{ quiet?: boolean }>().quiet)
      ctx.io.stderr(`asn-audit: using config ${pickedUp}\n`);
    // Repeatable flags (--rules, -o) add to the value already there, so the file's lists are only set when no such flag was given.
    for (const [attribute, value] of Object.entries(config.values)) {
      if (Array.isArray(value) && command.getOptionValueSource(attribute) !== 'cli')
        command.setOptionValueWithSource(attribute, value, 'config');
    }
  });
}
