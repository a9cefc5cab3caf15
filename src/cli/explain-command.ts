// `asn-audit explain <report.json> <fingerprint>`: why one finding of a JSON report was raised, in plain words;
// `asn-audit explain --row FILE:LINE`: why one input row was (not) flagged, from the evaluation's own trace.
import { Option, type Command } from 'commander';
import { existsSync } from 'node:fs';
import type { Finding, Report, ReportPerson } from '../schemas/report-schema.js';
import { loadRulePack, type RulePack } from '../rules/rule-pack.js';
import { AuditError, formatProblem } from '../shared/errors.js';
import type { Lang } from '../shared/types.js';
import { explainText, type RuleSource, type RulesNote } from './explain-text.js';
import type { CommandContext } from './command-context.js';
import { textStdout } from './io.js';
import { BUNDLED_RULES } from '../shared/version.js';
import { explainRow } from '../audit.js';
import { readReportFile } from './report-file.js';
import { rowData, rowText } from './explain-row.js';

/** Shorter prefixes of a 24-digit fingerprint would too often name several findings. */
export const MIN_PREFIX = 6;

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function registerExplain(program: Command, ctx: CommandContext): void {
  program
    .command('explain')
    .description(
      'explain in plain words why a finding of a JSON report was raised, or with --row why an input row was (not) flagged',
    )
    .argument('[report]', 'a JSON report (scan --format json)')
    .argument('[fingerprint]', `the finding's fingerprint, or a unique prefix of at least ${MIN_PREFIX} characters`)
    .addOption(new Option('--lang <lang>', 'language of the explanation').choices(['id', 'en']).default('id'))
    .option(
      '--rules <path>',
      "rule file or folder to show the rule's conditions from (repeatable; default: the bundled pack)",
      collect,
    )
    .option('--row <file:line>', 'explain one activity row: the file and the line it starts on, as a report names it')
    .option('--roster <file>', 'with --row: the roster of ASN (CSV or JSON), as given to scan')
    .option('--election <file>', 'with --row: the election file (YAML or JSON), as given to scan')
    .option('--nip <nip>', 'with --row: the person a platform data download belongs to')
    .option('--sheet <name>', 'with --row: the sheet of an .xlsx workbook, as given to scan (default: the first)')
    .addOption(new Option('--format <format>', 'with --row: text or json').choices(['text', 'json']).default('text'))
    .action(async (reportPath: string | undefined, fingerprint: string | undefined, flags: ExplainFlags) => {
      const print = textStdout(ctx.io);
      if (flags.row !== undefined) {
        const output = await explainRowOutput(reportPath, flags, ctx);
        (flags.format === 'json' ? ctx.io.stdout : print)(output);
        return;
      }
      if (reportPath === undefined || fingerprint === undefined)
        throw new AuditError({
          field: reportPath === undefined ? '<report>' : '<fingerprint>',
          message: 'explain needs a JSON report and a fingerprint, or --row FILE:LINE with --roster and --election',
        });
      const report = await readReport(reportPath);
      const { finding, person } = findFinding(report, fingerprint, reportPath);
      const source = await ruleSource(finding.rule, flags.rules, report.rules.sha256);
      print(
        explainText({
          finding,
          person,
          rule: source.rule,
          rulesNote: source.note,
          lang: flags.lang,
          election: report.election,
        }),
      );
    });
}

interface ExplainFlags {
  lang: Lang;
  rules?: string[];
  row?: string;
  roster?: string;
  election?: string;
  nip?: string;
  sheet?: string;
  format: 'text' | 'json';
}

/** `--row FILE:LINE`: the row read, normalised, attributed and evaluated as `scan` does, with the trace in words or as data. */
async function explainRowOutput(extra: string | undefined, flags: ExplainFlags, ctx: CommandContext): Promise<string> {
  if (extra !== undefined)
    throw new AuditError({ field: '--row', message: `takes no report or fingerprint (got "${extra}")` });
  const row = flags.row!;
  const at = row.lastIndexOf(':');
  const line = Number(row.slice(at + 1));
  if (at <= 0 || !/^\d+$/.test(row.slice(at + 1)) || line < 1)
    throw new AuditError({
      field: '--row',
      message: `"${row}" is not FILE:LINE (expected the activity file and the line its row starts on, e.g. activity.csv:14)`,
    });
  for (const [flag, value] of [
    ['--roster', flags.roster],
    ['--election', flags.election],
  ] as const)
    if (value === undefined)
      throw new AuditError({ field: flag, message: 'is needed with --row (the same file as given to scan)' });
  const explanation = await explainRow({
    file: row.slice(0, at),
    line,
    roster: flags.roster!,
    election: flags.election!,
    rules: flags.rules ?? [BUNDLED_RULES],
    ...(flags.nip !== undefined ? { nip: flags.nip } : {}),
    ...(flags.sheet !== undefined ? { sheet: flags.sheet } : {}),
    stdin: ctx.io.stdin,
  });
  const data = rowData(explanation, flags.lang);
  return flags.format === 'json' ? `${JSON.stringify(data, null, 2)}\n` : rowText(data, flags.lang);
}

export async function readReport(path: string): Promise<Report> {
  return (await readReportFile(path, 'explain')).report;
}

export function findFinding(
  report: Report,
  fingerprint: string,
  file: string,
): { finding: Finding; person: ReportPerson } {
  const prefix = fingerprint.trim().toLowerCase();
  if (prefix.length < MIN_PREFIX)
    throw new AuditError({
      field: '<fingerprint>',
      message: `"${fingerprint}" is too short: give at least ${MIN_PREFIX} characters of the fingerprint`,
    });
  const found = report.persons.flatMap((person) =>
    person.findings
      .filter((f) => f.fingerprint.toLowerCase().startsWith(prefix))
      .map((finding) => ({ finding, person })),
  );
  const total = report.persons.reduce((n, p) => n + p.findings.length, 0);
  if (found.length === 0)
    throw new AuditError({
      file,
      message: `no finding has a fingerprint starting with "${prefix}" (the report has ${total} findings)`,
    });
  if (found.length > 1) {
    const list = found
      .map(({ finding, person }) => `${finding.fingerprint} ${finding.rule} (${person.nip})`)
      .join(', ');
    throw new AuditError({
      file,
      message: `"${prefix}" is the start of ${found.length} fingerprints: ${list}; give more characters`,
    });
  }
  return found[0]!;
}

/** The rule from `--rules` or the bundled pack; a missing or unreadable bundled pack, or a rule not in it, is a note, not an error. */
async function ruleSource(
  ruleId: string,
  paths: string[] | undefined,
  reportPackSha: string,
): Promise<{ rule: RuleSource | null; note: RulesNote | null }> {
  if (!paths && !existsSync(BUNDLED_RULES)) return { rule: null, note: null };
  let pack: RulePack;
  try {
    pack = await loadRulePack(paths ?? [BUNDLED_RULES]);
  } catch (error) {
    // Rules asked for by --rules must load; the bundled pack only adds to an explanation the report already holds.
    if (paths || !(error instanceof AuditError)) throw error;
    return { rule: null, note: { kind: 'pack_unreadable', problems: error.problems.map(formatProblem).join('; ') } };
  }
  const entry = pack.rules.find((r) => r.rule.id === ruleId);
  if (!entry) return { rule: null, note: { kind: 'not_in_pack', files: pack.files.length } };
  // The pack may have changed since the scan; the conditions shown are then today's, not necessarily those that matched.
  return {
    rule: { file: entry.file, rule: entry.rule },
    note: pack.sha256 === reportPackSha ? null : { kind: 'pack_differs' },
  };
}
