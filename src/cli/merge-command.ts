// `asn-audit merge r1.json r2.json … -o all.json [--roster union.csv]`: the JSON reports of shards (parts of the
// inputs scanned apart, over one roster or over rosters that are parts of a union roster) combined into the report of
// one scan over all of them.
import type { Command } from 'commander';
import { type MergeRosters, mergeReports, type ReportPart } from '../aggregate/merge-reports.js';
import { loadRoster } from '../load/roster.js';
import type { Roster } from '../shared/types.js';
import { formatChunks, formatForPath } from '../report/index.js';
import { AuditError } from '../shared/errors.js';
import type { CommandContext } from './command-context.js';
import { readReportFile } from './report-file.js';
import { coalesce, writeFileAtomic } from './write-atomic.js';
import { boundHeapGrowth } from './heap-growth.js';
import { refuseOutputsOntoInputs } from './output-clash.js';

export function registerMerge(program: Command, ctx: CommandContext): void {
  program
    .command('merge')
    .description('combine the JSON reports of shards (same rules, election, roster) into the report of one scan')
    .option(
      '--roster <file>',
      'the union roster, for shards scanned over different rosters (one per agency or region) that are parts of it',
    )
    .argument('<report...>', 'JSON reports of scan --format json, in the order of their inputs')
    .requiredOption(
      '-o, --output <file>',
      'the merged report (format from the extension, usually .json; - for JSON on standard output)',
    )
    .action(async (paths: string[], flags: { output: string; roster?: string }) => {
      boundHeapGrowth();
      const format = flags.output === '-' ? 'json' : formatForPath(flags.output);
      if (!format)
        throw new AuditError({
          file: flags.output,
          message: 'cannot tell the format from the extension (expected .json .ndjson .csv .md .html .xml .txt)',
        });
      await refuseOutputsOntoInputs(
        [{ path: flags.output, flag: '-o' }],
        [
          ...paths.map((path) => ({ path, flag: 'the report' })),
          ...(flags.roster ? [{ path: flags.roster, flag: '--roster' }] : []),
        ],
      );
      const parts: ReportPart[] = [];
      for (const file of paths) parts.push({ file, report: (await readReportFile(file, 'merge')).report });
      const merged = mergeReports(parts, flags.roster ? await mergeRosters(flags.roster, parts) : undefined);
      const chunks = formatChunks(format, merged, { lang: merged.lang, color: false });
      if (flags.output === '-') for (const chunk of coalesce(chunks)) ctx.io.stdout(chunk);
      else {
        await writeFileAtomic(flags.output, chunks);
        ctx.io.stderr(
          `asn-audit: ${flags.output}: ${paths.length} report(s) merged, ${merged.summary.findings} finding(s) of ${merged.summary.rows_read} row(s)\n`,
        );
      }
    });
}

/**
 * The union roster and each shard's own roster, read from the path its report names (as the scan was given it) and
 * checked against the sha256 the report recorded: a roster edited since is not the one the shard was scanned with.
 */
async function mergeRosters(unionPath: string, parts: readonly ReportPart[]): Promise<MergeRosters> {
  const union = await loadRoster(unionPath);
  const bySha = new Map<string, Roster>([[union.sha256, union]]);
  const shards: Roster[] = [];
  for (const { file, report } of parts) {
    let roster = bySha.get(report.roster.sha256);
    if (!roster) {
      try {
        roster = await loadRoster(report.roster.file);
      } catch (error) {
        if (!(error instanceof AuditError)) throw error;
        throw new AuditError(
          error.problems,
          `merge over different rosters reads each shard's roster to check it against ${unionPath}: the roster ${report.roster.file} of ${file} must be readable where merge runs`,
        );
      }
      if (roster.sha256 !== report.roster.sha256)
        throw new AuditError({
          file: report.roster.file,
          message: `this roster has changed since ${file} was scanned with it (sha256 ${roster.sha256} now, ${report.roster.sha256} in the report)`,
        });
      bySha.set(roster.sha256, roster);
    }
    shards.push(roster);
  }
  return { union, shards };
}
