// `--format table`: the terminal report: a short header, one row per flagged person, then each person's findings.
import Table from 'cli-table3';
import type { Report, ReportPerson } from '../schemas/report-schema.js';
import { uiLabels, type UiLabels } from '../shared/labels/index.js';
import { CATEGORIES, type Category } from '../shared/types.js';
import type { FormatOptions } from './format-options.js';
import { flattenText } from './plain-text.js';
import {
  activeFindings,
  candidateLabelFor,
  countByCategory,
  flaggedPersons,
  highestSeverity,
  personsWithFindings,
} from './report-view.js';
import { closingListLines } from './table-lists.js';
import { actsOf, hasReviewInput, summaryByAgency, summaryByCandidate } from '../aggregate/acts.js';
import { personFindingLines } from './table-findings.js';
import { terminalStyle, type TerminalStyle } from './terminal-style.js';

const DEFAULT_WIDTH = 120;

function headerLines(report: Report, labels: UiLabels, style: TerminalStyle): string[] {
  const { summary: s } = report;
  const rows = [
    `${labels.summary.rowsRead} ${s.rows_read}`,
    `${labels.summary.rowsEvaluated} ${s.rows_evaluated}`,
    `${labels.summary.rowsRejected} ${s.rows_rejected}`,
    `${labels.summary.rowsUnmatched} ${s.rows_unmatched}`,
  ];
  if (s.rows_outside_window > 0) rows.push(`${labels.summary.rowsOutsideWindow} ${s.rows_outside_window}`);
  const people = `${labels.field.persons} ${s.persons} · ${labels.field.personsFlagged.toLowerCase()} ${s.persons_flagged}`;
  const acts = s.acts ?? 0;
  const findings = `${labels.acts.count(acts, s.findings)} (${labels.field.suppressed.toLowerCase()} ${s.suppressed})`;
  return [
    style.heading(`${labels.reportTitle}: ${flattenText(report.election.name)}`),
    rows.join(' · '),
    `${people} · ${findings}`,
  ];
}

/** Only categories someone in the table has, so the table stays narrow. */
function usedCategories(persons: readonly ReportPerson[]): Category[] {
  return CATEGORIES.filter((category) =>
    persons.some((person) => activeFindings(person).some((f) => f.category === category)),
  );
}

interface Column {
  head: string;
  width: number;
  align: 'left' | 'right';
  cell: (person: ReportPerson) => string;
}

const NIP_WIDTH = 20;
const CATEGORY_WIDTH = 5;
/** Below this, name and agency would wrap into slivers: the category counts then share one column. */
const MIN_NAME_AND_AGENCY = 30;

function personColumns(
  persons: readonly ReportPerson[],
  labels: UiLabels,
  style: TerminalStyle,
  width: number,
): Column[] {
  const categories = usedCategories(persons);
  const counts = new Map(persons.map((person) => [person, countByCategory(activeFindings(person))]));
  const countOf = (person: ReportPerson, category: Category): number => counts.get(person)?.[category] ?? 0;
  const acts: Column = {
    head: labels.acts.column,
    width: Math.max(labels.acts.column.length + 2, 6),
    align: 'right',
    cell: (p) => String(actsOf(activeFindings(p)).length),
  };
  const total: Column = {
    head: labels.field.findings,
    width: labels.field.findings.length + 2,
    align: 'right',
    cell: (p) => String(activeFindings(p).length),
  };
  const highestWidth =
    Math.max(labels.field.highestSeverity.length, ...Object.values(labels.severity).map((s) => s.length)) + 2;
  const highest: Column = {
    head: labels.field.highestSeverity,
    width: highestWidth,
    align: 'left',
    cell: (p) => {
      const severity = highestSeverity(activeFindings(p));
      return severity === null ? '' : style.severity(severity, labels.severity[severity]);
    },
  };
  const perCategory: Column[] = categories.map((category) => ({
    head: labels.categoryShort[category],
    width: CATEGORY_WIDTH,
    align: 'right',
    cell: (p) => (countOf(p, category) === 0 ? '' : String(countOf(p, category))),
  }));
  // Each column costs its width plus one border; NIP, name and agency add three more borders and the closing one.
  const cost = (columns: readonly Column[]): number => columns.reduce((sum, c) => sum + c.width + 1, 0) + 4;
  let middle = perCategory;
  let flexible = width - NIP_WIDTH - cost([...perCategory, acts, total, highest]);
  if (flexible < MIN_NAME_AND_AGENCY && perCategory.length > 1) {
    const compactWidth = Math.max(10, Math.floor((width - NIP_WIDTH - cost([acts, total, highest])) / 4));
    middle = [
      {
        head: labels.field.category,
        width: compactWidth,
        align: 'left',
        // "Ung:5" stays whole when the cell wraps, so a count is never separated from its category.
        cell: (p) =>
          categories
            .filter((c) => countOf(p, c) > 0)
            .map((c) => `${labels.categoryShort[c]}:${countOf(p, c)}`)
            .join(' '),
      },
    ];
    flexible = width - NIP_WIDTH - cost([...middle, acts, total, highest]);
  }
  // Too narrow still: the acts column goes (each person's detail below says "N acts, M findings").
  const actColumns = flexible < MIN_NAME_AND_AGENCY ? [] : [acts];
  if (actColumns.length === 0) flexible += acts.width + 1;
  flexible = Math.max(20, flexible);
  const nameWidth = Math.ceil(flexible / 2);
  return [
    { head: labels.field.nip, width: NIP_WIDTH, align: 'left', cell: (p) => flattenText(p.nip) },
    { head: labels.field.name, width: nameWidth, align: 'left', cell: (p) => flattenText(p.name) },
    { head: labels.field.agency, width: flexible - nameWidth, align: 'left', cell: (p) => flattenText(p.agency) },
    ...middle,
    ...actColumns,
    total,
    highest,
  ];
}

function personTable(
  persons: readonly ReportPerson[],
  labels: UiLabels,
  style: TerminalStyle,
  width: number,
): string[] {
  const columns = personColumns(persons, labels, style, width);
  const table = new Table({
    head: columns.map((column) => style.heading(column.head)),
    colWidths: columns.map((column) => column.width),
    colAligns: columns.map((column) => column.align),
    wordWrap: true,
    // No cli-table3 colours: chalk alone decides, so `color: false` is free of escape codes.
    style: { head: [], border: [], compact: true },
  });
  for (const person of persons) table.push(columns.map((column) => column.cell(person)));
  const legend = usedCategories(persons)
    .map((category) => `${labels.categoryShort[category]} = ${labels.category[category]}`)
    .join(', ');
  return [table.toString(), style.muted(`${labels.categoryLegend}: ${legend}`)];
}

/** The summaries by agency and by candidate: acts, findings (open), persons and the highest severity. */
function groupTableLines(report: Report, labels: UiLabels, style: TerminalStyle, width: number): string[] {
  const agencies = summaryByAgency(report.persons);
  const candidates = summaryByCandidate(report.persons);
  const table = (head: string, rows: { label: string; row: GroupRow }[]): string[] => {
    const heads = [
      head,
      labels.field.persons,
      labels.acts.column,
      labels.field.findings,
      capitalize(labels.status.active),
      labels.field.highestSeverity,
    ];
    const numberWidths = heads.slice(1).map((h) => Math.max(h.length, 6) + 2);
    const longest = Math.max(head.length, ...rows.map((r) => flattenText(r.label).length)) + 2;
    // Seven borders; the label column takes what is left of the terminal, and wraps.
    const labelWidth = Math.max(12, Math.min(longest, width - numberWidths.reduce((a, b) => a + b, 0) - 7));
    const t = new Table({
      head: heads.map((h) => style.heading(h)),
      colWidths: [labelWidth, ...numberWidths],
      wordWrap: true,
      colAligns: ['left', 'right', 'right', 'right', 'right', 'left'],
      style: { head: [], border: [], compact: true },
    });
    for (const { label, row } of rows)
      t.push([
        flattenText(label),
        String(row.persons),
        String(row.acts),
        String(row.findings),
        String(row.open),
        style.severity(row.highest_severity, labels.severity[row.highest_severity]),
      ]);
    return ['', t.toString()];
  };
  return [
    '',
    style.heading(labels.summary.byAgency),
    ...table(
      labels.field.agency,
      agencies.map((row) => ({ label: row.agency, row })),
    ).slice(1),
    '',
    style.heading(labels.section.byCandidate),
    ...table(
      labels.field.candidate,
      candidates.map((row) => ({
        label: row.candidate === null ? '—' : candidateLabelFor(row.candidate, report.election.candidates),
        row,
      })),
    ).slice(1),
  ];
}

type GroupRow = Omit<ReturnType<typeof summaryByAgency>[number], 'agency'>;

export function formatTable(report: Report, options: FormatOptions): string {
  const labels = uiLabels(options.lang);
  const style = terminalStyle(options.color);
  const width = options.width ?? DEFAULT_WIDTH;
  const lines = headerLines(report, labels, style);
  const flagged = flaggedPersons(report);
  lines.push('');
  const reviewed = report.persons.reduce((n, p) => n + p.findings.length, 0);
  if (flagged.length === 0) lines.push(reviewed > 0 ? labels.allSuppressed(reviewed) : labels.noFindings);
  else lines.push(...personTable(flagged, labels, style, width));
  const detailed = personsWithFindings(report);
  if (detailed.length > 0) {
    lines.push(...groupTableLines(report, labels, style, width));
    const openFirst = hasReviewInput(report);
    lines.push('', style.heading(labels.section.findingsPerPerson));
    if (openFirst) lines.push(style.muted(labels.acts.openFirstNote));
    for (const person of detailed)
      lines.push('', ...personFindingLines(person, labels, style, width, report.election, openFirst));
  }
  lines.push(...closingListLines(report, labels, style));
  return `${lines.join('\n')}\n`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
