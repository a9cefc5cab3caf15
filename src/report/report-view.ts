// Derived views of a report that several formats share: flagged persons, counts, highest severity, evidence lines.
import { hasReviewInput } from '../aggregate/acts.js';
import { isOpenFinding, reviewRank } from '../aggregate/review-state.js';
import type { Finding, Report, ReportPerson } from '../schemas/report-schema.js';
import { candidateLabel } from '../shared/candidate-label.js';
import { compareCodeUnits } from '../shared/compare.js';
import { CATEGORIES, SEVERITIES, severityRank, type Category, type Severity, type Stance } from '../shared/types.js';

/** The open findings: unreviewed, or marked needs_evidence (aggregate/review-state has the model). */
export function activeFindings(person: ReportPerson): Finding[] {
  return person.findings.filter(isOpenFinding);
}

/** A person is flagged when at least one finding is open: closed ones have been reviewed. */
export function isFlagged(person: ReportPerson): boolean {
  return person.findings.some(isOpenFinding);
}

/**
 * Persons in the order a reviewer reads them. In a run with a baseline or decisions, those with an act nobody has
 * decided yet (new) come first, then those open only through needs_evidence, then those all decided; within each,
 * and in a run without review input, report order.
 */
function inReviewOrder(report: Report, persons: ReportPerson[]): ReportPerson[] {
  if (!hasReviewInput(report)) return persons;
  // Array.prototype.sort is stable: equal ranks keep report order.
  return persons.sort((a, b) => reviewRank(a.findings) - reviewRank(b.findings));
}

/** Flagged persons, new ones first when the run had review input (`inReviewOrder`). */
export function flaggedPersons(report: Report): ReportPerson[] {
  return inReviewOrder(report, report.persons.filter(isFlagged));
}

/** Persons with any finding, suppressed or not, new ones first when the run had review input (`inReviewOrder`). */
export function personsWithFindings(report: Report): ReportPerson[] {
  return inReviewOrder(
    report,
    report.persons.filter((person) => person.findings.length > 0),
  );
}

export function highestSeverity(findings: readonly Finding[]): Severity | null {
  let highest: Severity | null = null;
  for (const finding of findings) {
    if (highest === null || severityRank(finding.severity) > severityRank(highest)) highest = finding.severity;
  }
  return highest;
}

export function countByCategory(findings: readonly Finding[]): Record<Category, number> {
  const counts = Object.fromEntries(CATEGORIES.map((category) => [category, 0])) as Record<Category, number>;
  for (const finding of findings) counts[finding.category] += 1;
  return counts;
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts = Object.fromEntries(SEVERITIES.map((severity) => [severity, 0])) as Record<Severity, number>;
  for (const finding of findings) counts[finding.severity] += 1;
  return counts;
}

/** `text: "coblos"; target_account: "ridwankamil"`: what triggered the rule, in one line. */
export function matchedSummary(finding: Finding): string {
  return finding.evidence.matched.map((match) => `${match.field}: "${match.value}"`).join('; ');
}

export type ReportCandidate = Report['election']['candidates'][number];

/**
 * `01 Ridwan Kamil–Suswono`: ballot number (two digits) and the pair's names, as voters know them; a finding's
 * candidate id the election does not list (an older report, a custom rule) is shown as it is.
 */
export function candidateLabelFor(id: string, candidates: readonly ReportCandidate[]): string {
  const candidate = candidates.find((c) => c.id === id);
  if (candidate === undefined) return id;
  // An older report may list a candidate without names: its id then stands for them.
  return candidateLabel(
    candidate.names.length > 0 ? candidate : { names: [candidate.id], number: candidate.number },
    'listed',
  );
}

/** `01 Ridwan Kamil–Suswono (menentang)`: the candidate and which way the finding leans toward them; `—` for none. */
export function candidateWithStance(
  finding: Finding,
  candidates: readonly ReportCandidate[],
  stances: Record<Stance, string>,
): string {
  if (finding.candidate === null) return '—';
  const label = candidateLabelFor(finding.candidate, candidates);
  return finding.stance === null ? label : `${label} (${stances[finding.stance]})`;
}

export function sourceRef(finding: Finding): string {
  return `${finding.activity.source.file}:${finding.activity.source.line}`;
}

export interface AgencySummary {
  agency: string;
  persons: number;
  flagged: number;
  findings: number;
  suppressed: number;
}

/** Per agency, sorted by active findings (most first), then by name, for a stable order. */
export function summariseByAgency(report: Report): AgencySummary[] {
  const byAgency = new Map<string, AgencySummary>();
  for (const person of report.persons) {
    const row = byAgency.get(person.agency) ?? {
      agency: person.agency,
      persons: 0,
      flagged: 0,
      findings: 0,
      suppressed: 0,
    };
    const active = activeFindings(person).length;
    row.persons += 1;
    row.flagged += active > 0 ? 1 : 0;
    row.findings += active;
    row.suppressed += person.findings.length - active;
    byAgency.set(person.agency, row);
  }
  return [...byAgency.values()].sort((a, b) => b.findings - a.findings || compareCodeUnits(a.agency, b.agency));
}
