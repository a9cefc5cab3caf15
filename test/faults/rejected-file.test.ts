// Rejected rows past the report's list are not lost: counted per kind of reason in every format, and streamed in
// full to `--rejected FILE`, one NDJSON object per row.
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  mergeReasonCounts,
  OTHER_REASONS,
  REASON_KINDS_COUNTED,
  RejectionTally,
} from '../../src/aggregate/rejection-reasons.js';
import { REJECTED_LISTED } from '../../src/schemas/report-schema.js';
import { DEMO_ELECTION, DEMO_ROSTER, runMain } from './in-process.js';

const UNKNOWN_PLATFORM = REJECTED_LISTED + 200;
const SHORT_NIPS = 3;
const NO_ACCOUNT = 2;
const REJECTED = UNKNOWN_PLATFORM + SHORT_NIPS + NO_ACCOUNT;

/** A folder with an activity file of three kinds of bad rows and one good row (hendra_smj is in the demo roster). */
function fixture(): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'asn-audit-rejected-file-'));
  const file = join(dir, 'activity.csv');
  const rows = [
    ...Array.from({ length: UNKNOWN_PLATFORM }, (_, i) => `myspace,budi${i},,2024-10-03 19:15,post,halo`),
    ...Array.from({ length: SHORT_NIPS }, (_, i) => `x,,1234${i},2024-10-03 19:15,post,halo`),
    ...Array.from({ length: NO_ACCOUNT }, () => 'x,,,2024-10-03 19:15,post,halo'),
    'x,hendra_smj,,2024-10-03 19:15,post,halo',
  ];
  writeFileSync(file, `platform,account,nip,timestamp,type,text\n${rows.join('\n')}\n`);
  return { dir, file };
}

const scanArgs = (file: string, ...extra: string[]) => [
  'scan',
  file,
  '--roster',
  DEMO_ROSTER,
  '--election',
  DEMO_ELECTION,
  '--lang',
  'en',
  '--error-format',
  'text',
  ...extra,
];

const PLATFORM_KIND =
  'unknown platform "…" (expected facebook, instagram, x, tiktok, youtube, threads, whatsapp or offline)';
const NIP_KIND = 'nip "…" is not # digits';
const NO_ACCOUNT_KIND = 'neither account nor nip given: the row cannot be attributed to a person';

describe('--rejected FILE', () => {
  it('streams every rejected row as NDJSON with file, line and reason', async () => {
    const { dir, file } = fixture();
    const out = join(dir, 'rejected.ndjson');
    const run = await runMain(scanArgs(file, '--rejected', out, '--format', 'json'));
    expect(run.code, run.stderr).toBe(0);
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(REJECTED);
    const rows = lines.map((line) => JSON.parse(line) as { file: string; line: number; reason: string });
    expect(rows[0]).toEqual({
      file,
      line: 2,
      reason:
        'unknown platform "myspace" (expected facebook, instagram, x, tiktok, youtube, threads, whatsapp or offline)',
    });
    expect(rows[UNKNOWN_PLATFORM]).toEqual({
      file,
      line: UNKNOWN_PLATFORM + 2,
      reason: 'nip "12340" is not 18 digits',
    });
    expect(rows.at(-1)).toEqual({ file, line: REJECTED + 1, reason: NO_ACCOUNT_KIND });
    // The report itself lists only the first REJECTED_LISTED, and counts them all.
    const report = JSON.parse(run.stdout);
    expect(report.summary.rows_rejected).toBe(REJECTED);
    expect(report.rejected).toHaveLength(REJECTED_LISTED);
    expect(readdirSync(dir).sort()).toEqual(['activity.csv', 'rejected.ndjson']);
  });

  it('is not written when the run stops with exit 2 (--strict), and no temporary file is left', async () => {
    const { dir, file } = fixture();
    const out = join(dir, 'rejected.ndjson');
    const run = await runMain(scanArgs(file, '--rejected', out, '--strict'));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown platform "myspace"');
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir)).toEqual(['activity.csv']);
  });

  it('is refused with --redact: the rows are written as read', async () => {
    const { dir, file } = fixture();
    const out = join(dir, 'rejected.ndjson');
    const run = await runMain(scanArgs(file, '--rejected', out, '--redact', '--redact-key', 'k'));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--rejected: cannot be used with --redact');
    expect(existsSync(out)).toBe(false);
  });
});

describe('rejected rows counted per kind of reason', () => {
  it('JSON: summary.rejected_by_reason, most first, summing to rows_rejected', async () => {
    const { file } = fixture();
    const run = await runMain(scanArgs(file, '--format', 'json'));
    expect(run.code, run.stderr).toBe(0);
    const { summary } = JSON.parse(run.stdout);
    expect(summary.rejected_by_reason).toEqual([
      { reason: PLATFORM_KIND, rows: UNKNOWN_PLATFORM },
      { reason: NIP_KIND, rows: SHORT_NIPS },
      { reason: NO_ACCOUNT_KIND, rows: NO_ACCOUNT },
    ]);
  });

  it('table, Markdown, HTML and JUnit show the counts', async () => {
    const { file } = fixture();
    const table = await runMain(scanArgs(file, '--format', 'table'));
    expect(table.stdout).toContain('Rejected rows by reason (3)\n');
    expect(table.stdout).toContain(`  ${UNKNOWN_PLATFORM} × ${PLATFORM_KIND}\n`);
    expect(table.stdout).toContain(`  ${SHORT_NIPS} × ${NIP_KIND}\n`);
    const markdown = await runMain(scanArgs(file, '--format', 'markdown'));
    expect(markdown.stdout).toContain('## Rejected rows by reason (3)\n');
    expect(markdown.stdout).toContain(`- ${NO_ACCOUNT} × ${NO_ACCOUNT_KIND}\n`);
    const html = await runMain(scanArgs(file, '--format', 'html'));
    expect(html.stdout).toContain('<h2>Rejected rows by reason (3)</h2>');
    expect(html.stdout).toContain(`<li>${SHORT_NIPS} × nip &quot;…&quot; is not # digits</li>`);
    const junit = await runMain(scanArgs(file, '--format', 'junit'));
    expect(junit.stdout).toContain(`<property name="rows_rejected: ${NIP_KIND.replace(/"/g, '&quot;')}" value="3"/>`);
  });

  it('counts at most REASON_KINDS_COUNTED kinds apart, the rest as other reasons', () => {
    const tally = new RejectionTally();
    for (let i = 0; i < REASON_KINDS_COUNTED + 50; i++) tally.add(`timestamp: kemarin ${'x'.repeat(i)}: not a date`);
    tally.add('timestamp: kemarin x: not a date');
    const list = tally.list();
    expect(list).toHaveLength(REASON_KINDS_COUNTED + 1);
    expect(list.find((k) => k.reason === OTHER_REASONS)!.rows).toBe(50);
    expect(list.reduce((sum, k) => sum + k.rows, 0)).toBe(REASON_KINDS_COUNTED + 51);
  });

  it('merged reports add the counts of the same kind', () => {
    const merged = mergeReasonCounts([
      [{ reason: NIP_KIND, rows: 2 }],
      [
        { reason: NO_ACCOUNT_KIND, rows: 5 },
        { reason: NIP_KIND, rows: 4 },
      ],
    ]);
    expect(merged).toEqual([
      { reason: NIP_KIND, rows: 6 },
      { reason: NO_ACCOUNT_KIND, rows: 5 },
    ]);
  });
});
