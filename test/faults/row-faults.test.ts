// Row-level faults: each bad row becomes one rejection (file, line, reason) and the rest of the file is still scanned.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FAULTS, rowsBalance, scanJson } from './in-process.js';

const fault = (name: string) => join(FAULTS, name);

async function scanned(name: string) {
  const { run, report } = await scanJson([fault(name)]);
  expect(run.stderr).toBe('');
  expect(report, run.stderr).not.toBeNull();
  expect(rowsBalance(report!.summary)).toBe(true);
  return { code: run.code, report: report! };
}

const findingIds = (report: NonNullable<Awaited<ReturnType<typeof scanJson>>['report']>) =>
  report.persons.flatMap((p) => p.findings.map((f) => f.activity.id)).sort();

describe('row-level faults are rejected and the run goes on', () => {
  it('unclosed quote: rejects its line, resynchronises, and still finds the violation after it', async () => {
    const { code, report } = await scanned('unclosed-quote.csv');
    expect(report.rejected).toEqual([
      {
        file: fault('unclosed-quote.csv'),
        line: 3,
        code: 'unclosed_quote',
        reason: 'a quoted field opened here is never closed',
      },
    ]);
    expect(report.summary).toMatchObject({ rows_read: 4, rows_evaluated: 3, rows_rejected: 1, rows_unmatched: 0 });
    // u4, after the broken line, is read as its own row: the quote did not swallow the rest of the file.
    expect(findingIds(report)).toEqual(['u4']);
    expect(code).toBe(1);
  });

  it('wrong column counts: too few and too many fields', async () => {
    const { code, report } = await scanned('column-count.csv');
    expect(report.rejected).toEqual([
      {
        file: fault('column-count.csv'),
        line: 2,
        code: 'field_count',
        reason: 'expected 7 fields as in the header, found 6',
      },
      {
        file: fault('column-count.csv'),
        line: 3,
        code: 'field_count',
        reason: 'expected 7 fields as in the header, found 9',
      },
    ]);
    expect(report.summary).toMatchObject({ rows_read: 3, rows_evaluated: 1, rows_rejected: 2, findings: 0 });
    expect(code).toBe(0);
  });

  it('unparseable and impossible timestamps', async () => {
    const { code, report } = await scanned('bad-timestamp.csv');
    expect(report.rejected.map((r) => [r.line, r.reason])).toEqual([
      [2, expect.stringMatching(/^timestamp: unrecognised timestamp format.*"kemarin sore"/)],
      [3, 'timestamp: 2024-02-30 10:00: February 2024 has 29 days'],
      [4, 'timestamp: 2024-10-02 25:61: hour 25 out of range (0–23)'],
    ]);
    expect(report.summary).toMatchObject({ rows_read: 4, rows_evaluated: 1, rows_rejected: 3, findings: 0 });
    expect(code).toBe(0);
  });

  it('unknown activity type', async () => {
    const { report } = await scanned('unknown-type.csv');
    expect(report.rejected).toEqual([
      {
        file: fault('unknown-type.csv'),
        line: 2,
        code: 'unknown_type',
        reason: expect.stringMatching(/^unknown activity type "poke"/),
      },
    ]);
    expect(report.summary).toMatchObject({ rows_read: 2, rows_evaluated: 1, rows_rejected: 1 });
  });

  it('invalid UTF-8 in a CSV: the byte offset of the first bad byte, also inside a record spanning two lines', async () => {
    const { report } = await scanned('invalid-utf8.csv');
    // Offsets counted from the file's first byte (the BOM included): 0xE9 of "café" and 0xC3 0x28 on line 5.
    expect(report.rejected).toEqual([
      { file: fault('invalid-utf8.csv'), line: 2, code: 'invalid_utf8', reason: 'invalid UTF-8 at byte offset 113' },
      {
        file: fault('invalid-utf8.csv'),
        line: 4,
        code: 'invalid_utf8',
        reason: 'invalid UTF-8 at byte offset 294 (record spans lines 4–5)',
      },
    ]);
    expect(report.summary).toMatchObject({ rows_read: 3, rows_evaluated: 1, rows_rejected: 2 });
    expect(report.inputs[0]?.encoding).toBe('utf-8-bom');
  });

  it('invalid UTF-8 in NDJSON', async () => {
    const { report } = await scanned('invalid-utf8.ndjson');
    expect(report.rejected).toEqual([
      { file: fault('invalid-utf8.ndjson'), line: 2, code: 'invalid_utf8', reason: 'invalid UTF-8 at byte offset 262' },
    ]);
    expect(report.summary).toMatchObject({ rows_read: 2, rows_evaluated: 1, rows_rejected: 1 });
  });

  it('NUL bytes reject their row, not the whole file', async () => {
    const { report } = await scanned('nul-byte.csv');
    expect(report.rejected).toEqual([
      { file: fault('nul-byte.csv'), line: 2, code: 'nul_byte', reason: 'text contains a NUL byte' },
      { file: fault('nul-byte.csv'), line: 3, code: 'nul_byte', reason: 'type contains a NUL byte' },
    ]);
    expect(report.summary).toMatchObject({ rows_read: 3, rows_evaluated: 1, rows_rejected: 2 });
  });

  it('--strict stops at the first bad row with exit 2 naming file and line', async () => {
    const { run } = await scanJson([fault('unclosed-quote.csv')], ['--strict']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `asn-audit: ${fault('unclosed-quote.csv')}:3: a quoted field opened here is never closed (--strict stops at the first bad row)\n`,
    );
  });
});
