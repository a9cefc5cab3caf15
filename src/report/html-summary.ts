// The HTML report's overview: headline numbers, counts by agency and by category, and the timeline.
import type { Report } from '../config/report-schema.js';
import type { UiLabels } from '../shared/i18n.js';
import { CATEGORIES, SEVERITIES } from '../shared/types.js';
import { STACK_COLORS, timelineChart } from './html-timeline.js';
import { escapeHtml as h } from './markup-escape.js';
import { summariseByAgency } from './report-view.js';

function card(value: number, label: string, extraClass = ''): string {
  return `<div class="card${extraClass}"><div class="value">${value}</div><div class="label">${h(label)}</div></div>`;
}

export function summarySection(report: Report, labels: UiLabels): string {
  const { summary: s, window } = report;
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
${card(s.persons_flagged, `${labels.field.personsFlagged} / ${s.persons}`)}
${card(s.findings - s.suppressed, `${labels.field.findings} (${labels.status.active})`)}
${[...SEVERITIES].reverse().map((v) => card(s.by_severity[v], labels.severity[v], ` sev-${v}`)).join('\n')}
${card(s.suppressed, labels.field.suppressed)}
</div>
<p class="window">${h(labels.summary.window)}: ${span} · ${h(rows)}</p>
</section>`;
}

function agencyTable(report: Report, labels: UiLabels): string {
  const f = labels.field;
  const rows = summariseByAgency(report).map(
    (a) => `<tr><td>${h(a.agency)}</td><td class="num">${a.persons}</td><td class="num">${a.flagged}</td><td class="num">${a.findings}</td><td class="num">${a.suppressed}</td></tr>`,
  );
  return `<div class="panel">
<h2>${h(labels.summary.byAgency)}</h2>
<table>
<thead><tr><th>${h(f.agency)}</th><th class="num">${h(f.persons)}</th><th class="num">${h(f.personsFlagged)}</th><th class="num">${h(f.findings)}</th><th class="num">${h(f.suppressed)}</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
</div>`;
}

function categoryBars(report: Report, labels: UiLabels): string {
  const counts = report.summary.by_category;
  const max = Math.max(1, ...CATEGORIES.map((c) => counts[c]));
  const rows = CATEGORIES.filter((c) => counts[c] > 0).map((c) => {
    const width = Math.round((counts[c] / max) * 1000) / 10;
    return `<div class="bar-row"><span>${h(labels.category[c])}</span><div class="bar-track"><div class="bar-fill" style="width:${width}%"></div></div><span class="bar-count">${counts[c]}</span></div>`;
  });
  const body = rows.length > 0 ? rows.join('\n') : `<p class="empty">${h(labels.noPersonFindings)}</p>`;
  return `<div class="panel">
<h2>${h(labels.summary.byCategory)}</h2>
${body}
</div>`;
}

export function breakdownSection(report: Report, labels: UiLabels): string {
  return `<section class="grid2">
${agencyTable(report, labels)}
${categoryBars(report, labels)}
</section>`;
}

export function timelineSection(report: Report, labels: UiLabels): string {
  const chart = timelineChart(report, labels);
  if (chart === null) return '';
  const legend = (['high', 'medium', 'low', 'suppressed'] as const)
    .map((key) => {
      const name = key === 'suppressed' ? labels.status.suppressed : labels.severity[key];
      return `<span><span class="swatch" style="background:${STACK_COLORS[key]}"></span>${h(name)}</span>`;
    })
    .join('');
  const undated = chart.undated > 0 ? `\n<p class="note">${h(labels.summary.undated(chart.undated))}</p>` : '';
  return `<section id="timeline" class="panel chart">
<h2>${h(labels.summary.timeline)}</h2>
${chart.svg}
<div class="legend">${legend}</div>
<p class="note">${h(labels.summary.timelineNote)}</p>${undated}
</section>`;
}
