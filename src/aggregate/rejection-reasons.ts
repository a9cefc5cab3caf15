// Rejected rows counted per kind of reason, so a report of millions of bad rows still says what was wrong with them
// after listing only the first REJECTED_LISTED.
import { compareCodeUnits as cmp } from '../shared/compare.js';

/**
 * How many kinds of reason are counted apart; the rest share OTHER_REASONS. A reason that quotes free text
 * unquoted (a timestamp as written) gives a kind per value, and millions of them must not grow memory.
 */
export const REASON_KINDS_COUNTED = 100;

/** The kind that gathers the rejections past REASON_KINDS_COUNTED kinds. */
export const OTHER_REASONS = 'other reasons';

/**
 * The kind of a reason: the reason with what varies from row to row (quoted values, numbers) replaced, so
 * `nip "1234" is not 18 digits` and `nip "99" is not 18 digits` are one kind, `nip "…" is not # digits`.
 */
export function reasonKind(reason: string): string {
  return reason.replace(/"(?:[^"\\]|\\.)*"/g, '"…"').replace(/\d+/g, '#');
}

export interface ReasonCount {
  reason: string;
  rows: number;
}

/** Counts rejections per reason kind, in memory bounded by REASON_KINDS_COUNTED whatever the number of rows. */
export class RejectionTally {
  private readonly counts = new Map<string, number>();

  add(reason: string, rows = 1): void {
    let kind = reasonKind(reason);
    if (!this.counts.has(kind) && this.counts.size >= REASON_KINDS_COUNTED) kind = OTHER_REASONS;
    this.counts.set(kind, (this.counts.get(kind) ?? 0) + rows);
  }

  /** Most rows first, then by reason: the same order whatever order the rows came in. */
  list(): ReasonCount[] {
    return [...this.counts]
      .map(([reason, rows]) => ({ reason, rows }))
      .sort((a, b) => b.rows - a.rows || cmp(a.reason, b.reason));
  }
}

/** The counts of several reports (shards of one run) as one: the same kinds add up. */
export function mergeReasonCounts(lists: readonly (readonly ReasonCount[])[]): ReasonCount[] {
  const tally = new RejectionTally();
  for (const list of lists) for (const count of list) tally.add(count.reason, count.rows);
  return tally.list();
}
