// The aggregate stage on its own: findings gathered per person, in an order that does not depend on the input's, with
// counts that add up, suppressions applied and the stale ones listed, and several findings of one act kept apart.
import { describe, expect, it } from 'vitest';
import { buildReport, type ReportContext } from '../../src/aggregate/build-report.js';
import { ScanResult } from '../../src/aggregate/collect-findings.js';
import type { Suppression } from '../../src/load/baseline.js';
import type { Decision } from '../../src/load/decisions.js';
import { NO_REVIEW_INPUTS } from '../../src/aggregate/review-state.js';
import { describeTimeFromReport } from '../../src/aggregate/wording.js';
import type { Match } from '../../src/rules/evaluate.js';
import type { Activity, Person, Roster } from '../../src/shared/types.js';
import { ELECTION, evaluateRules, type Fields } from '../helpers/middle.js';

function person(nip: string, name: string): Person {
  return {
    nip,
    name,
    agency: 'Dinas Uji',
    position: 'Staf',
    accounts: [{ platform: 'instagram', handle: name.toLowerCase() }],
    kind: 'pns',
    source: { file: 'roster.csv', line: 2 },
  };
}

const ANI = person('198001012005012001', 'Ani');
const BAMBANG = person('198202022006021002', 'Bambang');
const CICI = person('198303032007032003', 'Cici');
const GAP: Person = { ...person('198404042008041004', 'Dodi'), accounts: [] };
const PERSONS = [ANI, BAMBANG, CICI, GAP];
const ROSTER: Roster = {
  file: 'roster.csv',
  sha256: '1'.repeat(64),
  persons: PERSONS,
  byAccount: new Map(),
  byNip: new Map(PERSONS.map((p) => [p.nip, p])),
};

const RULES = [
  { id: 'high-name', severity: 'high', when: { terms: ['$candidate.names'] } },
  { id: 'low-tag', category: 'partisan_photo', severity: 'low', when: { tags: ['with:$candidate.id'] } },
  { id: 'medium-word', category: 'candidate_comment', when: { terms: ['coblos'] }, unless: [{ terms: ['simulasi'] }] },
];

interface Act {
  who: Person;
  line: number;
  fields: Fields;
}

/** Evaluates each act with RULES and gathers what a scan would: its findings and its cancelled findings. */
function scan(
  acts: Act[],
  suppressions: Suppression[] = [],
  decisions: Decision[] = [],
): ReturnType<typeof buildReport> {
  const byFingerprint = new Map(suppressions.map((s) => [s.fingerprint, s]));
  const review = { baseline: byFingerprint, decisions: new Map(decisions.map((d) => [d.fingerprint, d])) };
  const result = new ScanResult(ELECTION, 'en', review);
  for (const { who, line, fields } of acts) {
    const { matches, cancelled, act } = evaluateRules(RULES, fields, line);
    add(result, who, act, matches);
    for (const c of cancelled) result.cancel(act, c);
  }
  const ctx: ReportContext = {
    version: '0.0.0-test',
    lang: 'en',
    inputs: [],
    skippedInputs: [],
    notActivity: [],
    rules: { files: ['uji-rules.yaml'], sha256: '0'.repeat(64), count: RULES.length },
    election: ELECTION,
    roster: ROSTER,
    window: { since: null, until: null },
    review,
  };
  return buildReport(result, ctx);
}

function add(result: ScanResult, who: Person, act: Activity, matches: Match[]): void {
  for (const m of matches) result.add(who, act, m);
}

const ACTS: Act[] = [
  { who: BAMBANG, line: 2, fields: { text: 'coblos', timestamp: '2024-10-02 08:00' } },
  { who: ANI, line: 3, fields: { text: 'Andi Wijaya', timestamp: '2024-10-05 08:00' } },
  { who: CICI, line: 4, fields: { text: 'foto bersama', tags: 'with:citra', timestamp: '2024-10-01 08:00' } },
  { who: ANI, line: 5, fields: { text: 'coblos', timestamp: '2024-10-01 08:00' } },
  { who: BAMBANG, line: 6, fields: { text: 'coblos lagi', timestamp: '2024-10-03 08:00' } },
  // One act, two grounds: a name (high) and a tag (low).
  { who: CICI, line: 7, fields: { text: 'Citra Lestari', tags: 'with:citra', timestamp: '2024-10-04 08:00' } },
  { who: ANI, line: 8, fields: { text: 'simulasi coblos', timestamp: '2024-10-06 08:00' } },
];

const findingsOf = (report: ReturnType<typeof scan>) =>
  report.persons.map(
    (p) => `${p.name}: ${p.findings.map((f) => `${f.rule}@${f.activity.timestamp?.slice(5, 10)}`).join(' ')}`,
  );

describe('aggregate', () => {
  it('orders persons by their most severe open finding, then open count; findings by severity, then time', () => {
    expect(findingsOf(scan(ACTS))).toEqual([
      'Cici: high-name@10-04 low-tag@10-01 low-tag@10-04',
      'Ani: high-name@10-05 medium-word@10-01',
      'Bambang: medium-word@10-02 medium-word@10-03',
    ]);
  });

  it('gives the same report whatever order the acts come in', () => {
    const forward = JSON.stringify(scan(ACTS));
    expect(JSON.stringify(scan([...ACTS].reverse()))).toBe(forward);
    expect(JSON.stringify(scan([...ACTS.slice(3), ...ACTS.slice(0, 3)]))).toBe(forward);
  });

  it('counts findings by category and severity, cancelled findings, and roster gaps', () => {
    const { summary } = scan(ACTS);
    expect(summary.findings).toBe(7);
    expect(summary.by_severity).toEqual({ low: 2, medium: 3, high: 2 });
    expect(summary.by_category).toMatchObject({ endorsement_post: 2, partisan_photo: 2, candidate_comment: 3 });
    expect(Object.values(summary.by_category).reduce((a, b) => a + b, 0)).toBe(summary.findings);
    expect(summary.findings_cancelled).toBe(1);
    expect(summary.persons).toBe(4);
    expect(summary.persons_flagged).toBe(3);
    expect(summary.roster_gaps).toEqual([{ nip: GAP.nip, name: 'Dodi', agency: 'Dinas Uji' }]);
  });

  it('lists a cancelled finding with its source and the exception', () => {
    expect(scan(ACTS).cancelled_findings).toEqual([
      {
        file: 'uji.csv',
        line: 8,
        rule: 'medium-word',
        candidate: null,
        stance: null,
        exception: 'terms: simulasi',
        contradicted_by: null,
      },
    ]);
  });

  it('keeps several findings of one act apart, each with its own fingerprint and the same source', () => {
    const report = scan(ACTS);
    const cici = report.persons.find((p) => p.name === 'Cici')!;
    const sameAct = cici.findings.filter((f) => f.activity.timestamp?.startsWith('2024-10-04'));
    expect(sameAct.map((f) => f.rule)).toEqual(['high-name', 'low-tag']);
    expect(new Set(sameAct.map((f) => f.fingerprint)).size).toBe(2);
    expect(sameAct[0]!.activity.source).toEqual(sameAct[1]!.activity.source);
    expect(sameAct.every((f) => /^[0-9a-f]{24}$/.test(f.fingerprint))).toBe(true);
  });

  it('counts the same act read twice (two exports of one account) once, at its first source', () => {
    const act = ACTS[1]!;
    const twice = scan([act, { ...act, line: 90 }]);
    const findings = twice.persons[0]!.findings;
    expect(findings).toHaveLength(1);
    expect(twice.summary.findings).toBe(1);
    expect(findings[0]!.activity.source).toEqual({ file: 'uji.csv', line: act.line });
    expect(findings[0]!.fingerprint).toBe(scan([{ ...act, line: 90 }]).persons[0]!.findings[0]!.fingerprint);
  });

  it('marks suppressed findings, does not flag a person with only suppressed ones, and lists stale suppressions', () => {
    const first = scan(ACTS);
    const bambang = first.persons.find((p) => p.name === 'Bambang')!.findings;
    const suppressions: Suppression[] = [
      ...bambang.map((f) => ({ fingerprint: f.fingerprint, reason: 'reviewed', reviewer: 'tim', date: '2024-11-01' })),
      { fingerprint: 'ffffffffffffffffffffffff', reason: 'old finding', reviewer: null, date: null },
      { fingerprint: '000000000000000000000000', reason: 'older finding', reviewer: null, date: null },
    ];
    const report = scan(ACTS, suppressions);
    const b = report.persons.find((p) => p.name === 'Bambang')!;
    expect(b.findings.map((f) => [f.suppressed, f.suppression?.reason])).toEqual([
      [true, 'reviewed'],
      [true, 'reviewed'],
    ]);
    expect(report.summary.suppressed).toBe(2);
    expect(report.summary.findings).toBe(7);
    expect(report.summary.persons_flagged).toBe(2);
    // Only suppressed findings: Bambang goes last, after persons with open findings.
    expect(report.persons.map((p) => p.name)).toEqual(['Cici', 'Ani', 'Bambang']);
    expect(report.summary.stale_suppressions).toEqual([
      { fingerprint: '000000000000000000000000', reason: 'older finding' },
      { fingerprint: 'ffffffffffffffffffffffff', reason: 'old finding' },
    ]);
  });

  it('joins baseline and decisions: a decision wins, needs_evidence stays open, stale decisions are listed', () => {
    const first = scan(ACTS);
    const all = first.persons.flatMap((p) => p.findings);
    const [a, b, c] = all;
    const decision = (fingerprint: string, status: Decision['status']): Decision => ({
      fingerprint,
      status,
      reviewer: 'Rina',
      reason: `${status} by the panel`,
      date: '2024-11-02',
    });
    // The baseline holds every finding of the first run; decisions then speak for three of them, and one is stale.
    const baseline: Suppression[] = all.map((f) => ({
      fingerprint: f.fingerprint,
      reason: 'earlier report',
      reviewer: null,
      date: null,
    }));
    const report = scan(ACTS, baseline, [
      decision(a!.fingerprint, 'confirmed'),
      decision(b!.fingerprint, 'needs_evidence'),
      decision(c!.fingerprint, 'dismissed'),
      decision('ffffffffffffffffffffffff', 'escalated'),
    ]);
    const byFp = new Map(report.persons.flatMap((p) => p.findings).map((f) => [f.fingerprint, f]));
    expect(byFp.get(a!.fingerprint)).toMatchObject({
      suppressed: true,
      suppression: { reason: 'confirmed by the panel', reviewer: 'Rina', date: '2024-11-02' },
      review: { status: 'confirmed', reviewer: 'Rina', reason: 'confirmed by the panel', date: '2024-11-02' },
    });
    expect(byFp.get(b!.fingerprint)).toMatchObject({ suppressed: false, suppression: null });
    expect(byFp.get(b!.fingerprint)!.review?.status).toBe('needs_evidence');
    expect(byFp.get(all[3]!.fingerprint)).toMatchObject({ suppressed: true, review: null });
    expect(report.summary.by_review).toEqual({
      unreviewed: all.length - 3,
      confirmed: 1,
      dismissed: 1,
      needs_evidence: 1,
      escalated: 0,
    });
    expect(report.summary.stale_decisions).toEqual([
      { fingerprint: 'ffffffffffffffffffffffff', status: 'escalated', reviewer: 'Rina', date: '2024-11-02' },
    ]);
    expect(report.summary.stale_suppressions).toEqual([]);
    expect(report.summary.persons_flagged).toBe(1);
  });

  it('counts acts: one activity row breaking two rules is one act with two fingerprints', () => {
    const report = scan(ACTS);
    for (const person of report.persons) {
      expect(person.acts.flatMap((act) => act.fingerprints).sort()).toEqual(
        person.findings.map((f) => f.fingerprint).sort(),
      );
      for (const act of person.acts) {
        const lines = person.findings
          .filter((f) => act.fingerprints.includes(f.fingerprint))
          .map((f) => f.activity.source.line);
        expect(new Set(lines)).toEqual(new Set([act.source.line]));
      }
    }
    expect(report.summary.acts).toBe(report.persons.reduce((n, p) => n + p.acts.length, 0));
    const agencies = report.summary.by_agency;
    expect(agencies.reduce((n, row) => n + row.findings, 0)).toBe(report.summary.findings);
    expect(agencies.reduce((n, row) => n + row.acts, 0)).toBe(report.summary.acts);
    expect(report.summary.by_candidate.reduce((n, row) => n + row.findings, 0)).toBe(report.summary.findings);
  });

  it('sorts rejected rows by file and line, and unmatched accounts by rows', () => {
    const result = new ScanResult(ELECTION, 'en', NO_REVIEW_INPUTS);
    result.reject({ file: 'b.csv', line: 2, reason: { code: 'missing_type' } });
    result.reject({ file: 'a.csv', line: 10, reason: { code: 'missing_type' } });
    result.reject({ file: 'a.csv', line: 9, reason: { code: 'missing_type' } });
    const stranger = (account: string): Activity => ({ ...evaluateRules([], {}).act, account });
    for (const account of ['zed', 'amir', 'zed']) result.unmatchedAccount(stranger(account));
    const report = buildReport(result, {
      version: '0',
      lang: 'en',
      inputs: [],
      skippedInputs: [],
      notActivity: [],
      rules: { files: [], sha256: '', count: 0 },
      election: ELECTION,
      roster: ROSTER,
      window: { since: null, until: null },
      review: NO_REVIEW_INPUTS,
    });
    expect(report.rejected.map((r) => `${r.file}:${r.line}`)).toEqual(['a.csv:9', 'a.csv:10', 'b.csv:2']);
    expect(report.unmatched_accounts).toEqual([
      { platform: 'instagram', account: 'zed', rows: 2, nearest: null },
      { platform: 'instagram', account: 'amir', rows: 1, nearest: null },
    ]);
    expect(report.summary).toMatchObject({ rows_rejected: 3, rows_unmatched: 3, findings: 0, persons_flagged: 0 });
  });
});

describe('evidence.time_check', () => {
  const evidenceOf = (fields: Fields) => scan([{ who: ANI, line: 2, fields }]).persons[0]!.findings[0]!;

  // Which basis each kind gives (calon: disiplin) is evaluate's, tested in test/rules/evaluate.test.ts.
  it('records the check against the candidate’s dates as data, times in UTC', () => {
    expect(evidenceOf({ text: 'Andi Wijaya', timestamp: '2024-10-05 08:00' }).evidence.time_check).toEqual({
      kind: 'calon',
      at: '2024-10-05T01:00:00.000Z',
      since: null,
      designated: '2024-09-21T17:00:00.000Z',
    });
    expect(evidenceOf({ text: 'Citra Lestari', timestamp: '2024-09-01 08:00' }).evidence.time_check).toEqual({
      kind: 'bakal_calon',
      at: '2024-09-01T01:00:00.000Z',
      since: '2024-08-14T17:00:00.000Z',
      designated: null,
    });
    expect(evidenceOf({ text: 'Andi Wijaya', timestamp: '' }).evidence.time_check).toEqual({
      kind: 'undated',
      at: null,
      since: null,
      designated: null,
    });
    expect(evidenceOf({ text: 'coblos', timestamp: '2024-10-02 08:00' }).evidence.time_check).toEqual({
      kind: 'no_candidate',
      at: '2024-10-02T01:00:00.000Z',
      since: null,
      designated: null,
    });
  });

  it('is what the sentence in `time` says, in the report’s language and the election’s zone', () => {
    expect(evidenceOf({ text: 'Andi Wijaya', timestamp: '2024-10-05 08:00' }).evidence.time).toBe(
      'Done 2024-10-05 08:00 WIB, after Andi Wijaya (01) was designated a candidate by KPU (2024-09-22 00:00 WIB): disiplin.',
    );
  });

  it('lets explain say the check in another language from the report alone, and not guess for an older report', () => {
    const report = scan([{ who: ANI, line: 2, fields: { text: 'Andi Wijaya', timestamp: '2024-10-05 08:00' } }]);
    const finding = report.persons[0]!.findings[0]!;
    expect(describeTimeFromReport(finding, report.election, 'id')).toBe(
      'Dilakukan 2024-10-05 08:00 WIB, setelah Andi Wijaya (01) ditetapkan sebagai calon oleh KPU (2024-09-22 00:00 WIB): disiplin.',
    );
    const older = { ...finding, evidence: { ...finding.evidence, time_check: null } };
    expect(describeTimeFromReport(older, report.election, 'id')).toBeNull();
  });
});
