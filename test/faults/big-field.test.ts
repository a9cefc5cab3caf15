// A field of many megabytes: the scan finishes with bounded memory, and still finds what is inside it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT } from '../helpers/cli.js';
import { HANG_LIMIT_MS } from '../helpers/hang-limit.js';

const TEN_MB = 10 * 1024 * 1024;
const NEEDLE = 'ayo coblos nomor 3 Pramono';
// Reports the child's peak resident memory on exit, without depending on /usr/bin/time.
const REPORT_MAX_RSS =
  'data:text/javascript,process.on("exit",()=>process.stderr.write("maxRSS="+process.resourceUsage().maxRSS+"\\n"))';

/** A CSV with one row whose text is ~10 MB of ordinary words, the call to vote at 80 % of the way (past any 1 MiB cut). */
function writeBigFieldCsv(path: string, needle: string): void {
  const filler = 'rapat koordinasi dinas pendidikan hari ini berjalan lancar terima kasih rekan guru semua ';
  const words = filler.repeat(Math.ceil(TEN_MB / filler.length));
  const at = Math.floor(words.length * 0.8);
  const text = `${words.slice(0, at)} ${needle} ${words.slice(at)}`.slice(0, TEN_MB + needle.length + 2);
  writeFileSync(
    path,
    `id,platform,account,nip,timestamp,type,text\nbig1,instagram,@budisantoso_smansa14,,2024-10-01 10:00,post,"${text}"\n`,
  );
}

function scanChild(activity: string, output: string) {
  const child = spawnSync(
    process.execPath,
    [
      '--import',
      REPORT_MAX_RSS,
      BIN,
      'scan',
      activity,
      '--roster',
      'fixtures/demo/roster.csv',
      '--election',
      'fixtures/demo/election.yaml',
      '-o',
      output,
    ],
    { cwd: ROOT, encoding: 'utf8', timeout: HANG_LIMIT_MS, env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' } },
  );
  const maxRss = Number(/maxRSS=(\d+)/.exec(child.stderr)?.[1] ?? NaN) * 1024;
  return { code: child.status, stderr: child.stderr, maxRssMb: maxRss / (1024 * 1024) };
}

describe('a 10 MB single field', () => {
  const dir = mkdtempSync(join(tmpdir(), 'asn-audit-big-'));

  it('is scanned with bounded memory, and the call to vote inside it is found', () => {
    const activity = join(dir, 'big.csv');
    const output = join(dir, 'report.json');
    writeBigFieldCsv(activity, NEEDLE);
    const run = scanChild(activity, output);
    expect(run.stderr.replace(/maxRSS=\d+\n/, '')).toBe('');
    expect(run.code).toBe(1);
    // A memory ceiling, not a benchmark (about 420 MB on a 2-core CI machine today); the spawn's limit guards a hang.
    expect(run.maxRssMb).toBeLessThan(512);
    const report = JSON.parse(readFileSync(output, 'utf8')) as {
      summary: { rows_read: number; rows_evaluated: number };
      persons: { findings: { rule: string; activity: { id: string } }[] }[];
    };
    expect(report.summary).toMatchObject({ rows_read: 1, rows_evaluated: 1 });
    const findings = report.persons.flatMap((p) => p.findings);
    expect(findings.map((f) => [f.activity.id, f.rule])).toContainEqual(['big1', 'endorsement-call-to-vote']);
  });

  it('finds nothing in the same 10 MB without the call to vote (the finding above is not from the filler)', () => {
    const activity = join(dir, 'clean.csv');
    const output = join(dir, 'clean.json');
    writeBigFieldCsv(activity, 'ayo main bola bareng');
    const run = scanChild(activity, output);
    expect(run.code).toBe(0);
    expect(run.maxRssMb).toBeLessThan(512);
  });
});
