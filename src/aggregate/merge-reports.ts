// Reports of shards (one scan per part of the inputs, over the same election and rules, and the same roster or
// rosters that are parts of one union roster) merged into the report one scan of all the inputs with that roster would
// have written: findings per person united, everything counted again.
import {
  CANCELLED_LISTED,
  REJECTED_LISTED,
  type Finding,
  type Report,
  type ReportPerson,
} from '../schemas/report-schema.js';
import { compareCodeUnits as cmp } from '../shared/compare.js';
import { AuditError, type Problem } from '../shared/errors.js';
import type { Person, Roster } from '../shared/types.js';
import { summaryByAgency, summaryByCandidate } from './acts.js';
import { countFindings, reportPerson, staleOf, withNearestHandles } from './build-report.js';
import { mergeReasonCounts } from './rejection-reasons.js';
import {
  sortCancelled,
  sortNotActivity,
  sortUnreadColumns,
  sortPersons,
  sortRejected,
  sortSkipped,
  sortUnmatched,
} from './report-order.js';

export interface ReportPart {
  /** Where the report was read from, for messages. */
  file: string;
  report: Report;
}

/**
 * Shards over different rosters (one per agency or region): the roster one scan of all the inputs would use, and
 * each shard's own roster, in the order of the parts (read from the file its report names, sha256 checked).
 */
export interface MergeRosters {
  union: Roster;
  shards: readonly Roster[];
}

/** What must be the same in every shard, and how to say which. */
const SAME: { field: string; what: string; of: (r: Report) => unknown }[] = [
  { field: 'tool.version', what: 'asn-audit version', of: (r) => r.tool.version },
  { field: 'lang', what: 'report language (--lang)', of: (r) => r.lang },
  { field: 'rules.sha256', what: 'rule pack', of: (r) => r.rules.sha256 },
  { field: 'election.sha256', what: 'election file', of: (r) => r.election.sha256 },
  { field: 'roster.sha256', what: 'roster', of: (r) => r.roster.sha256 },
  {
    field: 'window',
    what: 'window (--since/--until)',
    of: (r) => `${r.window.since ?? '-'}..${r.window.until ?? '-'}`,
  },
];

/**
 * The shards in the order given, which should be the order of their inputs in a single scan: inputs are listed in
 * that order, and an act read in two shards is one finding kept at its first source, as in a single scan.
 */
export function mergeReports(parts: readonly ReportPart[], rosters?: MergeRosters): Report {
  const [first] = parts;
  if (!first) throw new AuditError('merge needs at least one report');
  checkCompatible(parts, rosters === undefined);
  checkInputsDisjoint(parts);
  if (rosters) checkRostersUnite(parts, rosters);

  const findingsByNip = new Map<
    string,
    { person: Omit<ReportPerson, 'findings' | 'acts'>; findings: Map<string, Finding> }
  >();
  for (const { report } of parts)
    for (const { findings, acts: _acts, ...person } of report.persons) {
      let entry = findingsByNip.get(person.nip);
      if (!entry) findingsByNip.set(person.nip, (entry = { person, findings: new Map() }));
      for (const finding of findings)
        if (!entry.findings.has(finding.fingerprint)) entry.findings.set(finding.fingerprint, finding);
    }
  const persons = [...findingsByNip.values()].map((e) => reportPerson(e.person, e.findings.values()));
  sortPersons(persons);
  const counted = countFindings(persons);
  const reports = parts.map((p) => p.report);
  const sum = (of: (s: Report['summary']) => number) => reports.reduce((total, r) => total + of(r.summary), 0);
  const all = <T>(of: (r: Report) => readonly T[]) => reports.flatMap(of);

  const unmatched = new Map<string, Report['unmatched_accounts'][number]>();
  for (const u of all((r) => r.unmatched_accounts)) {
    const key = `${u.platform}\u0000${u.account}`;
    const seen = unmatched.get(key);
    unmatched.set(key, seen ? { ...seen, rows: seen.rows + u.rows } : { ...u });
  }
  const flagged = new Set(persons.map((p) => p.nip));
  // Over one roster, a gap of the merged run is a gap of every shard: no accounts in the roster, and findings in no
  // shard. Over a union roster, its gaps are found as a scan finds them.
  const gaps = rosters
    ? rosterGaps(rosters.union, flagged)
    : first.report.summary.roster_gaps.filter(
        (g) => !flagged.has(g.nip) && reports.every((r) => r.summary.roster_gaps.some((o) => o.nip === g.nip)),
      );
  const roster = rosters
    ? { file: rosters.union.file, sha256: rosters.union.sha256, persons: rosters.union.persons.length }
    : first.report.roster;
  const byFingerprint = <T extends { fingerprint: string }>(list: T[]) => [
    ...new Map(list.map((e) => [e.fingerprint, e])).values(),
  ];
  return {
    ...first.report,
    inputs: all((r) => r.inputs),
    roster,
    summary: {
      rows_read: sum((s) => s.rows_read),
      rows_evaluated: sum((s) => s.rows_evaluated),
      rows_rejected: sum((s) => s.rows_rejected),
      rows_blank: sum((s) => s.rows_blank),
      rejected_by_reason: mergeReasonCounts(reports.map((r) => r.summary.rejected_by_reason)),
      rows_unmatched: sum((s) => s.rows_unmatched),
      rows_outside_window: sum((s) => s.rows_outside_window),
      persons: roster.persons,
      persons_flagged: counted.personsFlagged,
      findings: counted.findings,
      acts: counted.acts,
      findings_cancelled: sum((s) => s.findings_cancelled),
      suppressed: counted.suppressed,
      by_category: counted.byCategory,
      by_severity: counted.bySeverity,
      roster_gaps: gaps.sort((a, b) => cmp(a.nip, b.nip)),
      // Stale in the merge: listed as stale by some shard, and matched by no finding of any shard.
      stale_suppressions: staleOf(byFingerprint(all((r) => r.summary.stale_suppressions)), counted.seen),
      by_review: counted.byReview,
      stale_decisions: staleOf(byFingerprint(all((r) => r.summary.stale_decisions)), counted.seen),
      by_agency: summaryByAgency(persons),
      by_candidate: summaryByCandidate(persons),
    },
    persons,
    skipped_inputs: sortSkipped(all((r) => r.skipped_inputs)),
    not_activity: sortNotActivity(all((r) => r.not_activity)),
    unread_columns: sortUnreadColumns(all((r) => r.unread_columns ?? [])),
    // Over a union roster, the nearest handle may sit in another shard's roster: look again in the union.
    unmatched_accounts: sortUnmatched(
      rosters ? withNearestHandles([...unmatched.values()], rosters.union.byAccount.keys()) : [...unmatched.values()],
    ),
    // Each shard lists at most REJECTED_LISTED, as one scan does; the merge keeps the bound.
    rejected: sortRejected(all((r) => r.rejected)).slice(0, REJECTED_LISTED),
    // Each shard lists at most CANCELLED_LISTED; the merge keeps the bound (exact when the total is within it).
    cancelled_findings: sortCancelled(all((r) => r.cancelled_findings)).slice(0, CANCELLED_LISTED),
  };
}

function checkCompatible(parts: readonly ReportPart[], sameRoster: boolean): void {
  const [first, ...rest] = parts as [ReportPart, ...ReportPart[]];
  const same = sameRoster ? SAME : SAME.filter((s) => s.field !== 'roster.sha256');
  const problems = rest.flatMap((part) =>
    same
      .filter((s) => s.of(part.report) !== s.of(first.report))
      .map((s) => ({
        file: part.file,
        field: s.field,
        message: `${s.what} differs from ${first.file} (${String(s.of(part.report))} here, ${String(s.of(first.report))} there)`,
      })),
  );
  if (problems.length > 0)
    throw new AuditError(
      problems,
      sameRoster
        ? 'merge combines shards of one audit: scan every part with the same asn-audit, --lang, rules, election, roster and window; shards over different rosters (one per agency or region) need --roster naming the union roster'
        : 'merge combines shards of one audit: scan every part with the same asn-audit, --lang, rules, election and window',
    );
}

/** The same input file in two shards would count its rows twice. */
function checkInputsDisjoint(parts: readonly ReportPart[]): void {
  const owner = new Map<string, string>();
  const problems = [];
  for (const [index, part] of parts.entries())
    for (const input of part.report.inputs) {
      // Keyed by the shard's position too: the same report given twice is caught like two shards of one file.
      const key = `${input.path}\u0000${input.sha256}`;
      const earlier = owner.get(key);
      if (earlier !== undefined && !earlier.startsWith(`${index}\u0000`))
        problems.push({
          file: part.file,
          message: `input ${input.path} was scanned in ${earlier.split('\u0000')[1]} as well`,
        });
      else owner.set(key, `${index}\u0000${part.file}`);
    }
  if (problems.length > 0)
    throw new AuditError(problems, 'give each input file to one shard only, or its rows are counted twice');
}

/** What a roster says of a person that a scan uses: the report's name, agency and position, and the accounts. */
function personFields(person: Person): Record<'name' | 'agency' | 'position' | 'accounts', string> {
  return {
    name: person.name,
    agency: person.agency,
    position: person.position,
    accounts: person.accounts
      .map((a) => `${a.platform}:${a.handle}`)
      .sort(cmp)
      .join(' '),
  };
}

/** How a shard roster's person differs from the union's, or null when they agree. */
function disagreement(person: Person, union: Roster): string | null {
  const theirs = union.byNip.get(person.nip);
  if (!theirs) return `NIP ${person.nip} (${person.name}) is not in the union roster ${union.file}`;
  const ours = personFields(person);
  const other = personFields(theirs);
  const fields = (Object.keys(ours) as (keyof typeof ours)[]).filter((f) => ours[f] !== other[f]);
  if (fields.length === 0) return null;
  const said = fields.map((f) => `${f} "${ours[f]}" here, "${other[f]}" there`).join('; ');
  return `NIP ${person.nip} differs from ${union.file} line ${theirs.source.line}: ${said}`;
}

/**
 * Each shard's roster is a part of the union roster: every person in it is in the union with the same name, agency,
 * position and accounts (so two shard rosters that disagree on a person are refused too), and no row a shard left
 * unmatched belongs to a union person (one scan would have evaluated it: give such rows to the shard of that person).
 */
function checkRostersUnite(parts: readonly ReportPart[], rosters: MergeRosters): void {
  const { union } = rosters;
  const problems: Problem[] = [];
  for (const [index, part] of parts.entries()) {
    const roster = rosters.shards[index]!;
    for (const person of roster.persons) {
      const message = disagreement(person, union);
      if (message)
        problems.push({ file: roster.file, line: person.source.line, message: `${message} (shard ${part.file})` });
    }
    for (const u of part.report.unmatched_accounts) {
      const nip = u.account.startsWith('nip ') ? u.account.slice(4) : union.byAccount.get(`${u.platform}:${u.account}`);
      if (nip === undefined || !union.byNip.has(nip)) continue;
      problems.push({
        file: part.file,
        message: `${u.rows} row(s) of ${u.platform} ${u.account} are unmatched in this shard, but ${union.file} lists them for NIP ${nip}: scan them in the shard whose roster has that person`,
      });
    }
  }
  if (problems.length > 0)
    throw new AuditError(
      problems,
      'merge over different rosters needs each shard roster to be a part of the union roster (--roster), agreeing on every person they share',
    );
}

/** Persons with no account to monitor and no finding: the roster gaps a scan over `roster` reports. */
function rosterGaps(roster: Roster, flagged: ReadonlySet<string>): Report['summary']['roster_gaps'] {
  return roster.persons
    .filter((p) => p.accounts.length === 0 && !flagged.has(p.nip))
    .map((p) => ({ nip: p.nip, name: p.name, agency: p.agency }))
    .sort((a, b) => cmp(a.nip, b.nip));
}
