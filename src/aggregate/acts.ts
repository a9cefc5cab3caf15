// Acts (one activity row with findings) and the summaries by agency and by candidate, derived from findings alone
// so that the JSON report and every format (also of an older report without `acts`) count them the same way.
import type { Act, Finding, Report, ReportPerson } from '../schemas/report-schema.js';
import { type Severity, severityRank } from '../shared/types.js';
import { compareCodeUnits as cmp } from '../shared/compare.js';
import { isOpenFinding, reviewRank } from './review-state.js';

function higher(a: Severity, b: Severity): Severity {
  return severityRank(a) >= severityRank(b) ? a : b;
}

/** The key of an act: the activity row a finding came from (a finding is kept at its act's first source). */
function actKey(finding: Finding): string {
  return `${finding.activity.source.file}\u0000${finding.activity.source.line}\u0000${finding.activity.id}`;
}

/** A person's acts in the order of their first finding (the findings are sorted by severity, then time). */
export function actsOf(findings: readonly Finding[]): Act[] {
  const acts = new Map<string, Act>();
  for (const finding of findings) {
    const key = actKey(finding);
    const act = acts.get(key);
    if (act) {
      act.fingerprints.push(finding.fingerprint);
      act.highest_severity = higher(act.highest_severity, finding.severity);
      act.open ||= isOpenFinding(finding);
      continue;
    }
    acts.set(key, {
      activity: finding.activity.id,
      source: { file: finding.activity.source.file, line: finding.activity.source.line },
      timestamp: finding.activity.timestamp,
      highest_severity: finding.severity,
      fingerprints: [finding.fingerprint],
      open: isOpenFinding(finding),
    });
  }
  return [...acts.values()];
}

/** An act with its findings, for the formats that list findings grouped under their act. */
export interface ActGroup {
  act: Act;
  findings: Finding[];
}

/**
 * A person's findings grouped under their acts. With `openFirst` (a run with a baseline or decisions) the acts
 * nobody has decided yet come first, then those still open (needs_evidence), then the closed ones, so that what is
 * new since the last review is read first; the acts keep their order within each of these and without `openFirst`.
 */
export function actGroupsOf(person: ReportPerson, openFirst = false): ActGroup[] {
  const byFingerprint = new Map(person.findings.map((f) => [f.fingerprint, f]));
  const groups = actsOf(person.findings).map((act) => ({
    act,
    findings: act.fingerprints.map((fp) => byFingerprint.get(fp)!),
  }));
  if (!openFirst) return groups;
  // Array.prototype.sort is stable: equal ranks keep their order.
  return groups.sort((a, b) => reviewRank(a.findings) - reviewRank(b.findings));
}

/** Whether the report was made against a baseline or decisions: some finding was reviewed, or a decision is stale. */
export function hasReviewInput(report: Report): boolean {
  return (
    report.persons.some((p) => p.findings.some((f) => f.suppressed || (f.review ?? null) !== null)) ||
    (report.summary.stale_decisions ?? []).length > 0 ||
    report.summary.stale_suppressions.length > 0
  );
}

interface GroupCounts {
  persons: number;
  acts: number;
  findings: number;
  open: number;
  highest_severity: Severity;
}

type Summary = Report['summary'];

function tally<K>(
  rows: Map<K, GroupCounts & { nips: Set<string>; actKeys: Set<string> }>,
  key: K,
  nip: string,
  finding: Finding,
) {
  let row = rows.get(key);
  if (!row) {
    row = {
      persons: 0,
      acts: 0,
      findings: 0,
      open: 0,
      highest_severity: finding.severity,
      nips: new Set(),
      actKeys: new Set(),
    };
    rows.set(key, row);
  }
  row.findings++;
  if (isOpenFinding(finding)) row.open++;
  row.highest_severity = higher(row.highest_severity, finding.severity);
  row.nips.add(nip);
  row.actKeys.add(`${nip}\u0000${actKey(finding)}`);
}

function finish(row: GroupCounts & { nips: Set<string>; actKeys: Set<string> }): GroupCounts {
  return {
    persons: row.nips.size,
    acts: row.actKeys.size,
    findings: row.findings,
    open: row.open,
    highest_severity: row.highest_severity,
  };
}

const byCounts = (a: GroupCounts, b: GroupCounts) =>
  severityRank(b.highest_severity) - severityRank(a.highest_severity) || b.acts - a.acts || b.findings - a.findings;

/** Per agency of the persons with findings: most severe, then most acts first; ties by name. */
export function summaryByAgency(persons: readonly ReportPerson[]): Summary['by_agency'] {
  const rows = new Map<string, GroupCounts & { nips: Set<string>; actKeys: Set<string> }>();
  for (const person of persons) for (const f of person.findings) tally(rows, person.agency, person.nip, f);
  return [...rows.entries()]
    .map(([agency, row]) => ({ agency, ...finish(row) }))
    .sort((a, b) => byCounts(a, b) || cmp(a.agency, b.agency));
}

/** Per candidate concerned (null: findings about no candidate, listed last). */
export function summaryByCandidate(persons: readonly ReportPerson[]): Summary['by_candidate'] {
  const rows = new Map<string | null, GroupCounts & { nips: Set<string>; actKeys: Set<string> }>();
  for (const person of persons) for (const f of person.findings) tally(rows, f.candidate, person.nip, f);
  return [...rows.entries()]
    .map(([candidate, row]) => ({ candidate, ...finish(row) }))
    .sort(
      (a, b) =>
        Number(a.candidate === null) - Number(b.candidate === null) ||
        byCounts(a, b) ||
        cmp(a.candidate ?? '', b.candidate ?? ''),
    );
}
