// Inputs at the edges of the formats, scanned end to end with the built CLI: counts, rejections and exit codes.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_CONTEXT, runCli } from '../helpers/cli.js';

interface Report {
  summary: Record<string, number>;
  rejected: { line: number; code: string; reason: string }[];
  persons: { nip: string }[];
}

const dir = mkdtempSync(join(tmpdir(), 'asn-audit-edges-'));
function scan(
  name: string,
  content: string | Buffer,
  ...args: string[]
): { code: number; report: Report; stderr: string } {
  const file = join(dir, name);
  writeFileSync(file, content);
  const run = runCli(['scan', file, ...DEMO_CONTEXT, '--format', 'json', '--lang', 'en', ...args]);
  expect(run.stderr).not.toContain('internal error');
  return { code: run.code, report: JSON.parse(run.stdout) as Report, stderr: run.stderr };
}

const GOOD = JSON.stringify({
  platform: 'x',
  account: 'hendra_smj',
  timestamp: '2024-10-03 19:15',
  type: 'post',
  text: 'coblos 01 RIDO',
});
const nested = (levels: number) => `{"platform": "x", "text": ${'['.repeat(levels - 1)}${']'.repeat(levels - 1)}}`;

describe('JSON nested 100,000 levels deep', () => {
  it('rejects that record alone in NDJSON and in a JSON array, and reads the rest', () => {
    for (const [name, content] of [
      ['deep.ndjson', `${nested(100_000)}\n${GOOD}\n`],
      ['deep.json', `[${nested(100_000)},\n${GOOD}]\n`],
    ] as const) {
      const { code, report } = scan(name, content);
      // The good row is an endorsement post by a roster person: a finding, exit 1.
      expect(code).toBe(1);
      expect(report.summary).toMatchObject({ rows_read: 2, rows_rejected: 1, findings: 1 });
      expect(report.rejected).toMatchObject([{ line: 1, code: 'nested_too_deep' }]);
      expect(report.rejected[0]!.reason).toContain('nested deeper than 64 levels');
    }
  });
});

const HEADER = 'platform;account;timestamp;type;text';
const ROW = 'x;hendra_smj;2024-10-03 19:15;post;coblos 01 RIDO';

describe("Excel's dialects", () => {
  it('a `sep=;` first line is skipped, not read as the header', () => {
    const { code, report } = scan('sep.csv', `sep=;\n${HEADER}\n${ROW}\nx;hendra_smj;2024-10-03 19:15;nope;a\n`);
    expect(code).toBe(1);
    expect(report.summary).toMatchObject({ rows_read: 2, rows_rejected: 1, findings: 1 });
    expect(report.rejected).toMatchObject([{ line: 4, code: 'unknown_type' }]);
  });

  it('a CR-only file is read row by row, its lines counted by CR', () => {
    const { code, report } = scan('cr.csv', `${HEADER}\r${ROW}\rx;hendra_smj;2024-10-03 19:15;nope;a\r`);
    expect(code).toBe(1);
    expect(report.summary).toMatchObject({ rows_read: 2, rows_rejected: 1, findings: 1 });
    expect(report.rejected).toMatchObject([{ line: 3, code: 'unknown_type' }]);
  });
});

describe("Excel's blank rows", () => {
  it('are counted in rows_blank, not rejected, and do not stop --strict', () => {
    const { code, report } = scan('blank.csv', `${HEADER}\n${ROW}\n;;;;\n;;;;\n${ROW}\n`, '--strict');
    expect(code).toBe(1);
    expect(report.summary).toMatchObject({ rows_read: 2, rows_blank: 2, rows_rejected: 0, findings: 1 });
    expect(report.rejected).toEqual([]);
  });
});

describe("the tool's own type labels as input", () => {
  it('unggahan and reaksi are read as post and reaction, not refused', () => {
    const { code, report } = scan(
      'labels.csv',
      `${HEADER}\nx;hendra_smj;2024-10-03 19:15;Unggahan;coblos 01 RIDO\nx;hendra_smj;2024-10-03 19:16;reaksi;coblos 01 RIDO\n`,
    );
    expect(code).toBe(1);
    expect(report.summary).toMatchObject({ rows_read: 2, rows_rejected: 0, rows_evaluated: 2 });
    expect(report.summary.findings).toBeGreaterThanOrEqual(1);
  });
});
