// `--format markdown`: a memo-ready document: title, summary tables, and per person a table of findings.
import type { Finding, Report, ReportPerson } from '../schemas/report-schema.js';
import { describeUnknownColumns } from '../load/unknown-columns.js';
import { uiLabels, type UiLabels } from '../shared/labels/index.js';
import { CATEGORIES, SEVERITIES_HIGHEST_FIRST, type Severity } from '../shared/types.js';
import { actGroupsOf, actsOf, hasReviewInput, summaryByAgency, summaryByCandidate } from '../aggregate/acts.js';
import { DOCUMENT_LIST_LIMIT, type FormatOptions } from './format-options.js';
import { formatLocalDateTime, zoneName } from '../shared/local-time.js';
import { escapeMarkdown, isWebUrl } from './markup-escape.js';
import { flattenLines, truncateText } from './plain-text.js';
import { terminalText } from '../shared/terminal-text.js';
import {
  activeFindings,
  candidateLabelFor,
  candidateWithStance,
  flaggedPersons,
  highestSeverity,
  matchedSummary,
  personsWithFindings,
  sourceRef,
} from './report-view.js';

/**
 * Every piece of report data goes through here: one line, no markup, unsafe characters escaped. Escaped after the
 * Markdown escaping, so `\u{202E}` reads the same in the source and rendered (a backslash before a letter stays).
 */
function md(text: string): string {
  return terminalText(escapeMarkdown(flattenLines(text)));
}

function tableLines(
  head: readonly string[],
  rows: readonly (readonly string[])[],
  align?: readonly ('l' | 'r')[],
): string[] {
  const rule = head.map((_, i) => (align?.[i] === 'r' ? '---:' : '---'));
  return [head, rule, ...rows].map((cells) => `| ${cells.join(' | ')} |`);
}

/** The evidence URL as a link when it is a web address; angle brackets keep spaces and parentheses inside it. */
function link(url: string, label: string): string {
  // An address with controls or invisible characters in it is shown as text, escaped, never as a link to follow.
  if (!isWebUrl(url) || terminalText(url) !== url) return md(url);
  const destination = url
    .trim()
    .replace(/[<>|\s\\]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return `[${label}](<${destination}>)`;
}

function summaryLines(report: Report, labels: UiLabels): string[] {
  const { summary: s, window } = report;
  const counts: [string, number][] = [
    [labels.summary.rowsRead, s.rows_read],
    [labels.summary.rowsEvaluated, s.rows_evaluated],
    [labels.summary.rowsRejected, s.rows_rejected],
    [labels.summary.rowsUnmatched, s.rows_unmatched],
    [labels.summary.rowsOutsideWindow, s.rows_outside_window],
    [labels.field.persons, s.persons],
    [labels.field.personsFlagged, s.persons_flagged],
    [labels.acts.column, actsIn(report)],
    [labels.field.findings, s.findings],
    [labels.field.suppressed, s.suppressed],
  ];
  const span = `${md(window.since ?? labels.summary.windowOpen)} – ${md(window.until ?? labels.summary.windowOpen)}`;
  return [
    `## ${labels.summary.heading}`,
    '',
    `${labels.summary.window}: ${span}`,
    '',
    ...tableLines(
      [labels.summary.heading, labels.field.count],
      counts.map(([label, n]) => [label, String(n)]),
      ['l', 'r'],
    ),
    '',
    ...groupTables(report, labels),
    '',
    `### ${labels.summary.byCategory}`,
    '',
    ...tableLines(
      [labels.field.category, labels.field.count],
      CATEGORIES.filter((c) => s.by_category[c] > 0).map((c) => [labels.category[c], String(s.by_category[c])]),
      ['l', 'r'],
    ),
    '',
    `### ${labels.summary.bySeverity}`,
    '',
    ...tableLines(
      [labels.field.severity, labels.field.count],
      SEVERITIES_HIGHEST_FIRST.map((v) => [labels.severity[v], String(s.by_severity[v])]),
      ['l', 'r'],
    ),
  ];
}

/** Acts of every person, counted from the findings (an older report has no `summary.acts`). */
function actsIn(report: Report): number {
  return report.persons.reduce((n, person) => n + actsOf(person.findings).length, 0);
}

function groupTables(report: Report, labels: UiLabels): string[] {
  const head = (first: string) => [
    first,
    labels.field.persons,
    labels.acts.column,
    labels.field.findings,
    labels.status.active.charAt(0).toUpperCase() + labels.status.active.slice(1),
    labels.field.highestSeverity,
  ];
  const cells = (row: {
    persons: number;
    acts: number;
    findings: number;
    open: number;
    highest_severity: Severity;
  }) => [
    String(row.persons),
    String(row.acts),
    String(row.findings),
    String(row.open),
    labels.severity[row.highest_severity],
  ];
  const align = ['l', 'r', 'r', 'r', 'r', 'l'] as const;
  const agencies = summaryByAgency(report.persons);
  if (agencies.length === 0) return [];
  return [
    '',
    `### ${labels.summary.byAgency}`,
    '',
    ...tableLines(
      head(labels.field.agency),
      agencies.map((row) => [md(row.agency), ...cells(row)]),
      align,
    ),
    '',
    `### ${labels.section.byCandidate}`,
    '',
    ...tableLines(
      head(labels.field.candidate),
      summaryByCandidate(report.persons).map((row) => [
        row.candidate === null ? '—' : md(candidateLabelFor(row.candidate, report.election.candidates)),
        ...cells(row),
      ]),
      align,
    ),
  ];
}

function flaggedLines(persons: readonly ReportPerson[], labels: UiLabels): string[] {
  if (persons.length === 0) return [labels.noFindings];
  const rows = persons.map((person) => {
    const active = activeFindings(person);
    const highest = highestSeverity(active);
    return [
      md(person.nip),
      md(person.name),
      md(person.agency),
      String(actsOf(active).length),
      String(active.length),
      String(person.findings.length - active.length),
      highest ? labels.severity[highest] : '',
    ];
  });
  const head = [
    labels.field.nip,
    labels.field.name,
    labels.field.agency,
    labels.acts.column,
    labels.field.findings,
    labels.field.suppressed,
    labels.field.highestSeverity,
  ];
  return tableLines(head, rows, ['l', 'l', 'l', 'r', 'r', 'r', 'l']);
}

function findingRow(finding: Finding, index: number, labels: UiLabels, election: Report['election']): string[] {
  const { activity, legal } = finding;
  const text = [activity.text, activity.target_text]
    .filter((t) => t !== '')
    .map((t) => `“${md(truncateText(t, 280))}”`)
    .join(' → ');
  const source =
    md(sourceRef(finding)) + (activity.url === '' ? '' : ` (${link(activity.url, labels.field.link.toLowerCase())})`);
  const review = finding.review ?? null;
  const status =
    review !== null
      ? `${labels.status.review[review.status]}: ${md(review.reason)} (${md(review.reviewer)}, ${md(review.date)})`
      : finding.suppressed
        ? `${labels.status.suppressed}: ${md(finding.suppression?.reason ?? '')}`
        : labels.status.active;
  return [
    String(index + 1),
    labels.severity[finding.severity],
    `${labels.category[finding.category]}: ${md(finding.title)}`,
    md(finding.rule),
    finding.candidate === null ? '—' : md(candidateWithStance(finding, election.candidates, labels.stance)),
    activity.timestamp === null ? '—' : formatLocalDateTime(activity.timestamp, election.timezone),
    text,
    md(matchedSummary(finding)),
    source,
    `${labels.basis[finding.basis]}, SKB ${md(legal.skb)}, ${labels.sanction[legal.sanction]}`,
    status,
  ];
}

function personLines(
  person: ReportPerson,
  labels: UiLabels,
  election: Report['election'],
  openFirst: boolean,
): string[] {
  const f = labels.field;
  const head = [
    '#',
    f.severity,
    f.category,
    f.rule,
    f.candidate,
    // The election's own zone: WITA or WIT times under a WIB heading would be read eight or nine hours off.
    `${f.time} (${zoneName(election.timezone)})`,
    f.text,
    f.evidence,
    f.source,
    f.basis,
    f.status,
  ];
  const groups = actGroupsOf(person, openFirst);
  const lines = [
    `### ${md(person.name)} (${md(person.nip)})`,
    '',
    `${md(person.agency)} · ${md(person.position)} · ${labels.acts.count(groups.length, person.findings.length)}`,
  ];
  // One table per act: an act with several grounds shows them together.
  let index = 0;
  groups.forEach((group, actIndex) => {
    const source = md(`${group.act.source.file}:${group.act.source.line}`);
    lines.push(
      '',
      `#### ${labels.acts.heading(actIndex + 1, source, group.findings.length)}`,
      '',
      ...tableLines(
        head,
        group.findings.map((finding) => findingRow(finding, index++, labels, election)),
      ),
    );
  });
  return lines;
}

/** `total`: how many there are, when the report lists only the first of them (rejected rows). */
function listSection(title: string, items: readonly string[], labels: UiLabels, total = items.length): string[] {
  if (items.length === 0) return [];
  const shown = items.slice(0, DOCUMENT_LIST_LIMIT).map((item) => `- ${item}`);
  if (total > shown.length) shown.push(`- ${labels.more(total - shown.length)}`);
  return ['', `## ${title} (${total})`, '', ...shown];
}

export function formatMarkdown(report: Report, options: FormatOptions): string {
  const labels = uiLabels(options.lang);
  const lines = [
    `# ${labels.reportTitle}: ${md(report.election.name)}`,
    '',
    `> ${labels.leadDisclaimer}`,
    '',
    ...summaryLines(report, labels),
  ];
  lines.push('', `## ${labels.section.flaggedPersons}`, '', ...flaggedLines(flaggedPersons(report), labels));
  const detailed = personsWithFindings(report);
  if (detailed.length > 0) {
    const openFirst = hasReviewInput(report);
    lines.push('', `## ${labels.section.findingsPerPerson}`);
    if (openFirst) lines.push('', labels.acts.openFirstNote);
    for (const person of detailed) lines.push('', ...personLines(person, labels, report.election, openFirst));
  }
  const { summary } = report;
  lines.push(
    ...listSection(
      labels.section.rosterGaps,
      summary.roster_gaps.map((g) => `${md(g.nip)} ${md(g.name)} · ${md(g.agency)}`),
      labels,
    ),
    ...listSection(
      labels.section.unmatchedAccounts,
      report.unmatched_accounts.map(
        (a) =>
          `${md(a.platform)} ${md(`@${a.account}`)} (${a.rows})` +
          (a.nearest === null ? '' : ` · ${md(labels.field.nearestHandle)}: ${md(`@${a.nearest}`)}`),
      ),
      labels,
    ),
    ...listSection(
      labels.section.unreadColumns,
      (report.unread_columns ?? []).map((f) => `${md(f.file)}: ${md(describeUnknownColumns(f.columns))}`),
      labels,
    ),
    ...listSection(
      labels.section.rejectedByReason,
      (summary.rejected_by_reason ?? []).map((kind) => `${kind.rows} × ${md(kind.reason)}`),
      labels,
    ),
    ...listSection(
      labels.section.rejectedRows,
      report.rejected.map((r) => `${md(`${r.file}:${r.line}`)}: ${md(r.reason)}`),
      labels,
      report.summary.rows_rejected,
    ),
    ...listSection(
      labels.section.staleSuppressions,
      summary.stale_suppressions.map((s) => `${md(s.fingerprint)}: ${md(s.reason)}`),
      labels,
    ),
    ...listSection(
      labels.section.staleDecisions,
      (summary.stale_decisions ?? []).map(
        (d) => `${md(d.fingerprint)}: ${labels.status.review[d.status]} (${md(d.reviewer)}, ${md(d.date)})`,
      ),
      labels,
    ),
  );
  return `${lines.join('\n')}\n`;
}
