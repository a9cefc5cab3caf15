// `asn-audit scan`: the main job. Flags → scan options → report → outputs → exit code.
import { type Command, InvalidArgumentError, Option } from 'commander';
import { runScan } from '../audit.js';
import { isOpenFinding } from '../aggregate/review-state.js';
import type { Report } from '../schemas/report-schema.js';
import {
  FORMAT_EXTENSIONS,
  type FormatName,
  formatChunks,
  formatForPath,
  redactReport,
  type RedactionSubject,
} from '../report/index.js';
import { rejectionText } from '../shared/labels/index.js';
import type { Person, Rejection } from '../shared/types.js';
import { AuditError } from '../shared/errors.js';
import { severityRank, type Severity } from '../shared/types.js';
import { VERSION } from '../shared/version.js';
import { oneLine } from '../shared/terminal-text.js';
import { ACTIVITY_COLUMNS, describeUnknownColumns } from '../load/unknown-columns.js';
import { EXIT, type CommandContext } from './command-context.js';
import { BUNDLED_RULES } from '../shared/version.js';
import { coalesce, StreamedFile, writeFilesAtomic } from './write-atomic.js';
import { wantsColor } from './color.js';
import { readFileSync } from 'node:fs';
import { ReadMeter } from '../load/read-meter.js';
import { plainInputSize, progressText } from './progress-line.js';
import { SCAN_OPTIONS, type ScanFlags, type ScanOptionSpec } from './scan-options.js';
import { boundHeapGrowth } from './heap-growth.js';
import { type NamedPath, refuseOutputsOntoInputs } from './output-clash.js';

/** `-o -` writes to standard output, in --format (default: the table). */
const STDOUT = '-';

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** The commander options of SCAN_OPTIONS, in its order (`--no-color` right after `--color`). */
export function commanderOptions(): Option[] {
  const options: Option[] = [];
  for (const [attribute, spec] of Object.entries(SCAN_OPTIONS) as [string, ScanOptionSpec][]) {
    const option = new Option(spec.flags, spec.help);
    if (option.attributeName() !== attribute)
      throw new Error(`SCAN_OPTIONS: ${spec.flags} is stored under ${option.attributeName()}, not ${attribute}`);
    options.push(option);
    switch (spec.type) {
      case 'path':
        if (spec.required) option.makeOptionMandatory();
        break;
      case 'paths':
        option.argParser(collect);
        break;
      case 'text':
        break;
      case 'choice':
        option.choices(spec.choices);
        if (spec.default !== undefined) option.default(spec.default);
        break;
      case 'switch':
        if (spec.negation) options.push(new Option(`--no-${option.name()}`, spec.negation));
        break;
      case 'count':
        option.argParser((value) => count(value, spec));
        break;
    }
  }
  return options;
}

function count(value: string, spec: Extract<ScanOptionSpec, { type: 'count' }>): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < spec.min || n > spec.max)
    throw new InvalidArgumentError(`expected ${spec.expected}, got "${value}"`);
  return n;
}

/** After the options in `scan --help`: the common runs, each one a command that works with real files. */
export const SCAN_EXAMPLES = `
Examples:
  # the terminal table; exit 1 when there are open findings
  asn-audit scan aktivitas.csv --roster asn.csv --election pilkada.yaml
  # a folder of exports and downloads, to an HTML report for reviewers and the JSON report
  asn-audit scan unduhan/ --roster asn.csv --election pilkada.yaml -o laporan.html -o laporan.json
  # the sheet "Kegiatan" of an Excel workbook
  asn-audit scan rekap.xlsx --sheet Kegiatan --roster asn.csv --election pilkada.yaml
  # one person's X data download, as downloaded
  asn-audit scan twitter-2024.zip --nip 199003152015031002 --roster asn.csv --election pilkada.yaml
  # CI during the campaign: JUnit, failing from medium severity
  asn-audit scan aktivitas/ --roster asn.csv --election pilkada.yaml --since kampanye --fail-on medium -o hasil.xml
  # a data-lake table (Parquet, BigQuery) through DuckDB, as NDJSON on standard input
  duckdb -c "COPY (SELECT * FROM 'aktivitas.parquet') TO '/dev/stdout' (FORMAT json)" | asn-audit scan - --roster asn.csv --election pilkada.yaml
  # with asn-audit.config.yaml naming roster and election (asn-audit init writes one)
  asn-audit scan aktivitas.csv
`;

export function registerScan(program: Command, ctx: CommandContext): void {
  const command = program
    .command('scan')
    .description('scan activity exports for neutrality violations and report per person')
    .addHelpText('after', SCAN_EXAMPLES)
    .argument(
      '<activity...>',
      'activity files or folders (CSV, JSON, NDJSON, Excel .xlsx, platform downloads and .zip); - reads standard input',
    );
  for (const option of commanderOptions()) command.addOption(option);
  command.action(async (activity: string[], flags: ScanFlags, self: Command) => {
    const io = ctx.io;
    boundHeapGrowth();
    if (flags.rejected !== undefined && flags.redact)
      throw new AuditError({
        field: '--rejected',
        message: 'cannot be used with --redact: the rejected rows are written as read, with the names and NIPs in them',
      });
    // Before anything is read or written: a wrong format or an output onto an input stops the run with nothing done.
    const files = fileOutputs(flags, self.getOptionValueSource('format') === 'cli');
    await refuseOutputsOntoInputs(...scanPaths(activity, flags, ctx.configFile));
    const progress = io.stderrIsTTY && !flags.quiet ? await progressLine(ctx, activity) : null;
    const rejectedFile = flags.rejected !== undefined ? await StreamedFile.create(flags.rejected) : null;
    try {
      await scanAndReport(activity, flags, files, ctx, progress, rejectedFile);
    } catch (error) {
      await rejectedFile?.discard();
      throw error;
    }
  });
}

/** A file output and the format it is written in. */
interface FileOutput {
  path: string;
  format: FormatName;
}

/**
 * The format of each `-o` file: its extension's, or --format's when it is the only -o. An explicit --format that
 * names another format than a known extension is an error (`--format csv -o report.html`); one from the config file
 * is a default, which the extension overrides.
 */
function fileOutputs(flags: ScanFlags, formatExplicit: boolean): FileOutput[] {
  const paths = (flags.output ?? []).filter((path) => path !== STDOUT);
  return paths.map((path) => {
    const byExtension = formatForPath(path);
    // With `-o -` beside the file, --format is standard output's.
    const single = flags.output?.length === 1 ? flags.format : undefined;
    if (single !== undefined && formatExplicit && byExtension !== null && byExtension !== single)
      throw new AuditError(
        {
          field: '--format',
          message: `${single} contradicts -o ${oneLine(path)}, whose extension is that of ${byExtension}`,
        },
        `drop --format to write ${byExtension}, or end the file name in ${FORMAT_EXTENSIONS[single]} to write ${single}`,
      );
    const format = byExtension ?? single;
    if (!format)
      throw new AuditError({
        file: path,
        message:
          'cannot tell the format from the extension (expected .json .ndjson .csv .md .html .xml .txt), or give --format with a single -o',
      });
    return { path, format };
  });
}

/** The outputs and the inputs of a scan, each with the flag that names it, from the table of scan options. */
function scanPaths(
  activity: readonly string[],
  flags: ScanFlags,
  configFile: string | undefined,
): [outputs: NamedPath[], inputs: NamedPath[]] {
  const outputs: NamedPath[] = [];
  const inputs: NamedPath[] = activity.map((path) => ({ path, flag: 'the input' }));
  if (configFile !== undefined) inputs.push({ path: configFile, flag: 'the config file' });
  const given = { ...flags, rules: flags.rules ?? [BUNDLED_RULES] } as Record<string, unknown>;
  for (const [attribute, spec] of Object.entries(SCAN_OPTIONS) as [string, ScanOptionSpec][]) {
    if (spec.type !== 'path' && spec.type !== 'paths') continue;
    const value = given[attribute] as string | string[] | undefined;
    if (value === undefined) continue;
    // `-o, --output <file>` is shown as -o, as people type it; the others by their long flag.
    const flag = /^(-\w|--[\w-]+)/.exec(spec.flags)![1]!;
    for (const path of Array.isArray(value) ? value : [value]) (spec.written ? outputs : inputs).push({ path, flag });
  }
  return [outputs, inputs];
}

async function scanAndReport(
  activity: string[],
  flags: ScanFlags,
  files: readonly FileOutput[],
  ctx: CommandContext,
  progress: Awaited<ReturnType<typeof progressLine>> | null,
  rejectedFile: StreamedFile | null,
): Promise<void> {
  const io = ctx.io;
  const { report: fullReport, persons } = await runScan({
    activity,
    roster: flags.roster,
    election: flags.election,
    rules: flags.rules ?? [BUNDLED_RULES],
    ...(flags.since !== undefined ? { since: flags.since } : {}),
    ...(flags.until !== undefined ? { until: flags.until } : {}),
    ...(flags.nip !== undefined ? { nip: flags.nip } : {}),
    ...(flags.sheet !== undefined ? { sheet: flags.sheet } : {}),
    ...(flags.baseline !== undefined ? { baseline: flags.baseline } : {}),
    ...(flags.decisions !== undefined ? { decisions: flags.decisions } : {}),
    lang: flags.lang,
    strict: Boolean(flags.strict),
    failOnSkipped: Boolean(flags.failOnSkipped),
    ...(flags.jobs !== undefined ? { jobs: flags.jobs } : {}),
    version: VERSION,
    stdin: io.stdin,
    ...(progress ? { onProgress: progress.onProgress, meter: progress.meter } : {}),
    ...(rejectedFile
      ? {
          // One line per row, as the report's `rejected` lists it: code, and the reason in --lang.
          onRejected: ({ file, line, reason, endLine }: Rejection) =>
            rejectedFile.write(
              `${JSON.stringify({ file, line, code: reason.code, reason: rejectionText(flags.lang, { line, endLine, reason }) })}\n`,
            ),
        }
      : {}),
  });
  if (io.stderrIsTTY && !flags.quiet) ctx.statusLine('');
  const report = flags.redact
    ? redactReport(fullReport, persons.map(redactionSubject), redactionKey(flags, io.env))
    : fullReport;
  // An empty export usually means a broken pipeline upstream: say so, though it is not an error of the scan.
  if (report.summary.rows_read === 0)
    io.stderr('asn-audit: warning: no activity rows were read (the inputs are empty or hold only a header)\n');
  if (report.skipped_inputs.length > 0)
    io.stderr(
      `asn-audit: note: ${report.skipped_inputs.length} file(s) in folders or downloads could not be read; the report lists them with the reason\n`,
    );
  // A misnamed column (akun_target for target_account) leaves every row without its value and no error: say so.
  for (const { file, columns } of fullReport.unread_columns)
    io.stderr(
      `asn-audit: note: ${flags.redact ? 'an input' : oneLine(file)} has columns that are not read: ${oneLine(describeUnknownColumns(columns))} (the columns read are ${ACTIVITY_COLUMNS.join(', ')})\n`,
    );
  const stale = report.summary.stale_decisions;
  if (stale.length > 0)
    io.stderr(
      `asn-audit: note: ${stale.length === 1 ? '1 decision' : `${stale.length} decisions`} in ${flags.decisions} ${stale.length === 1 ? 'matches' : 'match'} no finding of this run (stale): ${stale.map((d) => d.fingerprint).join(', ')}\n`,
    );
  await writeOutputs(report, flags, files, ctx, rejectedFile ? [rejectedFile] : []);
  ctx.setExit(exitCodeFor(report, flags.failOn));
}

async function writeOutputs(
  report: Report,
  flags: ScanFlags,
  files: readonly FileOutput[],
  ctx: CommandContext,
  streamed: readonly StreamedFile[],
): Promise<void> {
  const { io } = ctx;
  const outputs = flags.output ?? [];
  const color = wantsColor(flags.color, io.env, io.stdoutIsTTY);
  const stdoutOptions = {
    lang: flags.lang,
    color,
    csvSeparator: flags.csvSeparator,
    ...(io.columns ? { width: io.columns } : {}),
  };
  // Pieces, not one string: a JSON report of a national run is hundreds of megabytes.
  const toStdout = () => {
    for (const chunk of coalesce(formatChunks(flags.format ?? 'table', report, stdoutOptions))) io.stdout(chunk);
  };
  // Every file's format was known before the scan began (fileOutputs), and the files are written all or none.
  const fileOptions = { lang: flags.lang, color: false, csvSeparator: flags.csvSeparator };
  await writeFilesAtomic(
    files.map(({ path, format }) => ({ path, content: formatChunks(format, report, fileOptions) })),
    streamed,
  );
  if (outputs.includes(STDOUT)) toStdout();
  if (outputs.includes(STDOUT)) return;
  if (outputs.length === 0 || (flags.format && outputs.length > 1)) {
    if (!flags.quiet || flags.format) toStdout();
  }
}

function redactionSubject(person: Person): RedactionSubject {
  return { nip: person.nip, name: person.name, handles: person.accounts.map((a) => a.handle) };
}

/** Without a key the pseudonyms are still consistent within the run, but not across runs: say so. */
function redactionKey(flags: ScanFlags, env: Readonly<Record<string, string | undefined>>): string {
  const key = flags.redactKey ?? (flags.redactKeyFile ? readKeyFile(flags.redactKeyFile) : env.ASN_AUDIT_REDACT_KEY);
  if (!key)
    throw new AuditError({
      field: '--redact',
      message:
        'needs a key: give --redact-key-file, --redact-key or set ASN_AUDIT_REDACT_KEY (the same key gives the same pseudonyms in every run)',
    });
  return key;
}

/** The key file's content without its trailing newline; an empty or unreadable file is an error, never no key. */
function readKeyFile(path: string): string {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new AuditError({ file: path, message: `cannot read the redaction key file: ${(error as Error).message}` });
  }
  const key = text.replace(/\r?\n$/, '');
  if (!key) throw new AuditError({ file: path, message: 'the redaction key file is empty' });
  return key;
}

export function exitCodeFor(report: Report, failOn: Severity | 'none'): number {
  if (failOn === 'none') return EXIT.clean;
  // Open findings only: unreviewed ones and those a reviewer marked needs_evidence (aggregate/review-state).
  const failing = report.persons.some((p) =>
    p.findings.some((f) => isOpenFinding(f) && severityRank(f.severity) >= severityRank(failOn)),
  );
  return failing ? EXIT.findings : EXIT.clean;
}

/** The progress line: rows and rate, and the share of bytes and time left when the inputs' size is known. */
async function progressLine(ctx: CommandContext, activity: readonly string[]) {
  const started = Date.now();
  const meter = new ReadMeter();
  const total = await plainInputSize(activity);
  const onProgress = (rows: number) =>
    ctx.statusLine(
      progressText({
        rows,
        seconds: (Date.now() - started) / 1000,
        bytes: total === null ? null : { read: meter.bytes, total },
      }),
    );
  return { meter, onProgress };
}
