// Progress goes to stderr only when stderr is a terminal, and never into the report on stdout.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

const ROOT = resolve(import.meta.dirname, '../..');

async function scan(activity: string, stderrIsTTY: boolean) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    stdin: (async function* () {})(),
    stdoutIsTTY: false,
    stderrIsTTY,
    env: { NO_COLOR: '1' },
    cwd: ROOT,
  };
  const args = [
    'scan',
    activity,
    '--roster',
    'fixtures/demo/roster.csv',
    '--election',
    'fixtures/demo/election.yaml',
    '--format',
    'json',
    '--fail-on',
    'none',
  ];
  const code = await main(
    args.map((a) => (a.startsWith('fixtures/') ? resolve(ROOT, a) : a)),
    io,
  );
  return { code, stdout, stderr };
}

describe('progress', () => {
  const dir = mkdtempSync(join(tmpdir(), 'asn-audit-progress-'));
  // Progress prints every 10,000 rows: 20,000 rows give two lines, 10,000 one that must not appear off a terminal.
  const file = (name: string, count: number): string => {
    const rows = Array.from(
      { length: count },
      (_, i) => `p${i},instagram,budisantoso_smansa14,,2024-10-01 10:00,post,rapat koordinasi ${i}`,
    );
    writeFileSync(join(dir, name), `id,platform,account,nip,timestamp,type,text\n${rows.join('\n')}\n`);
    return join(dir, name);
  };
  const activity = file('activity.csv', 20_000);
  const oneTick = file('one-tick.csv', 10_000);

  it('shows rows read, the rate, the share of bytes read and the time left on a terminal, then clears its line', async () => {
    const run = await scan(activity, true);
    expect(run.code).toBe(0);
    const line = String.raw`asn-audit: (\d+,000) rows read \([\d,]+/s\), (\d+) % of 2 MB, about [\d a-z]+ left`;
    const match = new RegExp(String.raw`^\r\x1b\[K${line}\r\x1b\[K${line}\r\x1b\[K$`).exec(run.stderr);
    expect(match, run.stderr).not.toBeNull();
    const [, firstRows, firstShare, lastRows, lastShare] = match!;
    expect([firstRows, lastRows]).toEqual(['10,000', '20,000']);
    // Half the rows are about half the bytes, give or take the chunks read ahead; the end is shown as 99 %.
    expect(Number(firstShare)).toBeGreaterThanOrEqual(40);
    expect(Number(firstShare)).toBeLessThanOrEqual(70);
    expect(Number(lastShare)).toBe(99);
    expect(JSON.parse(run.stdout).summary.rows_read).toBe(20_000);
  });

  it('prints nothing on stderr when it is not a terminal', async () => {
    const run = await scan(oneTick, false);
    expect(run.stderr).toBe('');
  });
});
