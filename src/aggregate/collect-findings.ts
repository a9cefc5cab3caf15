// Collecting findings: what the scan accumulates row by row (counts, findings per person with their fingerprint,
// rejections, unmatched accounts, cancelled findings), in reading order. Ordering is report-order.ts, the report
// itself build-report.ts.
import { CANCELLED_LISTED, REJECTED_LISTED, type Report } from '../schemas/report-schema.js';
import type { Finding } from '../schemas/report-schema.js';
import type { Cancellation, Match } from '../rules/evaluate.js';
import type { Activity, Election, Lang, Person, Rejection } from '../shared/types.js';
import { fingerprint } from './fingerprint.js';
import { RejectionTally } from './rejection-reasons.js';
import { reviewStateOf, type ReviewInputs } from './review-state.js';
import { describeTime, fillMessage, timeCheckRecord } from './wording.js';
import { rejectionText, uiLabels } from '../shared/labels/index.js';
import { candidateLabel } from '../shared/candidate-label.js';

export interface ScanCounts {
  rowsRead: number;
  rowsEvaluated: number;
  rowsRejected: number;
  /** Blank rows skipped by the readers (see InputFile.blankRows); not in rowsRead. */
  rowsBlank: number;
  rowsUnmatched: number;
  rowsOutsideWindow: number;
}

/** Everything the scan accumulates; its size grows with findings, rejections and distinct unmatched accounts, never with rows. */
export class ScanResult {
  readonly counts: ScanCounts = {
    rowsRead: 0,
    rowsEvaluated: 0,
    rowsRejected: 0,
    rowsBlank: 0,
    rowsUnmatched: 0,
    rowsOutsideWindow: 0,
  };
  readonly findingsByNip = new Map<string, Map<string, Finding>>();
  readonly rejected: Report['rejected'] = [];
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
    const text = rejectionText(this.lang, rejection);
    this.rejectedByReason.add(text);
    if (this.rejected.length < REJECTED_LISTED) {
      const { file, line, reason } = rejection;
      this.rejected.push({ file, line, code: reason.code, reason: text });
    }
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

function phaseAt(election: Election, at: number | null): string | null {
  if (at === null) return null;
  return election.phases.find((p) => at >= p.from && at <= p.to)?.id ?? null;
}
