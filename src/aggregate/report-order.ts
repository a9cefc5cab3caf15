// Ordering: the total, input-order-free orders of the report's lists, so that the same rows in any order (or split
// into shards and merged) give the same bytes.
import type { Finding, Report, ReportPerson } from '../schemas/report-schema.js';
import { SEVERITIES, severityRank } from '../shared/types.js';
import { compareCodeUnits as cmp } from '../shared/compare.js';
import { isOpenFinding } from './review-state.js';

/** Most severe first, then oldest, then rule and fingerprint: a total order. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    severityRank(b.severity) - severityRank(a.severity) ||
    cmp(a.activity.timestamp ?? '', b.activity.timestamp ?? '') ||
    cmp(a.rule, b.rule) ||
    cmp(a.fingerprint, b.fingerprint)
  );
}

export const sortSkipped = (list: Report['skipped_inputs']) => [...list].sort((a, b) => cmp(a.path, b.path));

export const sortNotActivity = (list: Report['not_activity']) =>
  [...list].sort((a, b) => cmp(a.path, b.path) || cmp(a.reason, b.reason));

export const sortUnmatched = (list: Report['unmatched_accounts']) =>
  [...list].sort((a, b) => b.rows - a.rows || cmp(a.platform, b.platform) || cmp(a.account, b.account));

export const sortRejected = (list: Report['rejected']) =>
  [...list].sort((a, b) => cmp(a.file, b.file) || a.line - b.line || cmp(a.reason, b.reason));

export const sortUnreadColumns = (list: Report['unread_columns']) => [...list].sort((a, b) => cmp(a.file, b.file));

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
