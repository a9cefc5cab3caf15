// The HTML report's tables of persons, closing lists (gaps, unmatched, rejected, stale) and the provenance footer.
import type { Report, ReportPerson } from '../schemas/report-schema.js';
import { describeUnknownColumns } from '../load/unknown-columns.js';
import type { UiLabels } from '../shared/labels/index.js';
import { DOCUMENT_LIST_LIMIT } from './format-options.js';
import { escapeHtml as h } from './markup-escape.js';
import { activeFindings, highestSeverity, isFlagged } from './report-view.js';
import { countAttributes, severityBadge } from './html-review.js';

/**
 * One row per flagged person, linking to the person's section by position (never by user data). The persons with
 * findings that are all closed have a hidden row, so that a decision made in the browser can reopen one; the page's
 * script recounts the rows, their numbers and badges (html-review.ts countAttributes).
 */
export function flaggedTable(
  persons: readonly ReportPerson[],
  anchorOf: (person: ReportPerson) => string,
  labels: UiLabels,
): string {
  const f = labels.field;
  const flagged = persons.filter(isFlagged).length;
  const anyFlagged = { count: 'persons', state: 'open' } as const;
  const empty = `<p class="empty"${countAttributes({ ...anyFlagged, show: 'zero' })}${flagged > 0 ? ' hidden' : ''}>${h(labels.noFindings)}</p>`;
  if (persons.length === 0) return empty;
  const rows = persons.map((person) => {
    const of = { person: anchorOf(person) };
    const active = activeFindings(person);
    return `<tr${countAttributes({ ...anyFlagged, of, show: 'nonzero' })}${active.length > 0 ? '' : ' hidden'}><td><a href="#${anchorOf(person)}">${h(person.name)}</a></td><td>${h(person.nip)}</td><td>${h(person.agency)}</td><td class="num"${countAttributes({ count: 'findings', state: 'open', of })}>${active.length}</td><td>${severityBadge(highestSeverity(active), of, labels)}</td></tr>`;
  });
  return `${empty}
<table${countAttributes({ ...anyFlagged, show: 'nonzero' })}${flagged > 0 ? '' : ' hidden'}>
<thead><tr><th>${h(f.name)}</th><th>${h(f.nip)}</th><th>${h(f.agency)}</th><th class="num">${h(f.findings)}</th><th>${h(f.highestSeverity)}</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>`;
}

/** `total`: how many there are, when the report lists only the first of them (rejected rows). */
function listPanel(
  title: string,
  itemsHtml: readonly string[],
  labels: UiLabels,
  note = '',
  total = itemsHtml.length,
): string {
  if (itemsHtml.length === 0) return '';
  const shown = itemsHtml.slice(0, DOCUMENT_LIST_LIMIT).map((item) => `<li>${item}</li>`);
  if (total > shown.length) shown.push(`<li>${h(labels.more(total - shown.length))}</li>`);
  const noteHtml = note === '' ? '' : `\n<p class="note">${h(note)}</p>`;
  return `<div class="panel">
<h2>${h(title)} (${total})</h2>${noteHtml}
<ul class="plain">
${shown.join('\n')}
</ul>
</div>`;
}

export function closingSection(report: Report, labels: UiLabels): string {
  const { summary } = report;
  const panels = [
    listPanel(
      labels.section.rosterGaps,
      summary.roster_gaps.map((g) => `${h(g.name)} · ${h(g.nip)} · ${h(g.agency)}`),
      labels,
      labels.section.rosterGapsNote,
    ),
    listPanel(
      labels.section.unmatchedAccounts,
      report.unmatched_accounts.map(
        (a) =>
          `${h(a.platform)} <code>@${h(a.account)}</code> · ${a.rows} ${h(labels.field.rows.toLowerCase())}` +
          (a.nearest === null ? '' : ` · ${h(labels.field.nearestHandle)}: <code>@${h(a.nearest)}</code>`),
      ),
      labels,
    ),
    listPanel(
      labels.section.unreadColumns,
      (report.unread_columns ?? []).map((f) => `<code>${h(f.file)}</code> ${h(describeUnknownColumns(f.columns))}`),
      labels,
    ),
    listPanel(
      labels.section.rejectedByReason,
      (summary.rejected_by_reason ?? []).map((kind) => `${kind.rows} × ${h(kind.reason)}`),
      labels,
    ),
    listPanel(
      labels.section.rejectedRows,
      report.rejected.map((r) => `<code>${h(`${r.file}:${r.line}`)}</code> ${h(r.reason)}`),
      labels,
      '',
      report.summary.rows_rejected,
    ),
    listPanel(
      labels.section.staleSuppressions,
      summary.stale_suppressions.map((s) => `<code>${h(s.fingerprint)}</code> ${h(s.reason)}`),
      labels,
    ),
    listPanel(
      labels.section.staleDecisions,
      (summary.stale_decisions ?? []).map(
        (d) =>
          `<code>${h(d.fingerprint)}</code> ${h(labels.status.review[d.status])} · ${h(d.reviewer)} · ${h(d.date)}`,
      ),
      labels,
    ),
  ].filter((panel) => panel !== '');
  return panels.length === 0 ? '' : `<section id="lists" class="grid2">\n${panels.join('\n')}\n</section>`;
}

export function provenanceFooter(report: Report, labels: UiLabels): string {
  const inputs = report.inputs.map(
    (input) =>
      `<li><code>${h(input.path)}</code> · ${h(input.format)}${input.encoding ? ` (${h(input.encoding)})` : ''} · ${input.rows} ${h(labels.field.rows.toLowerCase())} · sha256 <code>${h(input.sha256)}</code></li>`,
  );
  const files = [
    `<li>${h(labels.summary.rules(report.rules.files.length, report.rules.count))}: ${report.rules.files.map((file) => `<code>${h(file)}</code>`).join(', ')} · sha256 <code>${h(report.rules.sha256)}</code></li>`,
    `<li><code>${h(report.election.file)}</code> · sha256 <code>${h(report.election.sha256)}</code></li>`,
    `<li><code>${h(report.roster.file)}</code> · ${report.roster.persons} ${h(labels.field.persons.toLowerCase())} · sha256 <code>${h(report.roster.sha256)}</code></li>`,
  ];
  return `<footer class="panel">
<h2>${h(labels.section.provenance)}</h2>
<ul class="plain">
${[...inputs, ...files].join('\n')}
</ul>
<p>${h(report.tool.name)} ${h(report.tool.version)} · ${h(report.schema)}</p>
</footer>`;
}
