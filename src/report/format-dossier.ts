// The dossier: one person's acts for an inspectorate or BKD panel, as one self-contained HTML page laid out for A4
// paper (asn-audit dossier prints it to PDF). Each act with its text, target, evidence, time against the
// candidates' dates, legal basis, sanction, source and review status; then the chain of custody.
import { actGroupsOf, type ActGroup } from '../aggregate/acts.js';
import { isOpenFinding } from '../aggregate/review-state.js';
import type { Finding, Report, ReportPerson } from '../schemas/report-schema.js';
import { type DossierLabels, uiLabels, type UiLabels } from '../shared/labels/index.js';
import { formatLocalDateTime, localDay, zoneName } from '../shared/local-time.js';
import type { Lang } from '../shared/types.js';
import { DOSSIER_STYLES } from './dossier-styles.js';
import { dossierTimeline } from './dossier-timeline.js';
import { htmlDocumentHead } from './html-document.js';
import { escapeHtml as h, isWebUrl } from './markup-escape.js';
import { candidateLabelFor, highestSeverity, matchedSummary } from './report-view.js';

export interface DossierOptions {
  lang: Lang;
  /** The JSON report the dossier was made from, as named on the command line, and the sha256 of its bytes. */
  source: { file: string; sha256: string };
  /** The version of the asn-audit that writes the dossier (the report names its own). */
  toolVersion: string;
}

interface Words {
  d: DossierLabels;
  ui: UiLabels;
}

const DAY_MS = 86_400_000;

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

function relative(day: string, date: string, d: DossierLabels): string {
  const n = daysBetween(date, day);
  return n === 0 ? d.sameDay : d.days(n);
}

/** A string for a CSS `content:` value inside the page's <style>: quotes, backslashes and markup escaped. */
function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, '\\$&').replace(/[<>&\n\r]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
}

function candidateIdsOf(findings: readonly Finding[]): string[] {
  return [...new Set(findings.flatMap((f) => (f.candidate === null ? [] : [f.candidate])))];
}

/** The act's local day against each candidate's `since` and `designated`, one line per candidate. */
function timingLines(group: ActGroup, report: Report, w: Words): string[] {
  const day = localDay(group.act.timestamp, report.election.timezone);
  if (day === null) return [];
  return candidateIdsOf(group.findings).flatMap((id) => {
    const c = report.election.candidates.find((x) => x.id === id);
    if (!c) return [];
    const phase =
      day < c.since
        ? w.d.beforeSince
        : c.designated !== null && day >= c.designated
          ? w.d.afterDesignated
          : w.d.asProspective;
    const designated =
      c.designated === null ? w.d.notDesignated : `${c.designated} (${relative(day, c.designated, w.d)})`;
    return [
      `<p class="timing"><span class="k">${h(w.d.timing)}:</span> ${h(candidateLabelFor(id, report.election.candidates))}: ${h(w.d.sinceWord)} ${h(c.since)} (${h(relative(day, c.since, w.d))}) · ${h(w.d.designatedWord)} ${h(designated)} → <strong>${h(phase)}</strong></p>`,
    ];
  });
}

function reviewCell(finding: Finding, w: Words): string {
  const review = finding.review ?? null;
  if (review !== null)
    return `<strong>${h(w.ui.status.review[review.status])}</strong><br>${h(review.reviewer)} · ${h(review.date)}<br>${h(review.reason)}`;
  if (finding.suppressed) return h(w.d.baseline(finding.suppression?.reason ?? ''));
  return `<strong>${h(w.d.unreviewed)}</strong>`;
}

function groundRow(finding: Finding, w: Words, timeOnce: boolean): string {
  const { legal, evidence } = finding;
  const phase = evidence.phase === null ? '' : ` · ${h(w.ui.field.phase)}: ${h(evidence.phase)}`;
  const matched = matchedSummary(finding);
  const time = timeOnce ? '' : `<div class="small">${h(evidence.time)}${phase}</div>`;
  return `<tr class="sev-${finding.severity}">
<td><span class="sev">${h(w.ui.severity[finding.severity])}</span> ${h(finding.title)}<div class="small">${h(w.ui.category[finding.category])} · ${h(w.ui.field.confidence.toLowerCase())} ${h(w.ui.confidence[finding.confidence])} · <code>${h(finding.fingerprint)}</code></div></td>
<td>${h(matched)}${time}</td>
<td>${h(w.ui.basis[finding.basis])} · SKB ${h(legal.skb)} · <strong>${h(w.ui.sanction[legal.sanction])}</strong><div class="small">${legal.refs.map(h).join('; ')}</div></td>
<td>${reviewCell(finding, w)}</td>
</tr>`;
}

/** The input file a row came from: the exact path, else the longest listed path it lies inside (folder, zip). */
function inputOf(report: Report, file: string): Report['inputs'][number] | undefined {
  const exact = report.inputs.find((input) => input.path === file);
  if (exact) return exact;
  return report.inputs.filter((input) => file.startsWith(input.path)).sort((a, b) => b.path.length - a.path.length)[0];
}

function actSection(group: ActGroup, index: number, report: Report, w: Words): string {
  const a = group.findings[0]!.activity;
  const tz = report.election.timezone;
  const when = a.timestamp === null ? w.d.undated : `${formatLocalDateTime(a.timestamp, tz)} ${zoneName(tz)}`;
  const who = a.account === null ? '' : ` · @${h(a.account)}`;
  const facts: string[] = [];
  if (a.target_account !== null || a.target_text !== '') {
    const account = a.target_account === null ? '' : `@${h(a.target_account)}`;
    const text = a.target_text === '' ? '' : ` “${h(a.target_text)}”`;
    facts.push(`<span class="k">${h(w.d.target)}:</span> ${account}${text}`);
  }
  if (a.event !== '') facts.push(`<span class="k">${h(w.d.event)}:</span> ${h(a.event)}`);
  if (a.tags.length > 0) facts.push(`<span class="k">${h(w.d.tags)}:</span> ${a.tags.map(h).join(', ')}`);
  if (a.url !== '') {
    const url = a.url.trim();
    // Only web links become anchors; anything else is inert text.
    const link = isWebUrl(url) ? `<a href="${h(url)}">${h(url)}</a>` : `<code>${h(url)}</code>`;
    facts.push(`<span class="k">${h(w.d.link)}:</span> <span class="url">${link}</span>`);
  }
  // The rules' own account of the time: once when every finding of the act gives the same, and then only when no
  // candidate's dates say it already.
  const times = new Set(group.findings.map((f) => `${f.evidence.time}\u0000${f.evidence.phase ?? ''}`));
  const timeOnce = times.size === 1;
  const timing = timingLines(group, report, w);
  const first = group.findings[0]!.evidence;
  const timeLine =
    timeOnce && timing.length === 0
      ? `<p class="small">${h(first.time)}${first.phase === null ? '' : ` · ${h(w.ui.field.phase)}: ${h(first.phase)}`}</p>\n`
      : '';
  const input = inputOf(report, a.source.file);
  const sha = input ? `sha256 <code>${h(input.sha256)}</code>` : h(w.d.inputUnknown);
  const cols = w.d.groundsColumns;
  return `<section class="act sev-${group.act.highest_severity}">
<h3>${h(w.d.act(index + 1))} · ${h(when)} · ${h(a.platform)} · ${h(w.ui.activityType[a.type])}${who}</h3>
${a.text === '' ? '' : `<blockquote>${h(a.text)}</blockquote>\n`}${facts.length === 0 ? '' : `<p>${facts.join(' · ')}</p>\n`}${timing.map((line) => `${line}\n`).join('')}${timeLine}<table class="grounds"><thead><tr><th>${h(cols.finding)}</th><th>${h(cols.evidence)}</th><th>${h(cols.law)}</th><th>${h(cols.review)}</th></tr></thead>
<tbody>
${group.findings.map((f) => groundRow(f, w, timeOnce)).join('\n')}
</tbody></table>
<p class="source"><span class="k">${h(w.d.source)}:</span> <code>${h(`${a.source.file}:${a.source.line}`)}</code> · ${sha}</p>
</section>`;
}

function candidatesTable(person: ReportPerson, report: Report, w: Words): string {
  const ids = new Set(candidateIdsOf(person.findings));
  const rows = report.election.candidates
    .filter((c) => ids.has(c.id))
    .map(
      (c) =>
        `<tr><td>${c.number === null ? '—' : String(c.number).padStart(2, '0')}</td><td>${h(c.names.join('–') || c.id)}</td><td>${h(c.since)}</td><td>${h(c.designated ?? w.d.notDesignated)}</td></tr>`,
    );
  if (rows.length === 0) return '';
  const cols = w.d.candidateColumns;
  return `<section class="candidates"><h2>${h(w.d.candidates)}</h2>
<table><thead><tr><th>${h(cols.ballot)}</th><th>${h(cols.pair)}</th><th>${h(cols.since)}</th><th>${h(cols.designated)}</th></tr></thead><tbody>${rows.join('')}</tbody></table></section>`;
}

function timelineSection(groups: readonly ActGroup[], report: Report, w: Words): string {
  const timeline = dossierTimeline(groups, report.election, { d: w.d, monthsShort: w.ui.monthsShort });
  if (timeline === null) return '';
  const shown = {
    compressed: timeline.segments.some((s) => s.compressed),
    campaign: timeline.bands.some((b) => b.campaign),
  };
  const undated = timeline.undated === 0 ? '' : ` ${h(w.d.undatedActs(timeline.undated))}`;
  return `<section class="timeline"><h2>${h(w.d.timeline)}</h2>
${timeline.svg}
<p class="small">${h(w.d.timelineNote(timeline.focus.from, timeline.focus.to, shown))}${undated}</p></section>`;
}

function custodySection(person: ReportPerson, report: Report, options: DossierOptions, w: Words): string {
  const r = w.d.custodyRows;
  const used = new Set(
    person.findings.map((f) => inputOf(report, f.activity.source.file)).filter((i) => i !== undefined),
  );
  const inputs = report.inputs
    .filter((input) => used.has(input))
    .map(
      (input) =>
        `<code>${h(input.path)}</code> · ${h(input.format)} · ${input.rows} ${h(w.ui.field.rows.toLowerCase())} · sha256 <code>${h(input.sha256)}</code>`,
    );
  const row = (label: string, value: string) => `<tr><th>${h(label)}</th><td>${value}</td></tr>`;
  return `<section class="custody"><h2>${h(w.d.custody)}</h2>
<table>
${row(r.report, `<code>${h(options.source.file)}</code> · sha256 <code>${h(options.source.sha256)}</code>`)}
${row(r.schema, h(report.schema))}
${row(r.madeBy, h(`${report.tool.name} ${report.tool.version}`))}
${row(r.dossierBy, h(`asn-audit ${options.toolVersion}`))}
${row(r.rules, `${h(w.ui.summary.rules(report.rules.files.length, report.rules.count))}: ${report.rules.files.map((f) => `<code>${h(f)}</code>`).join(', ')} · sha256 <code>${h(report.rules.sha256)}</code>`)}
${row(r.election, `<code>${h(report.election.file)}</code> · sha256 <code>${h(report.election.sha256)}</code>`)}
${row(r.roster, `<code>${h(report.roster.file)}</code> · sha256 <code>${h(report.roster.sha256)}</code>`)}
${row(r.inputs, inputs.join('<br>'))}
</table>
<p class="small">${h(w.d.custodyNote)}</p></section>`;
}

export function formatDossier(report: Report, person: ReportPerson, options: DossierOptions): string {
  const w: Words = { d: uiLabels(options.lang).dossier, ui: uiLabels(options.lang) };
  const groups = actGroupsOf(person);
  const open = person.findings.filter(isOpenFinding).length;
  const highest = highestSeverity(person.findings);
  const footer = cssString(`${person.name} · NIP ${person.nip} · ${report.election.name}`);
  const identity = [
    [w.ui.field.name, h(person.name)],
    [w.ui.field.nip, h(person.nip)],
    [w.ui.field.agency, h(person.agency)],
    [w.ui.field.position, h(person.position)],
    [w.d.election, h(report.election.name)],
    [w.d.timezone, h(`${zoneName(report.election.timezone)} (${report.election.timezone})`)],
    [
      w.ui.field.findings,
      `${h(w.d.overview(groups.length, person.findings.length, open))}${highest === null ? '' : ` · ${h(w.ui.field.highestSeverity)}: <strong>${h(w.ui.severity[highest])}</strong>`}`,
    ],
  ];
  const acts =
    groups.length === 0
      ? `<p>${h(w.d.noFindings)}</p>`
      : groups.map((group, i) => actSection(group, i, report, w)).join('\n');
  const head = htmlDocumentHead({
    lang: options.lang,
    contentSecurityPolicy:
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'",
    generator: `asn-audit ${options.toolVersion}`,
    title: `${w.d.title}: ${person.name} (${person.nip})`,
    styles: `${DOSSIER_STYLES}\n@page { @bottom-left { content: ${footer}; } }\n`,
  });
  return `${head}
<body>
<header>
<p class="kicker">${h(w.d.title)}</p>
<h1>${h(person.name)}</h1>
<p class="disclaimer">${h(w.d.disclaimer)}</p>
${report.lang === options.lang ? '' : `<p class="disclaimer">${h(w.d.reportLanguage(report.lang))}</p>\n`}</header>
<section class="identity"><h2>${h(w.d.identity)}</h2>
<dl>${identity.map(([k, v]) => `<dt>${h(k!)}</dt><dd>${v}</dd>`).join('')}</dl></section>
${candidatesTable(person, report, w)}
${timelineSection(groups, report, w)}
<section class="acts"><h2>${h(w.d.acts(groups.length))}</h2>
${acts}
</section>
${custodySection(person, report, options, w)}
</body>
</html>
`;
}
