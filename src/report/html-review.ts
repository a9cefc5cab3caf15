// The HTML report's review markup: the filter and download bar, and each finding's decision controls. Both start
// hidden; the page's script (html-review-script.ts) shows them, so a page opened without scripts stays complete.
import { createHash } from 'node:crypto';
import type { Finding, Report } from '../schemas/report-schema.js';
import type { UiLabels } from '../shared/labels/index.js';
import { CATEGORIES, SEVERITIES_HIGHEST_FIRST, type Category, type Severity } from '../shared/types.js';
import { escapeHtml as h } from './markup-escape.js';
import { compareCodeUnits as compareText } from '../shared/compare.js';
import { candidateLabelFor } from './report-view.js';

/** The value the candidate filter uses for findings that concern no candidate (party membership). */
const NO_CANDIDATE = '-';

/**
 * What the browser keys a report's decisions by: the data it was made from (inputs, rules, election, roster),
 * so the same scan written again, or rescanned with the downloaded decisions, finds the reviewer's work again.
 */
export function reportKey(report: Report): string {
  const basis = [
    report.rules.sha256,
    report.election.sha256,
    report.roster.sha256,
    ...report.inputs.map((input) => input.sha256),
  ].join('\n');
  return createHash('sha256').update(basis).digest('hex').slice(0, 32);
}

/**
 * What a number on the page counts, so that the page's script recounts it after each decision made in the browser:
 * findings, acts or persons (flagged: with an open finding), or the highest severity, among the findings that are
 * open (unreviewed, needs_evidence) or closed, of one person, agency, candidate, category or severity. `show` makes
 * the element a switch (shown only when the count is zero, or not zero) and `barMax` a bar whose width is the count
 * over that maximum; otherwise the element's text is the count.
 */
export interface CountSpec {
  count: 'findings' | 'acts' | 'persons' | 'highest';
  state: 'open' | 'closed';
  of?: { person?: string; agency?: string; candidate?: string | null; category?: Category; severity?: Severity };
  show?: 'zero' | 'nonzero';
  barMax?: number;
}

export function countAttributes(spec: CountSpec): string {
  const attributes: [string, string][] = [
    ['data-count', spec.count],
    ['data-state', spec.state],
  ];
  const of = spec.of ?? {};
  if (of.person !== undefined) attributes.push(['data-of-person', of.person]);
  if (of.agency !== undefined) attributes.push(['data-of-agency', of.agency]);
  if (of.candidate !== undefined) attributes.push(['data-of-candidate', of.candidate ?? NO_CANDIDATE]);
  if (of.category !== undefined) attributes.push(['data-of-category', of.category]);
  if (of.severity !== undefined) attributes.push(['data-of-severity', of.severity]);
  if (spec.show !== undefined) attributes.push(['data-show', spec.show]);
  if (spec.barMax !== undefined) attributes.push(['data-bar-max', String(spec.barMax)]);
  return attributes.map(([name, value]) => ` ${name}="${h(value)}"`).join('');
}

/** The badge of the highest open severity of a person's findings; hidden when none is open. */
export function severityBadge(highest: Severity | null, of: { person: string }, labels: UiLabels): string {
  const spec = countAttributes({ count: 'highest', state: 'open', of });
  if (highest === null) return `<span class="badge"${spec} hidden></span>`;
  return `<span class="badge sev-${highest}"${spec}>${h(labels.severity[highest])}</span>`;
}

/** The data- attributes a finding's controls and the filters read. */
export function findingAttributes(finding: Finding): string {
  const review = finding.review ?? null;
  const attributes: [string, string][] = [
    ['data-fp', finding.fingerprint],
    ['data-category', finding.category],
    ['data-severity', finding.severity],
    ['data-candidate', finding.candidate ?? NO_CANDIDATE],
    ['data-suppressed', String(finding.suppressed)],
  ];
  if (review !== null)
    attributes.push(
      ['data-review-status', review.status],
      ['data-review-reviewer', review.reviewer],
      ['data-review-reason', review.reason],
      ['data-review-date', review.date],
    );
  return attributes.map(([name, value]) => ` ${name}="${h(value)}"`).join('');
}

/** The decision buttons and reason field under one finding. */
export function findingControls(finding: Finding, labels: UiLabels): string {
  const t = labels.triage;
  const buttons = (['confirmed', 'dismissed', 'needs_evidence'] as const).map(
    (status) =>
      `<button type="button" class="triage-${status}" data-set="${status}" aria-pressed="false">${h(t.decide[status])}</button>`,
  );
  return `<div class="triage" hidden><input class="triage-reason" type="text" placeholder="${h(t.reason)}" aria-label="${h(`${t.reason} (${finding.fingerprint})`)}">${buttons.join('')}<button type="button" class="triage-clear" hidden>${h(t.clear)}</button><span class="triage-say" role="status"></span></div>`;
}

function select(id: string, allLabel: string, options: readonly { value: string; label: string }[]): string {
  const items = options.map((o) => `<option value="${h(o.value)}">${h(o.label)}</option>`).join('');
  return `<select id="${id}" aria-label="${h(allLabel)}"><option value="">${h(allLabel)}</option>${items}</select>`;
}

/** The bar above the persons: text search, filters, the reviewer's name and the download. */
export function triageBar(report: Report, labels: UiLabels): string {
  const t = labels.triage;
  const findings = report.persons.flatMap((person) => person.findings);
  const agencies = [...new Set(report.persons.filter((p) => p.findings.length > 0).map((p) => p.agency))].sort(
    compareText,
  );
  const categories = CATEGORIES.filter((c) => findings.some((f) => f.category === c));
  const severities = SEVERITIES_HIGHEST_FIRST.filter((s) => findings.some((f) => f.severity === s));
  // In the election's order (by ballot number), then ids it does not list, then "no candidate".
  const rank = (id: string) => {
    const at = report.election.candidates.findIndex((c) => c.id === id);
    return id === NO_CANDIDATE ? Number.MAX_SAFE_INTEGER : at === -1 ? report.election.candidates.length : at;
  };
  const candidates = [...new Set(findings.map((f) => f.candidate ?? NO_CANDIDATE))].sort(
    (a, b) => rank(a) - rank(b) || compareText(a, b),
  );
  const statuses = [
    { value: 'open', label: t.open },
    { value: 'unreviewed', label: labels.status.unreviewed },
    ...(['confirmed', 'dismissed', 'needs_evidence', 'escalated'] as const).map((s) => ({
      value: s,
      label: labels.status.review[s],
    })),
    ...(findings.some((f) => f.suppressed && (f.review ?? null) === null)
      ? [{ value: 'suppressed', label: labels.status.suppressed }]
      : []),
  ];
  const scriptLabels = {
    status: labels.status.review,
    severity: labels.severity,
    closed: labels.summary.timelineClosed,
    needReviewer: t.needReviewer,
    needReason: t.needReason,
    counts: t.counts,
    decidedHere: t.decidedHere,
    notSaved: t.notSaved,
  };
  const stale = (report.summary.stale_decisions ?? []).length;
  const staleNote = stale > 0 ? ` ${t.staleLeftOut(stale)}` : '';
  return `<div id="triage" class="filter triage-bar" hidden data-report-key="${reportKey(report)}" data-labels="${h(JSON.stringify(scriptLabels))}">
<div class="triage-row"><input id="filter" type="search" placeholder="${h(labels.filterPlaceholder)}" aria-label="${h(labels.filterPlaceholder)}">
${select(
  'f-agency',
  t.all.agency,
  agencies.map((a) => ({ value: a, label: a })),
)}
${select(
  'f-category',
  t.all.category,
  categories.map((c) => ({ value: c, label: labels.category[c] })),
)}
${select(
  'f-severity',
  t.all.severity,
  severities.map((s) => ({ value: s, label: labels.severity[s] })),
)}
${select(
  'f-candidate',
  t.all.candidate,
  candidates.map((c) => ({
    value: c,
    label: c === NO_CANDIDATE ? t.noCandidate : candidateLabelFor(c, report.election.candidates),
  })),
)}
${select('f-status', t.all.status, statuses)}</div>
<div class="triage-row"><input id="reviewer" type="text" placeholder="${h(t.reviewer)}" aria-label="${h(t.reviewer)}"><button type="button" id="download">${h(t.download)}</button><span id="triage-counts" role="status"></span></div>
<p class="note">${h(t.note + staleNote)} <span id="triage-message"></span></p>
</div>`;
}
