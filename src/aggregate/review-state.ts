// How a baseline and a decisions file join into one state per finding: open, or closed (and why).
//
// The model: a finding is OPEN until something closes it. `--baseline` closes every fingerprint it holds
// (an earlier report: all its findings count as reviewed; `suppressed: true`, `review: null`). A decision of
// `--decisions` is more specific and wins over the baseline: confirmed, dismissed and escalated close the finding
// (`suppressed: true`, the decision's reason as the suppression), needs_evidence keeps it open even when the
// baseline holds it. `--fail-on` and every "flagged" count look at open findings only.
import type { Finding } from '../schemas/report-schema.js';
import type { Suppression } from '../load/baseline.js';
import type { Decision } from '../load/decisions.js';
import { OPEN_STATUSES } from '../shared/types.js';

export interface ReviewInputs {
  baseline: ReadonlyMap<string, Suppression>;
  decisions: ReadonlyMap<string, Decision>;
}

export const NO_REVIEW_INPUTS: ReviewInputs = { baseline: new Map(), decisions: new Map() };

export function reviewStateOf(
  fingerprint: string,
  inputs: ReviewInputs,
): Pick<Finding, 'suppressed' | 'suppression' | 'review'> {
  const decision = inputs.decisions.get(fingerprint);
  if (decision) {
    const review = {
      status: decision.status,
      reviewer: decision.reviewer,
      reason: decision.reason,
      date: decision.date,
    };
    if (OPEN_STATUSES.has(decision.status)) return { suppressed: false, suppression: null, review };
    return {
      suppressed: true,
      suppression: { reason: decision.reason, reviewer: decision.reviewer, date: decision.date },
      review,
    };
  }
  const suppression = inputs.baseline.get(fingerprint);
  if (!suppression) return { suppressed: false, suppression: null, review: null };
  return {
    suppressed: true,
    suppression: { reason: suppression.reason, reviewer: suppression.reviewer, date: suppression.date },
    review: null,
  };
}

/** Open: nobody closed it (unreviewed and not in the baseline), or the reviewer asked for more evidence. */
export function isOpenFinding(finding: Pick<Finding, 'suppressed' | 'review'>): boolean {
  const review = finding.review ?? null;
  if (review !== null) return OPEN_STATUSES.has(review.status);
  return !finding.suppressed;
}

/** New: nobody has decided it and no baseline holds it, so no reviewer has seen it yet. */
export function isNewFinding(finding: Pick<Finding, 'suppressed' | 'review'>): boolean {
  return (finding.review ?? null) === null && !finding.suppressed;
}

/**
 * Where findings stand in a reviewer's reading order: 0 when one of them is new, 1 when one is still open
 * (needs_evidence), 2 when all are closed. Acts and persons are listed by it, lowest first.
 */
export function reviewRank(findings: readonly Pick<Finding, 'suppressed' | 'review'>[]): 0 | 1 | 2 {
  if (findings.some(isNewFinding)) return 0;
  return findings.some(isOpenFinding) ? 1 : 2;
}
