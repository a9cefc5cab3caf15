// End to end, the built CLI: scan → review add → rescan (statuses shown, exit code changes) → stale decision listed.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const DEMO = [
  'fixtures/demo/activity.csv',
  '--roster',
  'fixtures/demo/roster.csv',
  '--election',
  'fixtures/demo/election.yaml',
];
const dir = mkdtempSync(join(tmpdir(), 'asn-audit-review-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Finding {
  fingerprint: string;
  suppressed: boolean;
  review: { status: string; reviewer: string; reason: string; date: string } | null;
}
interface Report {
  summary: { by_review: Record<string, number>; stale_decisions: { fingerprint: string }[] };
  persons: { nip: string; findings: Finding[] }[];
}
const findingsOf = (report: Report) => report.persons.flatMap((p) => p.findings);

const add = (decisions: string, status: string, fingerprints: string[], reason = 'checked against the source') =>
  runCli([
    'review',
    'add',
    '--decisions',
    decisions,
    '--status',
    status,
    '--reason',
    reason,
    '--reviewer',
    'Rina (BKD)',
    '--date',
    '2024-11-02',
    ...fingerprints,
  ]);

describe('the reviewer’s loop', () => {
  it('scan, decide, rescan: statuses shown, the exit code follows the open findings, stale decisions listed', () => {
    const reportPath = join(dir, 'report.json');
    const first = runCli(['scan', ...DEMO, '-o', reportPath]);
    expect(first.code).toBe(1);
    const all = findingsOf(JSON.parse(readFileSync(reportPath, 'utf8')) as Report).map((f) => f.fingerprint);
    expect(all.length).toBeGreaterThan(10);

    // A decisions file with a comment the tool must keep.
    const decisions = join(dir, 'decisions.yaml');
    writeFileSync(decisions, '# Keputusan panel BKD, Pilkada DKI 2024\n');
    const [asked, ...rest] = all;
    const confirm = add(decisions, 'confirmed', rest.slice(0, 5));
    expect(confirm.stderr).toContain('5 decisions added, 0 updated (confirmed)');
    expect(confirm.code).toBe(0);
    expect(add(decisions, 'dismissed', rest.slice(5), 'not about the election').code).toBe(0);
    expect(add(decisions, 'needs_evidence', [asked!], 'need the screenshot').code).toBe(0);
    const text = readFileSync(decisions, 'utf8');
    expect(text.startsWith('# Keputusan panel BKD, Pilkada DKI 2024\n')).toBe(true);
    // Entries sorted by fingerprint, so that a later review changes few lines.
    const listed = [...text.matchAll(/fingerprint: "?([0-9a-f]{24})/g)].map((m) => m[1]);
    expect(listed).toEqual([...all].sort());

    // One finding is still open (needs_evidence): the scan fails, and the table shows the statuses.
    const second = runCli(['scan', ...DEMO, '--decisions', decisions, '--lang', 'en']);
    expect(second.code).toBe(1);
    expect(second.stdout).toContain('NEEDS EVIDENCE');
    expect(second.stdout).toContain('CONFIRMED: checked against the source (Rina (BKD), 2024-11-02)');
    expect(second.stdout).toContain('Persons and acts not yet reviewed (new) are listed first.');
    const json = JSON.parse(runCli(['scan', ...DEMO, '--decisions', decisions, '--format', 'json']).stdout) as Report;
    expect(json.summary.by_review).toEqual({
      unreviewed: 0,
      confirmed: 5,
      dismissed: all.length - 6,
      needs_evidence: 1,
      escalated: 0,
    });
    const askedFinding = findingsOf(json).find((f) => f.fingerprint === asked)!;
    expect(askedFinding.review).toEqual({
      status: 'needs_evidence',
      reviewer: 'Rina (BKD)',
      reason: 'need the screenshot',
      date: '2024-11-02',
    });
    expect(askedFinding.suppressed).toBe(false);
    const open = runCli(['review', 'list', '--decisions', decisions, reportPath, '--lang', 'en']);
    expect(open.code).toBe(0);
    // needs_evidence is open, and counted there only; the closed ones are counted by their decision.
    expect(open.stdout).toContain(
      `Open findings: 1 of ${all.length} (unreviewed 0, needs evidence 1); closed ${all.length - 1} (confirmed 5, dismissed ${all.length - 6})`,
    );
    expect(open.stdout).toContain(`${asked}  `);

    // The last open finding decided: the scan passes.
    expect(add(decisions, 'escalated', [asked!], 'sent to the KASN panel').code).toBe(0);
    expect(readFileSync(decisions, 'utf8').match(/fingerprint:/g)).toHaveLength(all.length);
    expect(runCli(['scan', ...DEMO, '--decisions', decisions, '--quiet']).code).toBe(0);

    // A decision whose act is gone is stale: listed in the JSON, on stderr and in the table.
    const gone = 'ffffffffffffffffffffffff';
    expect(add(decisions, 'confirmed', [gone]).code).toBe(0);
    const third = runCli(['scan', ...DEMO, '--decisions', decisions, '--lang', 'en']);
    expect(third.code).toBe(0);
    expect(third.stderr).toContain(`1 decision in ${decisions} matches no finding of this run (stale): ${gone}`);
    expect(third.stdout).toContain('Decisions that matched nothing (stale) (1)');
    const stale = JSON.parse(runCli(['scan', ...DEMO, '--decisions', decisions, '--format', 'json']).stdout) as Report;
    expect(stale.summary.stale_decisions.map((d) => d.fingerprint)).toEqual([gone]);
    expect(runCli(['review', 'list', '--decisions', decisions, reportPath, '--lang', 'en']).stdout).toContain(
      'Stale decisions (fingerprint not in the report): 1',
    );
  });

  it('review list counts the findings a baseline suppressed as closed by the baseline, not as decided', () => {
    const earlier = join(dir, 'earlier.json');
    expect(runCli(['scan', ...DEMO, '-o', earlier, '-q']).code).toBe(1);
    const total = findingsOf(JSON.parse(readFileSync(earlier, 'utf8')) as Report).length;
    const later = join(dir, 'later.json');
    expect(runCli(['scan', ...DEMO, '--baseline', earlier, '-o', later, '-q']).code).toBe(0);
    const list = runCli(['review', 'list', later, '--lang', 'en']);
    expect(list.stdout).toContain(
      `Open findings: 0 of ${total} (unreviewed 0, needs evidence 0); closed ${total} (suppressed ${total})`,
    );
    expect(list.stdout).toContain('No open findings.');
    const json = JSON.parse(runCli(['review', 'list', later, '--format', 'json']).stdout) as {
      counts: Record<string, number>;
    };
    expect(json.counts).toEqual({
      unreviewed: 0,
      needs_evidence: 0,
      confirmed: 0,
      dismissed: 0,
      escalated: 0,
      suppressed: total,
    });
  });

  it('takes an empty decisions file, and names the line and field of a bad entry', () => {
    const empty = join(dir, 'empty.yaml');
    writeFileSync(empty, '');
    expect(runCli(['scan', ...DEMO, '--decisions', empty, '--quiet']).code).toBe(1);
    const bad = join(dir, 'bad.yaml');
    writeFileSync(
      bad,
      `- fingerprint: ${'a'.repeat(24)}\n  status: maybe\n  reviewer: R\n  reason: x\n  date: 2024-11-02\n`,
    );
    const run = runCli(['scan', ...DEMO, '--decisions', bad]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      `${bad}:2 [0].status: expected one of "confirmed", "dismissed", "needs_evidence", "escalated"`,
    );
  });

  it('review add refuses a bad fingerprint or date without writing, and keeps a JSON file JSON', () => {
    const file = join(dir, 'decisions.json');
    writeFileSync(file, '[]\n');
    const run = add(file, 'confirmed', ['12ab']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('<fingerprint> 12ab: expected a finding fingerprint (24 hex digits)');
    expect(readFileSync(file, 'utf8')).toBe('[]\n');
    expect(add(file, 'dismissed', ['b'.repeat(24), 'a'.repeat(24)]).code).toBe(0);
    const written = JSON.parse(readFileSync(file, 'utf8')) as { fingerprint: string }[];
    expect(written.map((d) => d.fingerprint)).toEqual(['a'.repeat(24), 'b'.repeat(24)]);
  });
});
