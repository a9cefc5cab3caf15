// Building the report: the collected findings per person, ordered (report-order.ts) and counted, with the run's
// context, as one asn-audit/report@1. A merge of reports (merge-reports.ts) reuses the per-person and count steps.
import type { Finding, Report, ReportPerson } from '../schemas/report-schema.js';
import type { Category, Election, Lang, Roster, Severity } from '../shared/types.js';
import { CATEGORIES, SEVERITIES } from '../shared/types.js';
import { compareCodeUnits as cmp } from '../shared/compare.js';
import { isOpenFinding, type ReviewInputs } from './review-state.js';
import { actsOf, summaryByAgency, summaryByCandidate } from './acts.js';
import { localDay } from '../shared/local-time.js';
import { nearestRosterHandles } from './nearest-handle.js';
import type { ScanResult } from './collect-findings.js';
import {
  compareFindings,
  sortCancelled,
  sortNotActivity,
  sortPersons,
  sortRejected,
  sortSkipped,
  sortUnmatched,
  sortUnreadColumns,
} from './report-order.js';

export interface ReportContext {
  version: string;
  lang: Lang;
  inputs: Report['inputs'];
  skippedInputs: Report['skipped_inputs'];
  notActivity: Report['not_activity'];
  /** Absent: no file had a column that is not read. */
  unreadColumns?: Report['unread_columns'];
  rules: Report['rules'];
  election: Election;
  roster: Roster;
  window: Report['window'];
  review: ReviewInputs;
}

export function buildReport(result: ScanResult, ctx: ReportContext): Report {
  const persons: ReportPerson[] = [];
  for (const [nip, map] of result.findingsByNip) {
    const person = ctx.roster.byNip.get(nip)!;
    persons.push(
      reportPerson({ nip, name: person.name, agency: person.agency, position: person.position }, map.values()),
    );
  }
  sortPersons(persons);
  const counted = countFindings(persons);
  const unmatched = withNearestHandles(
    [...result.unmatched.entries()].map(([key, rows]) => {
      const [platform, account] = key.split('\u0000') as [string, string];
      return { platform, account, rows };
    }),
    ctx.roster.byAccount.keys(),
  );
  return {
    schema: 'asn-audit/report@1',
    tool: { name: 'asn-audit', version: ctx.version },
    lang: ctx.lang,
    inputs: ctx.inputs,
    rules: ctx.rules,
    election: {
      name: ctx.election.name,
      file: ctx.election.file,
      sha256: ctx.election.sha256,
      timezone: ctx.election.timeZone,
      phases: ctx.election.phases.map((p) => ({
        id: p.id,
        name: p.name,
        from: localDayOf(p.from, ctx.election.timeZone),
        to: localDayOf(p.to, ctx.election.timeZone),
      })),
      candidates: ctx.election.candidates.map((c) => ({
        id: c.id,
        number: c.number,
        names: c.names,
        since: c.sinceText,
        designated: c.designatedText,
      })),
    },
    roster: { file: ctx.roster.file, sha256: ctx.roster.sha256, persons: ctx.roster.persons.length },
    window: ctx.window,
    summary: {
      rows_read: result.counts.rowsRead,
      rows_evaluated: result.counts.rowsEvaluated,
      rows_rejected: result.counts.rowsRejected,
      rows_blank: result.counts.rowsBlank,
      rejected_by_reason: result.rejectedByReason.list(),
      rows_unmatched: result.counts.rowsUnmatched,
      rows_outside_window: result.counts.rowsOutsideWindow,
      persons: ctx.roster.persons.length,
      persons_flagged: counted.personsFlagged,
      findings: counted.findings,
      acts: counted.acts,
      findings_cancelled: result.cancelledCount,
      suppressed: counted.suppressed,
      by_category: counted.byCategory,
      by_severity: counted.bySeverity,
      // A person with findings (rows named by NIP) is monitored after all: not a gap.
      roster_gaps: ctx.roster.persons
        .filter((p) => p.accounts.length === 0 && !result.findingsByNip.has(p.nip))
        .map((p) => ({ nip: p.nip, name: p.name, agency: p.agency }))
        .sort((a, b) => cmp(a.nip, b.nip)),
      // A baseline entry whose finding a decision took over is still used: its fingerprint is in this run.
      stale_suppressions: staleOf(
        [...ctx.review.baseline.values()].map((s) => ({ fingerprint: s.fingerprint, reason: s.reason })),
        counted.seen,
      ),
      by_review: counted.byReview,
      stale_decisions: staleOf(
        [...ctx.review.decisions.values()].map((d) => ({
          fingerprint: d.fingerprint,
          status: d.status,
          reviewer: d.reviewer,
          date: d.date,
        })),
        counted.seen,
      ),
      by_agency: summaryByAgency(persons),
      by_candidate: summaryByCandidate(persons),
    },
    persons,
    skipped_inputs: sortSkipped(ctx.skippedInputs),
    not_activity: sortNotActivity(ctx.notActivity),
    unread_columns: sortUnreadColumns(ctx.unreadColumns ?? []),
    unmatched_accounts: sortUnmatched(unmatched),
    rejected: sortRejected(result.rejected),
    cancelled_findings: sortCancelled(result.cancelled),
  };
}

/** Each unmatched account with the roster handle one typo away, as a hint (see nearest-handle.ts). */
export function withNearestHandles(
  unmatched: readonly { platform: string; account: string; rows: number }[],
  rosterAccounts: Iterable<string>,
): Report['unmatched_accounts'] {
  const nearest = nearestRosterHandles(unmatched, rosterAccounts);
  return unmatched.map((u) => ({ ...u, nearest: nearest.get(`${u.platform}:${u.account}`) ?? null }));
}

/** A person of the report: their findings in finding order, and their acts. */
export function reportPerson(
  person: Omit<ReportPerson, 'findings' | 'acts'>,
  findings: Iterable<Finding>,
): ReportPerson {
  const sorted = [...findings].sort(compareFindings);
  return { ...person, findings: sorted, acts: actsOf(sorted) };
}

/** The summary's counts that follow from the persons' findings alone (a merge of reports recounts them so). */
export function countFindings(persons: readonly ReportPerson[]) {
  const byCategory = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  const byReview = { unreviewed: 0, confirmed: 0, dismissed: 0, needs_evidence: 0, escalated: 0 };
  const seen = new Set<string>();
  let findings = 0;
  let acts = 0;
  let suppressed = 0;
  for (const person of persons) {
    for (const f of person.findings) {
      findings++;
      byCategory[f.category]++;
      bySeverity[f.severity]++;
      byReview[f.review?.status ?? 'unreviewed']++;
      seen.add(f.fingerprint);
      if (f.suppressed) suppressed++;
    }
    acts += person.acts.length;
  }
  // Flagged means at least one finding nobody has reviewed yet (as the table and every format count it).
  const personsFlagged = persons.filter((p) => p.findings.some(isOpenFinding)).length;
  return { findings, acts, suppressed, byCategory, bySeverity, byReview, personsFlagged, seen };
}

/** Baseline entries or decisions whose fingerprint no finding has, by fingerprint. */
export function staleOf<T extends { fingerprint: string }>(entries: readonly T[], seen: ReadonlySet<string>): T[] {
  return entries.filter((e) => !seen.has(e.fingerprint)).sort((a, b) => cmp(a.fingerprint, b.fingerprint));
}

function localDayOf(ms: number, timeZone: string): string {
  return localDay(new Date(ms).toISOString(), timeZone) ?? '';
}
