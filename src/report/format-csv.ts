// `--format csv`: one finding a row, for Excel: UTF-8 with BOM, CRLF, RFC 4180 quoting, formulas neutralised,
// every cell one line without control characters.
import type { Finding, Report, ReportPerson } from '../schemas/report-schema.js';
import { uiLabels, type UiLabels } from '../shared/labels/index.js';
import type { Lang } from '../shared/types.js';
import { formatLocalDateTime } from '../shared/local-time.js';
import { candidateLabelFor, matchedSummary } from './report-view.js';
import { plainLine } from '../shared/terminal-text.js';

export const CSV_COLUMNS = [
  'nip',
  'name',
  'agency',
  'position',
  'fingerprint',
  'rule',
  'title',
  'category',
  'basis',
  'severity',
  'confidence',
  'candidate',
  'candidate_name',
  'stance',
  'timestamp',
  'platform',
  'type',
  'account',
  'target_account',
  'target_text',
  'event',
  'text',
  'matched',
  'skb',
  'sanction',
  'source_file',
  'source_line',
  'url',
  'suppressed',
  'suppression_reason',
  'review_status',
  'review_reason',
  'reviewer',
  'review_date',
] as const;
type CsvColumn = (typeof CSV_COLUMNS)[number];

const BOM = '\uFEFF';
/** After leading spaces too: a line break or tab before `=` reaches the formula check as a space (plainLine). */
const FORMULA_START = /^[ \t\r]*[=+\-@\t\r]/;

/** A cell a spreadsheet would evaluate (`=cmd|…`, `+`, `-`, `@`) is kept as text by a leading apostrophe. */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function quote(value: string, separator: CsvSeparator): string {
  const special = separator === ';' ? /[";\r\n]/ : /[",\r\n]/;
  return special.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** `,` (RFC 4180) or `;`, the list separator of Excel on Windows set to Indonesian (and most of Europe). */
export type CsvSeparator = ',' | ';';

/**
 * Excel turns an 18-digit number into 1.98609E+17 and drops digits on saving; the grouped way NIPs are
 * written on paper (`19860926 201505 1 001`) stays text, and the roster loader reads it back.
 */
function groupNip(nip: string): string {
  const match = /^(\d{8})(\d{6})(\d)(\d{3})$/.exec(nip);
  return match ? `${match[1]} ${match[2]} ${match[3]} ${match[4]}` : nip;
}

function findingRow(
  person: ReportPerson,
  finding: Finding,
  labels: UiLabels,
  election: Report['election'],
): Record<CsvColumn, string> {
  const { activity, legal, suppression } = finding;
  const review = finding.review ?? null;
  return {
    nip: groupNip(person.nip),
    name: person.name,
    agency: person.agency,
    position: person.position,
    fingerprint: finding.fingerprint,
    rule: finding.rule,
    title: finding.title,
    category: labels.category[finding.category],
    basis: labels.basis[finding.basis],
    severity: labels.severity[finding.severity],
    confidence: labels.confidence[finding.confidence],
    candidate: finding.candidate ?? '',
    candidate_name: finding.candidate === null ? '' : candidateLabelFor(finding.candidate, election.candidates),
    stance: finding.stance === null ? '' : labels.stance[finding.stance],
    timestamp: formatLocalDateTime(activity.timestamp, election.timezone),
    platform: activity.platform,
    type: labels.activityType[activity.type],
    account: activity.account ?? '',
    target_account: activity.target_account ?? '',
    // What was liked, shared or commented on, so that a reaction row shows its object.
    target_text: activity.target_text,
    event: activity.event,
    text: activity.text,
    matched: matchedSummary(finding),
    skb: legal.skb,
    sanction: labels.sanction[legal.sanction],
    source_file: activity.source.file,
    source_line: String(activity.source.line),
    url: activity.url,
    suppressed: finding.suppressed ? labels.status.suppressed : labels.status.active,
    suppression_reason: suppression?.reason ?? '',
    review_status: review === null ? '' : labels.status.review[review.status],
    review_reason: review?.reason ?? '',
    reviewer: review?.reviewer ?? '',
    review_date: review?.date ?? '',
  };
}

/** Line breaks as spaces and control, bidi and invisible characters dropped, before the formula check sees the cell. */
function csvLine(cells: readonly string[], separator: CsvSeparator): string {
  return `${cells.map((cell) => quote(neutraliseFormula(plainLine(cell)), separator)).join(separator)}\r\n`;
}

/**
 * With `;` there is no `sep=;` line: Excel then ignores the BOM and reads the UTF-8 as ANSI. An Indonesian-locale
 * Excel splits on `;` by itself.
 */
export function formatCsv(report: Report, options: { lang: Lang; csvSeparator?: CsvSeparator }): string {
  const labels = uiLabels(options.lang);
  const separator = options.csvSeparator ?? ',';
  let out = BOM + csvLine(CSV_COLUMNS, separator);
  for (const person of report.persons) {
    for (const finding of person.findings) {
      const row = findingRow(person, finding, labels, report.election);
      out += csvLine(
        CSV_COLUMNS.map((column) => row[column]),
        separator,
      );
    }
  }
  return out;
}
