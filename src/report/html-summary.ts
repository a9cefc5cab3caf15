// The HTML report's overview: headline numbers, counts by agency and by category, and the timeline.
import type { Finding, Report } from '../schemas/report-schema.js';
import type { UiLabels } from '../shared/labels/index.js';
import { CATEGORIES, SEVERITIES_HIGHEST_FIRST } from '../shared/types.js';
import { STACK_COLORS, STACK_ORDER, stackName, timelineChart } from './html-timeline.js';
import { CANDIDATE_DATE_COLOR, PHASE_KEY_COLOR } from './html-timeline-marks.js';
import { zoneName } from '../shared/local-time.js';
import { escapeHtml as h } from './markup-escape.js';
import { candidateLabelFor, countByCategory, countBySeverity, flaggedPersons } from './report-view.js';
import { actsOf, summaryByAgency, summaryByCandidate } from '../aggregate/acts.js';
import { type CountSpec, countAttributes } from './html-review.js';

/** The page counts from the findings themselves, so cards, bars and person sections always agree. */
function findingsOf(report: Report): { active: Finding[]; suppressed: Finding[] } {
  const all = report.persons.flatMap((person) => person.findings);
  return { active: all.filter((f) => !f.suppressed), suppressed: all.filter((f) => f.suppressed) };
}

function card(value: number, spec: CountSpec, label: string, extraClass = ''): string {
  return `<div class="card${extraClass}"><div class="value"${countAttributes(spec)}>${value}</div><div class="label">${h(label)}</div></div>`;
}

export function summarySection(report: Report, labels: UiLabels): string {
  const { summary: s, window } = report;
  const { active, suppressed } = findingsOf(report);
  const bySeverity = countBySeverity(active);
  const span = `${h(window.since ?? labels.summary.windowOpen)} – ${h(window.until ?? labels.summary.windowOpen)}`;
  const rows = [
    `${labels.summary.rowsRead} ${s.rows_read}`,
    `${labels.summary.rowsEvaluated} ${s.rows_evaluated}`,
    `${labels.summary.rowsRejected} ${s.rows_rejected}`,
    `${labels.summary.rowsUnmatched} ${s.rows_unmatched}`,
    `${labels.summary.rowsOutsideWindow} ${s.rows_outside_window}`,
  ].join(' · ');
  return `<section id="summary">
<h2>${h(labels.summary.heading)}</h2>
<div class="cards">
${card(flaggedPersons(report).length, { count: 'persons', state: 'open' }, `${labels.field.personsFlagged} / ${s.persons}`)}
${card(actsOf(active).length, { count: 'acts', state: 'open' }, `${labels.acts.column} (${labels.status.active})`)}
${card(active.length, { count: 'findings', state: 'open' }, `${labels.field.findings} (${labels.status.active})`)}
${SEVERITIES_HIGHEST_FIRST.map((v) =>
  card(bySeverity[v], { count: 'findings', state: 'open', of: { severity: v } }, labels.severity[v], ` sev-${v}`),
).join('\n')}
${card(suppressed.length, { count: 'findings', state: 'closed' }, labels.field.suppressed)}
</div>
<p class="window">${h(labels.summary.window)}: ${span} · ${h(rows)}</p>
</section>`;
}

/** By agency and by candidate: persons, acts, findings, open findings, highest severity (as the JSON summary). */
function groupTable(
  title: string,
  head: string,
  rows: { label: string; row: GroupRow; of: CountSpec['of'] }[],
  labels: UiLabels,
): string {
  const f = labels.field;
  const body = rows.map(
    ({ label, row, of }) =>
      `<tr><td>${h(label)}</td><td class="num">${row.persons}</td><td class="num">${row.acts}</td><td class="num">${row.findings}</td><td class="num"${countAttributes({ count: 'findings', state: 'open', of })}>${row.open}</td><td><span class="badge sev-${row.highest_severity}">${h(labels.severity[row.highest_severity])}</span></td></tr>`,
  );
  return `<div class="panel">
<h2>${h(title)}</h2>
<table>
<thead><tr><th>${h(head)}</th><th class="num">${h(f.persons)}</th><th class="num">${h(labels.acts.column)}</th><th class="num">${h(f.findings)}</th><th class="num">${h(labels.status.active)}</th><th>${h(f.highestSeverity)}</th></tr></thead>
<tbody>
${body.join('\n')}
</tbody>
</table>
</div>`;
}

type GroupRow = Omit<ReturnType<typeof summaryByAgency>[number], 'agency'>;

function agencyTable(report: Report, labels: UiLabels): string {
  const rows = summaryByAgency(report.persons).map((row) => ({ label: row.agency, row, of: { agency: row.agency } }));
  return groupTable(labels.summary.byAgency, labels.field.agency, rows, labels);
}

function candidateTable(report: Report, labels: UiLabels): string {
  const rows = summaryByCandidate(report.persons).map((row) => ({
    label: row.candidate === null ? '—' : candidateLabelFor(row.candidate, report.election.candidates),
    row,
    of: { candidate: row.candidate },
  }));
  return groupTable(labels.section.byCandidate, labels.field.candidate, rows, labels);
}

function categoryBars(report: Report, labels: UiLabels): string {
  const { active, suppressed } = findingsOf(report);
  const activeBy = countByCategory(active);
  const suppressedBy = countByCategory(suppressed);
  const max = Math.max(1, ...CATEGORIES.map((c) => activeBy[c] + suppressedBy[c]));
  const percent = (n: number): number => Math.round((n / max) * 1000) / 10;
  const rows = CATEGORIES.filter((c) => activeBy[c] + suppressedBy[c] > 0).map((c) => {
    const of = { category: c };
    const closed = { count: 'findings', state: 'closed', of } as const;
    // Always there, hidden at zero, so that a decision made in the browser can show it.
    const extra = ` <span class="sup-count"${countAttributes({ ...closed, show: 'nonzero' })}${suppressedBy[c] > 0 ? '' : ' hidden'}>+<span${countAttributes(closed)}>${suppressedBy[c]}</span></span>`;
    const bars = `<div class="bar-fill"${countAttributes({ count: 'findings', state: 'open', of, barMax: max })} style="width:${percent(activeBy[c])}%"></div><div class="bar-fill sup"${countAttributes({ ...closed, barMax: max })} style="width:${percent(suppressedBy[c])}%"></div>`;
    return `<div class="bar-row"><span>${h(labels.category[c])}</span><div class="bar-track">${bars}</div><span class="bar-count"><span${countAttributes({ count: 'findings', state: 'open', of })}>${activeBy[c]}</span>${extra}</span></div>`;
  });
  const body = rows.length > 0 ? rows.join('\n') : `<p class="empty">${h(labels.noPersonFindings)}</p>`;
  const note =
    suppressed.length > 0
      ? `\n<p class="note"><span class="swatch" style="background:${STACK_COLORS.closed}"></span>${h(labels.field.suppressed)}</p>`
      : '';
  return `<div class="panel">
<h2>${h(labels.summary.byCategory)}</h2>
${body}${note}
</div>`;
}

export function breakdownSection(report: Report, labels: UiLabels): string {
  return `<section class="grid2">
${agencyTable(report, labels)}
${categoryBars(report, labels)}
${candidateTable(report, labels)}
</section>`;
}

export function timelineSection(report: Report, labels: UiLabels): string {
  const chart = timelineChart(report, labels);
  if (chart === null) return '';
  const legend = STACK_ORDER.map(
    (key) =>
      `<span><span class="swatch" style="background:${STACK_COLORS[key]}"></span>${h(stackName(key, labels))}</span>`,
  ).join('');
  const { shows } = chart;
  const keys = [
    shows.phases
      ? `<span><span class="swatch" style="background:${PHASE_KEY_COLOR}"></span>${h(labels.summary.timelineKey.phases)}</span>`
      : '',
    shows.window
      ? `<span><span class="swatch line" style="border-top-style:dashed"></span>${h(labels.summary.timelineKey.window)}</span>`
      : '',
    shows.candidateDates
      ? `<span><span class="swatch line" style="border-top-style:dotted;border-color:${CANDIDATE_DATE_COLOR}"></span>${h(labels.summary.timelineKey.candidateDates)}</span>`
      : '',
  ].join('');
  const undated = chart.undated > 0 ? `\n<p class="note">${h(labels.summary.undated(chart.undated))}</p>` : '';
  return `<section id="timeline" class="panel chart">
<h2>${h(labels.summary.timeline)}</h2>
${chart.svg}
<div class="legend">${legend}${keys}</div>
<p class="note">${h(labels.summary.timelineNote(zoneName(report.election.timezone)))}${shows.candidateDates ? ` ${h(labels.summary.candidateDatesNote)}` : ''}</p>${undated}
</section>`;
}
