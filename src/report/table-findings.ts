// The terminal report's per-person detail: every finding with its evidence, source and legal basis.
import type { Finding, Report, ReportPerson } from '../schemas/report-schema.js';
import type { UiLabels } from '../shared/labels/index.js';
import { formatLocalDateTime, zoneName } from '../shared/local-time.js';
import { flattenText, truncateText } from './plain-text.js';
import { candidateWithStance, matchedSummary, sourceRef } from './report-view.js';
import type { TerminalStyle } from './terminal-style.js';
import { actGroupsOf } from '../aggregate/acts.js';

const INDENT = '     ';

function quote(text: string, width: number): string {
  return `"${truncateText(flattenText(text), Math.max(40, width - INDENT.length - 20))}"`;
}

function findingLines(
  finding: Finding,
  index: number,
  labels: UiLabels,
  style: TerminalStyle,
  width: number,
  election: Report['election'],
): string[] {
  const { activity } = finding;
  const timeZone = election.timezone;
  const review = finding.review ?? null;
  const status =
    review !== null
      ? ` · ${labels.status.review[review.status].toUpperCase()}`
      : finding.suppressed
        ? ` · ${labels.status.suppressed.toUpperCase()}`
        : '';
  const severity = style.severity(finding.severity, `[${labels.severity[finding.severity].toUpperCase()}${status}]`);
  const headline = `${String(index + 1).padStart(3)}. ${severity} ${labels.category[finding.category]}: ${flattenText(finding.title)}`;
  const when =
    activity.timestamp === null ? '—' : `${formatLocalDateTime(activity.timestamp, timeZone)} ${zoneName(timeZone)}`;
  const actor = activity.account === null ? '' : ` @${flattenText(activity.account)}`;
  const target = activity.target_account === null ? '' : ` → @${flattenText(activity.target_account)}`;
  const facts = [
    `${labels.field.rule} ${finding.rule}`,
    `${labels.field.candidate} ${flattenText(candidateWithStance(finding, election.candidates, labels.stance))}`,
    when,
    `${activity.platform} ${labels.activityType[activity.type]}${actor}${target}`,
  ];
  const lines = [headline, INDENT + facts.join(' · ')];
  if (activity.text !== '') lines.push(`${INDENT}${labels.field.text}: ${quote(activity.text, width)}`);
  if (activity.target_text !== '')
    lines.push(`${INDENT}${labels.field.targetText}: ${quote(activity.target_text, width)}`);
  if (finding.evidence.matched.length > 0)
    lines.push(`${INDENT}${labels.field.evidence}: ${flattenText(matchedSummary(finding))}`);
  const link = activity.url === '' ? '' : ` · ${flattenText(activity.url)}`;
  lines.push(INDENT + style.muted(`${labels.field.source}: ${flattenText(sourceRef(finding))}${link}`));
  const sanction = labels.sanction[finding.legal.sanction];
  lines.push(`${INDENT}${labels.field.basis}: ${labels.basis[finding.basis]}, SKB ${finding.legal.skb} · ${sanction}`);
  if (review !== null) {
    const note = labels.status.reviewedBecause(labels.status.review[review.status], flattenText(review.reason));
    lines.push(`${INDENT}${note} (${flattenText(`${review.reviewer}, ${review.date}`)})`);
    return finding.suppressed ? lines.map((line) => style.suppressed(line)) : lines;
  }
  if (finding.suppression !== null || finding.suppressed) {
    const { reason = '', reviewer = null, date = null } = finding.suppression ?? {};
    const who = [reviewer, date].filter((part): part is string => part !== null).join(', ');
    const note = labels.status.suppressedBecause(flattenText(reason)) + (who === '' ? '' : ` (${flattenText(who)})`);
    lines.push(INDENT + note);
    return lines.map((line) => style.suppressed(line));
  }
  return lines;
}

/** A person's findings grouped under their acts (one act, several grounds); open acts first when `openFirst`. */
export function personFindingLines(
  person: ReportPerson,
  labels: UiLabels,
  style: TerminalStyle,
  width: number,
  election: Report['election'],
  openFirst = false,
): string[] {
  const who = [person.name, person.nip, person.agency, person.position].map(flattenText).filter((part) => part !== '');
  const groups = actGroupsOf(person, openFirst);
  const lines = [style.heading(who.join(' · ')), style.muted(labels.acts.count(groups.length, person.findings.length))];
  let index = 0;
  groups.forEach((group, actIndex) => {
    const source = flattenText(`${group.act.source.file}:${group.act.source.line}`);
    lines.push(`  ${style.heading(labels.acts.heading(actIndex + 1, source, group.findings.length))}`);
    for (const finding of group.findings) lines.push(...findingLines(finding, index++, labels, style, width, election));
  });
  return lines;
}
