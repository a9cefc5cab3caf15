// `--format table`: the terminal report: a short header, one row per flagged person, then each person's findings.
import Table from 'cli-table3';
import type { Report, ReportPerson } from '../config/report-schema.js';
import { uiLabels, type UiLabels } from '../shared/i18n.js';
import { CATEGORIES, type Category } from '../shared/types.js';
import type { FormatOptions } from './format-options.js';
import { flattenText } from './plain-text.js';
import { activeFindings, countByCategory, flaggedPersons, highestSeverity, personsWithFindings } from './report-view.js';
import { closingListLines } from './table-lists.js';
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
  const findings = `${labels.field.findings.toLowerCase()} ${s.findings} (${labels.field.suppressed.toLowerCase()} ${s.suppressed})`;
  return [style.heading(`${labels.reportTitle}: ${flattenText(report.election.name)}`), rows.join(' · '), `${people} · ${findings}`];
}

/** Only categories someone in the table has, so the table stays narrow. */
function usedCategories(persons: readonly ReportPerson[]): Category[] {
  return CATEGORIES.filter((category) => persons.some((person) => activeFindings(person).some((f) => f.category === category)));
}

function personTable(persons: readonly ReportPerson[], labels: UiLabels, style: TerminalStyle, width: number): string[] {
  const categories = usedCategories(persons);
  const countWidth = labels.field.findings.length + 2;
  const highestWidth = Math.max(labels.field.highestSeverity.length, ...Object.values(labels.severity).map((s) => s.length)) + 2;
  const fixed = 20 + 5 * categories.length + countWidth + highestWidth;
  // What is left, minus one border column per cell, goes to name and agency.
  const flexible = Math.max(24, width - fixed - (categories.length + 6));
  const nameWidth = Math.floor(flexible * 0.45);
  const head = [labels.field.nip, labels.field.name, labels.field.agency, ...categories.map((c) => labels.categoryShort[c]), labels.field.findings, labels.field.highestSeverity];
  const table = new Table({
    head: head.map((text) => style.heading(text)),
    colWidths: [20, nameWidth, flexible - nameWidth, ...categories.map(() => 5), countWidth, highestWidth],
    colAligns: ['left', 'left', 'left', ...categories.map(() => 'right' as const), 'right', 'left'],
    wordWrap: true,
    // No cli-table3 colours: chalk alone decides, so `color: false` is free of escape codes.
    style: { head: [], border: [], compact: true },
  });
  for (const person of persons) {
    const active = activeFindings(person);
    const counts = countByCategory(active);
    const highest = highestSeverity(active);
    table.push([
      flattenText(person.nip),
      flattenText(person.name),
      flattenText(person.agency),
      ...categories.map((category) => (counts[category] === 0 ? '' : String(counts[category]))),
      String(active.length),
      highest === null ? '' : style.severity(highest, labels.severity[highest]),
    ]);
  }
  const legend = categories.map((category) => `${labels.categoryShort[category]} = ${labels.category[category]}`).join(', ');
  return [table.toString(), style.muted(`${labels.categoryLegend}: ${legend}`)];
}

export function formatTable(report: Report, options: FormatOptions): string {
  const labels = uiLabels(options.lang);
  const style = terminalStyle(options.color);
  const width = options.width ?? DEFAULT_WIDTH;
  const lines = headerLines(report, labels, style);
  const flagged = flaggedPersons(report);
  lines.push('');
  if (flagged.length === 0) lines.push(labels.noFindings);
  else lines.push(...personTable(flagged, labels, style, width));
  const detailed = personsWithFindings(report);
  if (detailed.length > 0) {
    lines.push('', style.heading(labels.section.findingsPerPerson));
    for (const person of detailed) lines.push('', ...personFindingLines(person, labels, style, width));
  }
  lines.push(...closingListLines(report, labels, style));
  return lines.join('\n') + '\n';
}
