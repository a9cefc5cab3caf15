// Rejected rows are counted in full but listed up to REJECTED_LISTED: millions of bad rows would otherwise grow the
// report past what memory holds. Every format says how many were not listed.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REJECTED_LISTED } from '../../src/schemas/report-schema.js';
import { DEMO_ELECTION, DEMO_ROSTER, runMain, scanJson } from '../faults/in-process.js';

const BAD_ROWS = REJECTED_LISTED + 500;

function activity(): string {
  const path = join(mkdtempSync(join(tmpdir(), 'asn-audit-rejected-')), 'activity.csv');
  const bad = Array.from({ length: BAD_ROWS }, (_, i) => `myspace,budi${i},2024-10-03 19:15,post,halo\n`).join('');
  writeFileSync(path, `platform,account,timestamp,type,text\n${bad}x,hendra_smj,2024-10-03 19:15,post,halo\n`);
  return path;
}

describe('rejected rows past the bound', () => {
  it('JSON: all counted, the first REJECTED_LISTED listed in reading order', async () => {
    const { run, report } = await scanJson([activity()]);
    expect(run.code, run.stderr).toBe(0);
    expect(report!.summary).toMatchObject({ rows_read: BAD_ROWS + 1, rows_rejected: BAD_ROWS, rows_evaluated: 1 });
    expect(report!.rejected).toHaveLength(REJECTED_LISTED);
    expect(report!.rejected.at(-1)!.line).toBe(REJECTED_LISTED + 1);
  });

  it('table and Markdown name the total and how many more there are', async () => {
    const file = activity();
    const args = ['scan', file, '--roster', DEMO_ROSTER, '--election', DEMO_ELECTION, '--lang', 'en'];
    const table = await runMain([...args, '--format', 'table']);
    expect(table.stdout).toContain(`(${BAD_ROWS})`);
    expect(table.stdout).toContain(`… ${BAD_ROWS - 20} more`);
    const markdown = await runMain([...args, '--format', 'markdown']);
    expect(markdown.stdout).toContain(`(${BAD_ROWS})\n`);
    expect(markdown.stdout).toContain(`- … ${BAD_ROWS - 100} more`);
  });
});
