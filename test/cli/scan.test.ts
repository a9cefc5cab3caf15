// End to end: the built CLI on fixture files, whole outputs compared with golden files.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectGolden, maskRulesSha256, runCli, sanitize } from '../helpers/cli.js';

const DEMO = [
  'fixtures/demo/activity.csv',
  '--roster',
  'fixtures/demo/roster.csv',
  '--election',
  'fixtures/demo/election.yaml',
];

interface ReportJson {
  summary: {
    rows_read: number;
    rows_evaluated: number;
    rows_rejected: number;
    rows_unmatched: number;
    findings: number;
    suppressed: number;
    by_category: Record<string, number>;
  };
  persons: {
    nip: string;
    findings: {
      fingerprint: string;
      rule: string;
      suppressed: boolean;
      activity: { id: string; timestamp: string | null };
    }[];
  }[];
  rejected: { file: string; line: number; reason: string }[];
}

function fingerprints(report: ReportJson): string[] {
  return report.persons.flatMap((p) => p.findings.map((f) => f.fingerprint)).sort();
}

describe('asn-audit scan on the demo data', () => {
  it('prints the per-person table and exits 1 because there are findings', () => {
    const run = runCli(['scan', ...DEMO]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expectGolden(run.stdout, 'fixtures/cli/expected/demo.table.txt');
  });

  it('writes the JSON report, and the same input twice gives byte-identical output', () => {
    const first = runCli(['scan', ...DEMO, '--format', 'json']);
    const second = runCli(['scan', ...DEMO, '--format', 'json']);
    expect(first.code).toBe(1);
    expect(second.stdout).toBe(first.stdout);
    expectGolden(sanitize(first.stdout), 'fixtures/cli/expected/demo.report.json');
    // The golden masks the rule pack's sha256; the report itself still carries it.
    expect(maskRulesSha256(first.stdout)).not.toBe(first.stdout);
    expect(first.stdout).toMatch(/"rules": \{[^{}]*"sha256": "[0-9a-f]{64}"/);
    const report = JSON.parse(first.stdout) as ReportJson;
    const s = report.summary;
    expect(s.rows_read).toBe(s.rows_evaluated + s.rows_rejected + s.rows_unmatched);
    for (const category of Object.keys(s.by_category)) expect(s.by_category[category], category).toBeGreaterThan(0);
  });

  it('gives the same fingerprints when the rows are shuffled', () => {
    const [header, ...rows] = readFileSync('fixtures/demo/activity.csv', 'utf8').trimEnd().split('\n');
    const shuffled = rows
      .map((row, i) => ({ row, key: (i * 7919) % 104729 }))
      .sort((a, b) => a.key - b.key)
      .map((x) => x.row);
    const dir = mkdtempSync(join(tmpdir(), 'asn-audit-'));
    const path = join(dir, 'shuffled.csv');
    writeFileSync(path, `${[header, ...shuffled].join('\n')}\n`);
    const original = JSON.parse(runCli(['scan', ...DEMO, '--format', 'json']).stdout) as ReportJson;
    const reordered = JSON.parse(runCli(['scan', path, ...DEMO.slice(1), '--format', 'json']).stdout) as ReportJson;
    expect(fingerprints(reordered)).toEqual(fingerprints(original));
  });

  it('reads standard input with -', () => {
    const run = runCli(['scan', '-', ...DEMO.slice(1), '--format', 'json'], {
      input: readFileSync('fixtures/demo/activity.csv'),
    });
    const viaFile = JSON.parse(runCli(['scan', ...DEMO, '--format', 'json']).stdout) as ReportJson;
    expect(run.code).toBe(1);
    expect(fingerprints(JSON.parse(run.stdout) as ReportJson)).toEqual(fingerprints(viaFile));
  });
});

describe('bad rows are rejected with file, line and reason, and the run goes on', () => {
  const args = [
    'scan',
    'fixtures/cli/rejected-rows.csv',
    '--roster',
    'fixtures/demo/roster.csv',
    '--election',
    'fixtures/demo/election.yaml',
  ];

  it('lists every rejected row, counts add up, and findings of the good rows stay', () => {
    const run = runCli([...args, '--format', 'json']);
    expect(run.code).toBe(1);
    expectGolden(sanitize(run.stdout), 'fixtures/cli/expected/rejected-rows.report.json');
    const report = JSON.parse(run.stdout) as ReportJson;
    expect(report.summary).toMatchObject({ rows_read: 10, rows_evaluated: 2, rows_rejected: 7, rows_unmatched: 1 });
    expect(report.rejected.map((r) => r.line)).toEqual([3, 4, 5, 6, 7, 8, 11]);
    expect(report.persons.flatMap((p) => p.findings.map((f) => f.activity.id)).sort()).toEqual(['r01', 'r09']);
  });

  it('stops at the first bad row with --strict (exit 2, naming file and line)', () => {
    const run = runCli([...args, '--strict']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      'asn-audit: fixtures/cli/rejected-rows.csv:3: timestamp: 31/02/2024 10:00: February 2024 has 29 days (--strict stops at the first bad row)\n',
    );
  });
});

describe('a broken election file stops the run', () => {
  it('exits 2 and names every problem with file and field, without a stack trace', () => {
    const run = runCli([
      'scan',
      'fixtures/demo/activity.csv',
      '--roster',
      'fixtures/demo/roster.csv',
      '--election',
      'fixtures/cli/broken-election.yaml',
    ]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expectGolden(run.stderr, 'fixtures/cli/expected/broken-election.stderr.txt');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('exit codes and --fail-on', () => {
  it('exits 0 with --fail-on none, and with --fail-on high only when no high finding is open', () => {
    expect(runCli(['scan', ...DEMO, '--fail-on', 'none', '--quiet']).code).toBe(0);
    expect(runCli(['scan', ...DEMO, '--fail-on', 'high', '--quiet']).code).toBe(1);
  });

  it('exits 2 for bad usage', () => {
    const run = runCli(['scan', ...DEMO, '--fail-on', 'sometimes']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("argument 'sometimes' is invalid");
  });

  it('limits the scan to a window given as phase ids', () => {
    const all = JSON.parse(runCli(['scan', ...DEMO, '--format', 'json']).stdout) as ReportJson;
    const campaign = JSON.parse(
      runCli(['scan', ...DEMO, '--format', 'json', '--since', 'kampanye', '--until', 'kampanye']).stdout,
    ) as ReportJson;
    expect(campaign.summary.findings).toBeLessThan(all.summary.findings);
    // Outside the window only the rules that apply at any time judge (test/cli/window-any-time.test.ts).
    const outside = new Set<string>();
    for (const f of campaign.persons.flatMap((p) => p.findings)) {
      if (f.activity.timestamp === null) continue;
      const inside =
        f.activity.timestamp >= '2024-09-24T17:00:00.000Z' && f.activity.timestamp <= '2024-11-23T16:59:59.999Z';
      if (!inside) outside.add(f.rule);
    }
    expect([...outside].sort()).toEqual(['attendance-party-meeting', 'party-membership']);
  });
});

describe('baselines', () => {
  it('suppresses every finding of its own previous report, and fails again on exactly one new violation', () => {
    const dir = mkdtempSync(join(tmpdir(), 'asn-audit-'));
    const baseline = join(dir, 'baseline.json');
    expect(runCli(['scan', ...DEMO, '-o', baseline]).code).toBe(1);
    const again = runCli(['scan', ...DEMO, '--baseline', baseline, '--format', 'json']);
    expect(again.code).toBe(0);
    const suppressed = JSON.parse(again.stdout) as ReportJson;
    expect(suppressed.summary.suppressed).toBe(suppressed.summary.findings);

    const activity = join(dir, 'activity.csv');
    writeFileSync(
      activity,
      `${readFileSync('fixtures/demo/activity.csv', 'utf8')}new1,instagram,budisantoso_smansa14,,2024-11-01 08:00,post,"Ayo coblos nomor 3, Jakarta menyala!",,,,,,\n`,
    );
    const withNew = runCli(['scan', activity, ...DEMO.slice(1), '--baseline', baseline, '--format', 'json']);
    expect(withNew.code).toBe(1);
    const open = (JSON.parse(withNew.stdout) as ReportJson).persons.flatMap((p) =>
      p.findings.filter((f) => !f.suppressed),
    );
    expect(open.map((f) => f.activity.id)).toEqual(['new1']);
  });
});

describe('an election file with impossible facts', () => {
  it('lists every problem at once (exit 2)', () => {
    const run = runCli([
      'scan',
      'fixtures/demo/activity.csv',
      '--roster',
      'fixtures/demo/roster.csv',
      '--election',
      'fixtures/cli/impossible-election.yaml',
    ]);
    expect(run.code).toBe(2);
    expectGolden(run.stderr, 'fixtures/cli/expected/impossible-election.stderr.txt');
  });
});
