// A run killed while writing its report (SIGKILL, no chance to clean up) leaves the previous report intact.
// A SIGKILL can leave the temporary file `.<name>.<random>.tmp` beside the target: only the target is promised intact.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT } from '../helpers/cli.js';
import { HANG_LIMIT_MS } from '../helpers/hang-limit.js';

const ROWS = 6000;

function writeManyViolations(path: string): void {
  const lines = ['id,platform,account,nip,timestamp,type,text'];
  for (let i = 0; i < ROWS; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    lines.push(
      `w${i},instagram,@budisantoso_smansa14,,2024-10-${day} 10:${String(i % 60).padStart(2, '0')},post,ayo coblos nomor 3 Pramono ke-${i} ${'jakarta menyala '.repeat(20)}`,
    );
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
}

function runScan(
  activity: string,
  output: string,
  killAfterMs: number | null,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(
      process.execPath,
      [
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
      {
        cwd: ROOT,
        stdio: 'ignore',
        env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' },
      },
    );
    const timer = killAfterMs === null ? null : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ code, signal, ms: Date.now() - started });
    });
  });
}

describe('report files are written atomically', () => {
  it(
    'a run killed at any moment leaves either the previous report or the complete new one, never half a file',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'asn-audit-atomic-'));
      const activity = join(dir, 'activity.csv');
      const output = join(dir, 'report.json');
      writeManyViolations(activity);

      const full = await runScan(activity, output, null);
      expect(full.code).toBe(1);
      const complete = readFileSync(output, 'utf8');
      expect(complete.length).toBeGreaterThan(1_000_000);
      const previous = '{"previous": "report", "must": "survive"}\n';

      // Kill times spread over the whole run, the late ones landing in report building and writing.
      const outcomes = { previous: 0, complete: 0 };
      const attempts = 10;
      for (let i = 0; i < attempts; i++) {
        writeFileSync(output, previous);
        const killAfter = Math.round(full.ms * (0.3 + (0.75 * i) / attempts));
        const run = await runScan(activity, output, killAfter);
        const after = readFileSync(output, 'utf8');
        if (after === previous) outcomes.previous++;
        else {
          expect(after, `kill after ${killAfter} ms (exit ${run.code}, ${run.signal})`).toBe(complete);
          outcomes.complete++;
        }
      }
      expect(outcomes.previous).toBeGreaterThan(0); // some kills did land before the rename
      // Only the target and, at most, stale temporary files of killed runs are in the folder.
      for (const name of readdirSync(dir))
        expect(name).toMatch(/^(activity\.csv|report\.json|\.report\.json\.[0-9a-f]+\.tmp)$/);
    },
    HANG_LIMIT_MS,
  );
});
