// `--since`/`--until` narrow the election's time, and never hide a finding whose rule applies at any time: party
// membership is a breach whenever it is shown, the campaign window or not. Candidate and phase rules stay windowed.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_CONTEXT, runCli } from '../helpers/cli.js';
import { type ReportSummary, scanJson } from '../faults/in-process.js';

const ROWS = [
  'platform,account,timestamp,type,text',
  // Outside `kampanye` (25 Sept – 23 Nov 2024): a party card, a year and a half before.
  'facebook,bambang.sutrisno.74,2023-02-11 20:15,post,Alhamdulillah hari ini resmi pegang KTA PDI Perjuangan siap berjuang bareng kader',
  // Outside `kampanye`, after RIDO became a prospective pair: a call to vote, which the window may hide.
  'facebook,budi.santoso.7821,2024-09-01 10:00,post,Ayo coblos nomor 1 RIDO',
  // Inside `kampanye`: the same call to vote.
  'facebook,budi.santoso.7821,2024-10-01 10:00,post,Ayo coblos nomor 1 RIDO',
];

function activityFile(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'asn-audit-window-')), 'activity.csv');
  writeFileSync(file, `${ROWS.join('\n')}\n`);
  return file;
}

type Finding = { rule: string; activity: { source: { line: number } } };
/** [line, rule] of every finding, by line. */
const found = (report: { persons: { findings: unknown[] }[] }) =>
  report.persons
    .flatMap((p) => (p.findings as Finding[]).map((f) => [f.activity.source.line, f.rule] as const))
    .sort((a, b) => a[0] - b[0]);

describe('--since/--until and rules that apply at any time', () => {
  it('--since kampanye keeps a party-membership finding from before the window, and hides the call to vote', async () => {
    const file = activityFile();
    const all = await scanJson([file]);
    expect(found(all.report!)).toEqual([
      [2, 'party-membership'],
      [3, 'endorsement-call-to-vote'],
      [4, 'endorsement-call-to-vote'],
    ]);
    const windowed = await scanJson([file], ['--since', 'kampanye', '--until', 'kampanye']);
    expect(windowed.run.code).toBe(1);
    expect(found(windowed.report!)).toEqual([
      [2, 'party-membership'],
      [4, 'endorsement-call-to-vote'],
    ]);
    const summary = windowed.report!.summary as ReportSummary & { rows_outside_window: number };
    expect(summary.rows_outside_window).toBe(2);
    expect(summary.rows_evaluated).toBe(3);
    expect(summary.findings).toBe(2);
  });

  it('a phase rule without a candidate stays windowed: a campaign-time party photo outside the window', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'asn-audit-window-')), 'photo.csv');
    writeFileSync(
      file,
      'platform,account,timestamp,type,text,tags\nfacebook,budi.santoso.7821,2024-10-11 11:00,post,Jumat berkah,photo;attribute:party\n',
    );
    const inside = await scanJson([file], ['--since', 'kampanye']);
    expect(found(inside.report!)).toEqual([[2, 'photo-party-attributes-in-campaign']]);
    const outside = await scanJson([file], ['--since', 'masa_tenang']);
    expect(found(outside.report!)).toEqual([]);
    expect(outside.report!.summary.rows_evaluated).toBe(1);
  });

  it('worker threads (--jobs 2) keep the same findings as one thread', () => {
    const file = activityFile();
    const args = ['scan', file, ...DEMO_CONTEXT, '--format', 'json', '--since', 'kampanye', '--lang', 'en'];
    const one = runCli([...args, '--jobs', '1']);
    const two = runCli([...args, '--jobs', '2']);
    expect(one.code, one.stderr).toBe(1);
    expect(found(JSON.parse(two.stdout))).toEqual([
      [2, 'party-membership'],
      [4, 'endorsement-call-to-vote'],
    ]);
    expect(two.stdout).toBe(one.stdout);
  });
});
