// An act dated more than a year after the election's last phase is a typing or clock error (2027 for 2024): it is
// rejected with the reason and counted, while an act within that year is evaluated as any other.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_ELECTION, type ReportSummary, rowsBalance, runMain, scanJson } from '../faults/in-process.js';

const HEADER = 'platform,account,timestamp,type,text';
// The demo's last phase, rekapitulasi, ends on 2024-12-16 (Asia/Jakarta): the limit is 2025-12-16, end of day.
const ROWS = [
  'facebook,budi.santoso.7821,2027-03-01 10:00,post,Coblos nomor 1 RIDO',
  'facebook,budi.santoso.7821,2025-12-16 23:00,post,Coblos nomor 1 RIDO',
  'facebook,budi.santoso.7821,2025-12-17 00:30,post,Coblos nomor 1 RIDO',
];

function activityFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'asn-audit-late-'));
  const file = join(dir, 'activity.csv');
  writeFileSync(file, `${HEADER}\n${ROWS.join('\n')}\n`);
  return file;
}

describe('timestamps after the election', () => {
  it('a row dated 2027 for the 2024 election is rejected with the reason, one within the year is not', async () => {
    const { run, report } = await scanJson([activityFile()]);
    expect(run.code, run.stderr).not.toBe(2);
    const rejected = report!.rejected;
    expect(rejected.map((r) => [r.line, r.code])).toEqual([
      [2, 'timestamp_after_election'],
      [4, 'timestamp_after_election'],
    ]);
    expect(rejected[0]!.reason).toBe(
      "timestamp: 2027-03-01 10:00 is more than a year after the election's last phase (rekapitulasi, ending 2024-12-16): check the year or the device clock",
    );
    const summary = report!.summary as ReportSummary & {
      rejected_by_reason: { reason: string; rows: number }[];
    };
    expect(summary.rows_rejected).toBe(2);
    expect(summary.rows_evaluated).toBe(1);
    expect(rowsBalance(summary)).toBe(true);
    expect(summary.rejected_by_reason).toEqual([
      {
        reason:
          "timestamp: #-#-# #:# is more than a year after the election's last phase (rekapitulasi, ending #-#-#): check the year or the device clock",
        rows: 2,
      },
    ]);
    // The row within the year is judged: it is a finding of Budi's on line 3.
    const lines = report!.persons.flatMap((p) => p.findings.map((f) => f.activity.source.line));
    expect(lines).toEqual([3]);
  });

  it('is worded in Indonesian too, and validate rejects the same rows', async () => {
    const file = activityFile();
    const { report } = await scanJson([file], ['--lang', 'id']);
    expect(report!.rejected[0]!.reason).toBe(
      'timestamp: 2027-03-01 10:00 lebih dari setahun setelah tahapan terakhir pemilihan (rekapitulasi, berakhir 2024-12-16): periksa tahunnya atau jam perangkat',
    );
    const validate = await runMain(['validate', file, '--election', DEMO_ELECTION, '--lang', 'en']);
    expect(validate.code).toBe(2);
    expect(validate.stdout + validate.stderr).toContain(':2: timestamp: 2027-03-01 10:00 is more than a year after');
    expect(validate.stdout + validate.stderr).not.toContain(':3:');
  });
});
