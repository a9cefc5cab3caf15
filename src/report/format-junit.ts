// `--format junit`: JUnit XML for CI dashboards: one test case per person; a person with active findings fails.
import type { Finding, Report, ReportPerson } from '../schemas/report-schema.js';
import { uiLabels, type UiLabels } from '../shared/labels/index.js';
import type { FormatOptions } from './format-options.js';
import { formatLocalDateTime, zoneName } from '../shared/local-time.js';
import { escapeXml } from './markup-escape.js';
import { activeFindings, candidateWithStance, highestSeverity, matchedSummary, sourceRef } from './report-view.js';

function attr(value: string): string {
  return `"${escapeXml(value)}"`;
}

function findingText(finding: Finding, labels: UiLabels, election: Report['election']): string {
  const { activity, legal } = finding;
  const timeZone = election.timezone;
  const lines = [
    `[${labels.severity[finding.severity]}] ${labels.category[finding.category]}: ${finding.title} (${finding.rule}, ${finding.fingerprint})`,
    `  ${finding.message}`,
    ...(finding.candidate === null
      ? []
      : [`  ${labels.field.candidate}: ${candidateWithStance(finding, election.candidates, labels.stance)}`]),
    `  ${labels.field.time} (${zoneName(timeZone)}): ${activity.timestamp === null ? '—' : formatLocalDateTime(activity.timestamp, timeZone)} · ${activity.platform} ${labels.activityType[activity.type]}`,
  ];
  if (activity.text !== '') lines.push(`  ${labels.field.text}: ${activity.text.replace(/\r?\n/g, '\n    ')}`);
  if (activity.target_text !== '')
    lines.push(`  ${labels.field.targetText}: ${activity.target_text.replace(/\r?\n/g, '\n    ')}`);
  if (finding.evidence.matched.length > 0) lines.push(`  ${labels.field.evidence}: ${matchedSummary(finding)}`);
  lines.push(`  ${labels.field.source}: ${sourceRef(finding)}${activity.url === '' ? '' : ` · ${activity.url}`}`);
  lines.push(
    `  ${labels.field.basis}: ${labels.basis[finding.basis]}, SKB ${legal.skb}, ${labels.sanction[legal.sanction]}`,
  );
  return lines.join('\n');
}

/** Reviewed findings do not fail the case but stay visible in its output. */
function suppressedOutput(person: ReportPerson, labels: UiLabels): string[] {
  const suppressed = person.findings.filter((finding) => finding.suppressed);
  if (suppressed.length === 0) return [];
  const lines = suppressed.map(
    (finding) =>
      `${finding.fingerprint} ${finding.rule}: ${labels.status.suppressedBecause(finding.suppression?.reason ?? '')}`,
  );
  return [`    <system-out>${escapeXml(lines.join('\n'))}</system-out>`];
}

function testCase(person: ReportPerson, unmonitored: boolean, labels: UiLabels, election: Report['election']): string {
  const active = activeFindings(person);
  const children: string[] = [];
  if (active.length > 0) {
    const highest = highestSeverity(active) ?? 'low';
    const message = labels.junit.failure(active.length, person.findings.length - active.length);
    const body = active.map((finding) => findingText(finding, labels, election)).join('\n\n');
    children.push(`    <failure message=${attr(message)} type=${attr(highest)}>${escapeXml(body)}</failure>`);
  } else if (unmonitored && person.findings.length === 0) {
    children.push(`    <skipped message=${attr(labels.junit.unmonitored)}/>`);
  }
  children.push(...suppressedOutput(person, labels));
  const open = `  <testcase classname=${attr(person.agency)} name=${attr(`${person.nip} ${person.name}`)} time="0"`;
  return children.length === 0 ? `${open}/>` : [`${open}>`, ...children, '  </testcase>'].join('\n');
}

export function formatJunit(report: Report, options: FormatOptions): string {
  const labels = uiLabels(options.lang);
  const gaps = new Set(report.summary.roster_gaps.map((gap) => gap.nip));
  const cases = report.persons.map((person) => testCase(person, gaps.has(person.nip), labels, report.election));
  // Persons without findings are not in the report one by one: roster gaps are skipped cases, the rest pass as one case.
  const listed = new Set(report.persons.map((person) => person.nip));
  const unlistedGaps = report.summary.roster_gaps.filter((gap) => !listed.has(gap.nip));
  for (const gap of unlistedGaps) {
    cases.push(
      `  <testcase classname=${attr(gap.agency)} name=${attr(`${gap.nip} ${gap.name}`)} time="0">\n    <skipped message=${attr(labels.junit.unmonitored)}/>\n  </testcase>`,
    );
  }
  const clean = report.summary.persons - report.persons.length - unlistedGaps.length;
  if (clean > 0)
    cases.push(
      `  <testcase classname=${attr(report.election.name)} name=${attr(labels.junit.clean(clean))} time="0"/>`,
    );
  const failures = report.persons.filter((person) => activeFindings(person).length > 0).length;
  const skipped =
    report.persons.filter((person) => gaps.has(person.nip) && person.findings.length === 0).length +
    unlistedGaps.length;
  const suite = `${labels.reportTitle}: ${report.election.name}`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuite name=${attr(suite)} tests="${cases.length}" failures="${failures}" errors="0" skipped="${skipped}" time="0">`,
    '  <properties>',
    `    <property name="tool" value=${attr(`${report.tool.name} ${report.tool.version}`)}/>`,
    `    <property name="election" value=${attr(report.election.name)}/>`,
    `    <property name="rules_sha256" value=${attr(report.rules.sha256)}/>`,
    `    <property name="rows_read" value="${report.summary.rows_read}"/>`,
    `    <property name="rows_rejected" value="${report.summary.rows_rejected}"/>`,
    ...(report.summary.rejected_by_reason ?? []).map(
      (kind) => `    <property name=${attr(`rows_rejected: ${kind.reason}`)} value="${kind.rows}"/>`,
    ),
    '  </properties>',
    ...cases,
    '</testsuite>',
    '',
  ].join('\n');
}
