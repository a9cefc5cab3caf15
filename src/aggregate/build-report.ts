// Gathers findings per person during the scan and assembles the report in a total, input-order-free order.
import {
  CANCELLED_LISTED,
  REJECTED_LISTED,
  type Finding,
  type Report,
  type ReportPerson,
} from '../schemas/report-schema.js';
import type { Election } from '../shared/types.js';
import type { Roster } from '../shared/types.js';
import type { Cancellation, Match } from '../rules/evaluate.js';
import type { Activity, Category, Lang, Person, Rejection, Severity } from '../shared/types.js';
import { CATEGORIES, SEVERITIES, severityRank } from '../shared/types.js';
import { compareCodeUnits as cmp } from '../shared/compare.js';
import { fingerprint } from './fingerprint.js';
import { RejectionTally } from './rejection-reasons.js';
import { isOpenFinding, reviewStateOf, type ReviewInputs } from './review-state.js';
import { actsOf, summaryByAgency, summaryByCandidate } from './acts.js';
import { describeTime, fillMessage, timeCheckRecord } from './wording.js';
import { uiLabels } from '../shared/labels/index.js';
import { candidateLabel } from '../shared/candidate-label.js';
import { localDay } from '../shared/local-time.js';

export interface ScanCounts {
  rowsRead: number;
  rowsEvaluated: number;
  rowsRejected: number;
  rowsUnmatched: number;
  rowsOutsideWindow: number;
}

/** Everything the scan accumulates; its size grows with findings, rejections and distinct unmatched accounts, never with rows. */
export class ScanResult {
  readonly counts: ScanCounts = {
    rowsRead: 0,
    rowsEvaluated: 0,
    rowsRejected: 0,
    rowsUnmatched: 0,
    rowsOutsideWindow: 0,
  };
  readonly findingsByNip = new Map<string, Map<string, Finding>>();
  readonly rejected: Rejection[] = [];
  readonly rejectedByReason = new RejectionTally();
  readonly unmatched = new Map<string, number>();
  readonly cancelled: Report['cancelled_findings'] = [];
  cancelledCount = 0;

  constructor(
    private readonly election: Election,
    private readonly lang: Lang,
    private readonly review: ReviewInputs,
  ) {}

  reject(rejection: Rejection): void {
    this.counts.rowsRejected++;
    this.rejectedByReason.add(rejection.reason);
    if (this.rejected.length < REJECTED_LISTED) this.rejected.push(rejection);
  }

  unmatchedAccount(activity: Activity): void {
    this.counts.rowsUnmatched++;
    const key = `${activity.platform}\u0000${activity.account ?? `nip ${activity.nip}`}`;
    this.unmatched.set(key, (this.unmatched.get(key) ?? 0) + 1);
  }

  /** A finding an exception or a stronger contrary finding cancelled: counted, and listed up to a bound. */
  cancel(activity: Activity, cancellation: Cancellation): void {
    this.cancelledCount++;
    if (this.cancelled.length >= CANCELLED_LISTED) return;
    const { match, reason } = cancellation;
    this.cancelled.push({
      file: activity.source.file,
      line: activity.source.line,
      rule: match.rule.rule.id,
      candidate: match.candidate?.id ?? null,
      stance: match.stance,
      exception: reason.kind === 'exception' ? `${reason.condition}: ${reason.matched}` : null,
      contradicted_by: reason.kind === 'contradicted' ? reason.by : null,
    });
  }

  add(person: Person, activity: Activity, match: Match): void {
    const rule = match.rule.rule;
    const candidateId = match.candidate?.id ?? null;
    const fp = fingerprint(rule.id, candidateId, person.nip, activity);
    let findings = this.findingsByNip.get(person.nip);
    if (!findings) this.findingsByNip.set(person.nip, (findings = new Map()));
    // The same act read twice (two exports of one account) is one finding, kept at its first source.
    if (findings.has(fp)) return;
    const legal = rule.legal[match.basis]!;
    const lang = this.lang;
    const timeCheck = timeCheckRecord(match.time);
    const values = {
      candidate: match.candidate ? candidateLabel(match.candidate, 'in_sentence') : '',
      target: activity.targetAccount ? `@${activity.targetAccount}` : '',
      matched: match.evidence.map((e) => e.value).join(', '),
      event: activity.event,
    };
    findings.set(fp, {
      fingerprint: fp,
      rule: rule.id,
      category: rule.category,
      basis: match.basis,
      severity: rule.severity,
      candidate: candidateId,
      stance: match.stance,
      title: rule.title[lang],
      message: fillMessage(rule.message[lang], values),
      legal: {
        skb: legal.skb,
        sanction: legal.sanction,
        sanction_label: uiLabels(lang).sanctionLabel[legal.sanction],
        refs: legal.refs,
      },
      activity: {
        id: activity.id,
        platform: activity.platform,
        account: activity.account,
        type: activity.type,
        timestamp: activity.timestamp,
        url: activity.url,
        text: excerpt(activity.text),
        target_account: activity.targetAccount,
        target_text: excerpt(activity.targetText),
        event: activity.event,
        tags: activity.tags,
        source: { file: activity.source.file, line: activity.source.line },
      },
      evidence: {
        matched: match.evidence.map((e) => ({ condition: e.condition, field: e.field, value: e.value })),
        time: describeTime(timeCheck, match.candidate, this.election.timeZone, lang),
        time_check: timeCheck,
        phase: phaseAt(this.election, match.time.kind === 'undated' ? null : match.time.at),
      },
      confidence: match.confidence,
      ...reviewStateOf(fp, this.review),
    });
  }
}

/** Posts are short; a field of megabytes is kept to its start in the report (the source file and line hold the rest). */
export const MAX_EVIDENCE_CHARS = 20_000;

function excerpt(text: string): string {
  if (text.length <= MAX_EVIDENCE_CHARS) return text;
  return `${text.slice(0, MAX_EVIDENCE_CHARS)} […${(text.length - MAX_EVIDENCE_CHARS).toLocaleString('en-US')} more characters in the source row]`;
}

function localDayOf(ms: number, timeZone: string): string {
  return localDay(new Date(ms).toISOString(), timeZone) ?? '';
}

function phaseAt(election: Election, at: number | null): string | null {
  if (at === null) return null;
  return election.phases.find((p) => at >= p.from && at <= p.to)?.id ?? null;
}

/** Most severe first, then oldest, then rule and fingerprint: a total order. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    severityRank(b.severity) - severityRank(a.severity) ||
    cmp(a.activity.timestamp ?? '', b.activity.timestamp ?? '') ||
    cmp(a.rule, b.rule) ||
    cmp(a.fingerprint, b.fingerprint)
  );
}

export interface ReportContext {
  version: string;
  lang: Lang;
  inputs: Report['inputs'];
  skippedInputs: Report['skipped_inputs'];
  notActivity: Report['not_activity'];
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
  const unmatched = [...result.unmatched.entries()].map(([key, rows]) => {
    const [platform, account] = key.split('\u0000') as [string, string];
    return { platform, account, rows };
  });
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
    unmatched_accounts: sortUnmatched(unmatched),
    rejected: sortRejected(result.rejected),
    cancelled_findings: sortCancelled(result.cancelled),
  };
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

export const sortSkipped = (list: Report['skipped_inputs']) => [...list].sort((a, b) => cmp(a.path, b.path));

export const sortNotActivity = (list: Report['not_activity']) =>
  [...list].sort((a, b) => cmp(a.path, b.path) || cmp(a.reason, b.reason));

export const sortUnmatched = (list: Report['unmatched_accounts']) =>
  [...list].sort((a, b) => b.rows - a.rows || cmp(a.platform, b.platform) || cmp(a.account, b.account));

export const sortRejected = (list: readonly Rejection[]) =>
  [...list].sort((a, b) => cmp(a.file, b.file) || a.line - b.line || cmp(a.reason, b.reason));

export const sortCancelled = (list: Report['cancelled_findings']) =>
  [...list].sort(
    (a, b) =>
      cmp(a.file, b.file) || a.line - b.line || cmp(a.rule, b.rule) || cmp(a.candidate ?? '', b.candidate ?? ''),
  );

/** Highest open severity first, then most open findings, then NIP: a total order. */
export function sortPersons(persons: ReportPerson[]): void {
  // Keys computed once per person, not in every comparison.
  const keys = new Map(
    persons.map((p) => {
      // Any open finding outranks every closed one: open severities count above all of SEVERITIES.
      let top = Number.NEGATIVE_INFINITY;
      let open = 0;
      for (const f of p.findings) {
        const isOpen = isOpenFinding(f);
        top = Math.max(top, severityRank(f.severity) + (isOpen ? SEVERITIES.length : 0));
        if (isOpen) open++;
      }
      return [p, { top, open }] as const;
    }),
  );
  persons.sort((a, b) => {
    const ka = keys.get(a)!;
    const kb = keys.get(b)!;
    return kb.top - ka.top || kb.open - ka.open || b.findings.length - a.findings.length || cmp(a.nip, b.nip);
  });
}
