// The HTML report's per-person section: every finding with its text, evidence, source, link and legal basis.
import type { Finding, Report, ReportPerson } from '../schemas/report-schema.js';
import type { UiLabels } from '../shared/labels/index.js';
import { formatLocalDateTime, localDay, zoneName } from '../shared/local-time.js';
import { escapeHtml as h, isWebUrl } from './markup-escape.js';
import { activeFindings, candidateWithStance, highestSeverity } from './report-view.js';
import { actGroupsOf } from '../aggregate/acts.js';
import { countAttributes, findingAttributes, findingControls, severityBadge } from './html-review.js';

function fact(label: string, valueHtml: string): string {
  return `<dt>${h(label)}</dt><dd>${valueHtml}</dd>`;
}

function sourceHtml(finding: Finding): string {
  const { activity } = finding;
  const ref = `<code>${h(`${activity.source.file}:${activity.source.line}`)}</code>`;
  if (activity.url === '') return ref;
  const url = activity.url.trim();
  // Only web links become anchors; anything else (javascript:, data:, file:) is shown as inert text.
  const link = isWebUrl(url)
    ? `<a href="${h(url)}" rel="noopener noreferrer nofollow">${h(url)}</a>`
    : `<code>${h(url)}</code>`;
  return `${ref} · ${link}`;
}

function quote(label: string, text: string): string {
  return `<blockquote><span class="quote-label">${h(label)}</span>${h(text)}</blockquote>`;
}

/** The act's day in the election's zone, as the timeline's bars are keyed: the page's script restacks them by it. */
function actDay(timestamp: string | null, timeZone: string): string {
  const day = localDay(timestamp, timeZone);
  return day === null ? '' : ` data-day="${day}"`;
}

function findingItem(finding: Finding, labels: UiLabels, election: Report['election']): string {
  const { activity, legal, evidence } = finding;
  const timeZone = election.timezone;
  const f = labels.field;
  const when =
    activity.timestamp === null ? '—' : `${formatLocalDateTime(activity.timestamp, timeZone)} ${zoneName(timeZone)}`;
  const actor = activity.account === null ? '' : ` · @${h(activity.account)}`;
  const target = activity.target_account === null ? '' : ` → @${h(activity.target_account)}`;
  const matched = evidence.matched.map(
    (m) => `<li><code>${h(m.field)}</code> “${h(m.value)}” <span class="refs">(${h(m.condition)})</span></li>`,
  );
  const phase = evidence.phase === null ? '' : ` · ${h(f.phase)}: ${h(evidence.phase)}`;
  const facts = [
    fact(f.candidate, h(candidateWithStance(finding, election.candidates, labels.stance))),
    fact(f.platform, `${h(activity.platform)} · ${h(labels.activityType[activity.type])}${actor}${target}`),
    matched.length > 0 ? fact(f.evidence, `<ul>${matched.join('')}</ul>`) : '',
    fact(f.timeEvidence, h(evidence.time) + phase),
    fact(f.source, sourceHtml(finding)),
    fact(
      f.basis,
      `${h(labels.basis[finding.basis])} · SKB ${h(legal.skb)} · ${h(labels.sanction[legal.sanction])}<div class="refs">${legal.refs.map(h).join('; ')}</div>`,
    ),
    fact(f.confidence, h(labels.confidence[finding.confidence])),
    fact(`${f.rule} / ${f.fingerprint}`, `<code>${h(finding.rule)}</code> <code>${h(finding.fingerprint)}</code>`),
  ];
  const quotes = [
    activity.text !== '' ? quote(f.text, activity.text) : '',
    activity.target_text !== '' ? quote(f.targetText, activity.target_text) : '',
  ];
  const review = finding.review ?? null;
  const s = finding.suppression;
  const suppression =
    review === null && (finding.suppressed || s !== null)
      ? `<p class="suppression"><strong>${h(labels.status.suppressedBecause(s?.reason ?? ''))}</strong>${s?.reviewer ? ` · ${h(s.reviewer)}` : ''}${s?.date ? ` · ${h(s.date)}` : ''}</p>`
      : '';
  // The review badge is the one the page's script rewrites when the reviewer decides in the browser.
  const badge =
    (review !== null
      ? `<span class="badge review triage-badge review-${review.status}">${h(labels.status.review[review.status])}</span>`
      : '<span class="badge review triage-badge" hidden></span>') +
    (review === null && finding.suppressed
      ? `<span class="badge suppressed">${h(labels.status.suppressed)}</span>`
      : '');
  const reviewNote =
    review === null
      ? ''
      : `<p class="suppression review-note"><strong>${h(labels.status.reviewedBecause(labels.status.review[review.status], review.reason))}</strong> · ${h(review.reviewer)} · ${h(review.date)}</p>`;
  return `<li class="finding sev-${finding.severity}${finding.suppressed ? ' is-suppressed' : ''}"${findingAttributes(finding)}>
<div class="finding-head"><span class="badge">${h(labels.severity[finding.severity])}</span>${badge}<span class="category">${h(labels.category[finding.category])}</span><span class="finding-title">${h(finding.title)}</span><span class="when">${h(when)}</span></div>
<p class="message">${h(finding.message)}</p>
${quotes.filter((q) => q !== '').join('\n')}
<dl class="facts">${facts.filter((x) => x !== '').join('')}</dl>${suppression}${reviewNote}
${findingControls(finding, labels)}
</li>`;
}

export function personArticle(
  person: ReportPerson,
  index: number,
  labels: UiLabels,
  election: Report['election'],
  openFirst = false,
): string {
  const active = activeFindings(person);
  const groups = actGroupsOf(person, openFirst);
  const highest = highestSeverity(active);
  const suppressed = person.findings.length - active.length;
  const anchor = `person-${index + 1}`;
  const of = { person: anchor };
  const closed = { count: 'findings', state: 'closed', of } as const;
  // The closed part is always there (hidden at zero): a decision made in the browser can close a finding.
  const counts = `${h(labels.acts.count(groups.length, person.findings.length))} · <span${countAttributes({ count: 'findings', state: 'open', of })}>${active.length}</span> ${h(labels.status.active)}<span${countAttributes({ ...closed, show: 'nonzero' })}${suppressed > 0 ? '' : ' hidden'}> · <span${countAttributes(closed)}>${suppressed}</span> ${h(labels.status.suppressed)}</span>`;
  return `<article class="person" id="${anchor}" data-agency="${h(person.agency)}">
<header><div><h3>${h(person.name)}</h3><p class="meta">${h(labels.field.nip)} ${h(person.nip)} · ${h(person.agency)} · ${h(person.position)}</p></div><div>${severityBadge(highest, of, labels)} <span class="meta">${counts}</span></div></header>
${groups
  .map(
    (group, i) => `<section class="act"${actDay(group.act.timestamp, election.timezone)}>
<h4 class="act-head">${h(labels.acts.heading(i + 1, `${group.act.source.file}:${group.act.source.line}`, group.findings.length))}</h4>
<ol class="findings">
${group.findings.map((finding) => findingItem(finding, labels, election)).join('\n')}
</ol>
</section>`,
  )
  .join('\n')}
</article>`;
}
