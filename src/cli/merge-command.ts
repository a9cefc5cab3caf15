// `asn-audit merge r1.json r2.json … -o all.json`: the JSON reports of shards (parts of the inputs scanned apart)
// combined into the report of one scan over all of them.
import type { Command } from 'commander';
import { mergeReports, type ReportPart } from '../aggregate/merge-reports.js';
import { formatChunks, formatForPath } from '../report/index.js';
import { AuditError } from '../shared/errors.js';
import type { CommandContext } from './command-context.js';
import { readReportFile } from './report-file.js';
import { coalesce, writeFileAtomic } from './write-atomic.js';

export function registerMerge(program: Command, ctx: CommandContext): void {
  program
    .command('merge')
    .description('combine the JSON reports of shards (same rules, election, roster) into the report of one scan')
    .argument('<report...>', 'JSON reports of scan --format json, in the order of their inputs')
    .requiredOption(
      '-o, --output <file>',
      'the merged report (format from the extension, usually .json; - for JSON on standard output)',
    )
    .action(async (paths: string[], flags: { output: string }) => {
      const format = flags.output === '-' ? 'json' : formatForPath(flags.output);
      if (!format)
        throw new AuditError({
          file: flags.output,
          message: 'cannot tell the format from the extension (expected .json .ndjson .csv .md .html .xml .txt)',
        });
      const parts: ReportPart[] = [];
      for (const file of paths) parts.push({ file, report: (await readReportFile(file, 'merge')).report });
      const merged = mergeReports(parts);
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
