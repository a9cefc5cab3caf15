// Through the built CLI: every problem of an election file in one run, each at its line and in words, exit 2.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'asn-audit-election-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('scan with a faulty election file', () => {
  it('names the duplicate ballot number with the day-first date and the unquoted X id, exit 2', () => {
    const demo = readFileSync(join(ROOT, 'fixtures/demo/election.yaml'), 'utf8');
    const bad = demo
      .replace('    number: 2\n', '    number: 1\n')
      .replace('from: 2024-09-25', 'from: 25-09-2024')
      .replace('x: [dharmapongrekun]', 'x: [12345678901234567890]');
    expect(bad).not.toBe(demo);
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, bad);
    const run = runCli([
      'scan',
      'fixtures/demo/activity.csv',
      '--roster',
      'fixtures/demo/roster.csv',
      '--election',
      file,
    ]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      [
        'asn-audit: 3 problems:',
        `  ${file}:11 phases[3].from: expected a date YYYY-MM-DD (or an ISO 8601 date-time), found "25-09-2024" (day first? write 2024-09-25)`,
        `  ${file}:37 candidates[1].accounts.x[0]: expected an account handle or a numeric X id in quotes ("12345678901234567890"); an unquoted number loses digits`,
        `  ${file}:32 candidates[1].number: ballot number 1 is given to two candidates ("rido" and "dharma-kun")`,
        '',
      ].join('\n'),
    );
  });
});
