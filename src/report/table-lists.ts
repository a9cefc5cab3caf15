// The terminal report's closing lists: roster gaps, unmatched accounts, rejected rows, stale suppressions.
import type { Report } from '../schemas/report-schema.js';
import type { UiLabels } from '../shared/labels/index.js';
import { describeUnknownColumns } from '../load/unknown-columns.js';
import { flattenText } from './plain-text.js';
import type { TerminalStyle } from './terminal-style.js';

/** Long lists are cut so the terminal stays readable; the JSON report always has them in full. */
export const LIST_LIMIT = 20;

/** `total`: how many there are, when the report lists only the first of them (rejected rows). */
function cappedList(
  title: string,
  items: string[],
  labels: UiLabels,
  style: TerminalStyle,
  total = items.length,
): string[] {
  if (items.length === 0) return [];
  const shown = items.slice(0, LIST_LIMIT).map((item) => `  ${item}`);
  if (total > shown.length) shown.push(`  ${labels.more(total - shown.length)}`);
  return ['', style.heading(`${title} (${total})`), ...shown];
}

export function closingListLines(report: Report, labels: UiLabels, style: TerminalStyle): string[] {
  const { summary } = report;
  return [
    ...cappedList(
      labels.section.rosterGaps,
      summary.roster_gaps.map((gap) => flattenText(`${gap.nip} ${gap.name} · ${gap.agency}`)),
      labels,
      style,
    ),
    ...cappedList(
      labels.section.unmatchedAccounts,
      report.unmatched_accounts.map(
        (account) =>
          `${flattenText(`${account.platform} @${account.account}`)} (${account.rows} ${labels.field.rows.toLowerCase()})` +
          (account.nearest === null ? '' : ` · ${labels.field.nearestHandle}: ${flattenText(`@${account.nearest}`)}`),
      ),
      labels,
      style,
    ),
    ...cappedList(
      labels.section.unreadColumns,
      (report.unread_columns ?? []).map((file) => flattenText(`${file.file}: ${describeUnknownColumns(file.columns)}`)),
      labels,
      style,
    ),
    ...cappedList(
      labels.section.rejectedByReason,
      (summary.rejected_by_reason ?? []).map((kind) => flattenText(`${kind.rows} × ${kind.reason}`)),
      labels,
      style,
    ),
    ...cappedList(
      labels.section.rejectedRows,
      report.rejected.map((row) => flattenText(`${row.file}:${row.line}: ${row.reason}`)),
      labels,
      style,
      summary.rows_rejected,
    ),
    ...cappedList(
      labels.section.skippedInputs,
      report.skipped_inputs.map((file) => flattenText(`${file.path}: ${file.reason}`)),
      labels,
      style,
    ),
    ...cappedList(
      labels.section.notActivity,
      report.not_activity.map((group) => flattenText(`${group.path}: ${group.files} × ${group.reason}`)),
      labels,
      style,
    ),
    ...cappedList(
      labels.section.staleSuppressions,
      summary.stale_suppressions.map((stale) => flattenText(`${stale.fingerprint}: ${stale.reason}`)),
      labels,
      style,
    ),
    ...cappedList(
      labels.section.staleDecisions,
      (summary.stale_decisions ?? []).map((stale) =>
        flattenText(`${stale.fingerprint}: ${labels.status.review[stale.status]} (${stale.reviewer}, ${stale.date})`),
      ),
      labels,
      style,
    ),
  ];
}
