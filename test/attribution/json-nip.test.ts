// A NIP written as a JSON number has lost digits before anything reads it: it is rejected, located, never matched.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readJsonArray, readNdjson } from '../../src/load/json-records.js';
import { ACTIVITY_HEADER_ALIASES } from '../../src/normalize/activity.js';
import { DEMO_CONTEXT, runCli } from '../helpers/cli.js';

const SITI = '198507222010012012';
const ROW =
  '"platform": "offline", "timestamp": "2024-10-12 16:00", "type": "attendance", "event": "Deklarasi relawan RIDO", "tags": "active:cheer"';

describe('a NIP as a JSON number', () => {
  it('rejects the record of a JSON array at its line, saying how the number was read', () => {
    const text = `[\n  {${ROW}, "nip": "${SITI}"},\n  {${ROW}, "nip": ${SITI}}\n]\n`;
    const items = [...readJsonArray(text, 'a.json', ACTIVITY_HEADER_ALIASES)];
    expect(items[0]).toMatchObject({ kind: 'row', row: { fields: { nip: SITI } } });
    expect(items[1]).toEqual({
      kind: 'rejected',
      rejection: {
        file: 'a.json',
        line: 3,
        reason: { code: 'nip_as_number', key: 'nip', read: '198507222010012000' },
      },
    });
  });

  it('rejects it in NDJSON, and under an alias; an account too large to be exact is rejected too', async () => {
    const lines = [
      `{${ROW}, "NIP": ${SITI}}`,
      `{"platform": "facebook", "akun": 100012345678901234, "timestamp": "2024-10-12", "type": "post"}`,
    ];
    const items = [];
    for await (const item of readNdjson(
      (async function* () {
        yield lines.join('\n');
      })(),
      'a.ndjson',
      ACTIVITY_HEADER_ALIASES,
    ))
      items.push(item);
    expect(items.map((i) => (i.kind === 'rejected' ? [i.rejection.line, i.rejection.reason] : i.kind))).toEqual([
      [1, { code: 'nip_as_number', key: 'NIP', read: expect.any(String) }],
      [2, { code: 'number_too_large', key: 'akun', read: expect.any(String) }],
    ]);
  });

  it('leaves small numbers in other fields alone', () => {
    const items = [...readJsonArray(`[{${ROW}, "nip": "${SITI}", "text": 3}]`, 'a.json', ACTIVITY_HEADER_ALIASES)];
    expect(items[0]).toMatchObject({ kind: 'row', row: { fields: { text: '3' } } });
  });
});

describe('scan of a JSON file with a numeric NIP', () => {
  it('counts the row rejected with the reason and gives it to nobody', () => {
    const dir = mkdtempSync(join(tmpdir(), 'asn-audit-json-nip-'));
    const file = join(dir, 'activity.json');
    writeFileSync(file, `[\n  {${ROW}, "nip": ${SITI}}\n]\n`);
    const run = runCli(['scan', file, ...DEMO_CONTEXT, '--format', 'json', '--lang', 'en']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as {
      summary: { rows_read: number; rows_rejected: number; findings: number };
      rejected: { file: string; line: number; code: string; reason: string }[];
      persons: unknown[];
    };
    expect(report.summary).toMatchObject({ rows_read: 1, rows_rejected: 1 });
    expect(report.persons).toEqual([]);
    expect(report.rejected).toEqual([
      {
        file,
        line: 2,
        code: 'nip_as_number',
        reason: expect.stringContaining('"nip" is a JSON number (read as 198507222010012000)'),
      },
    ]);
    const strict = runCli(['scan', file, ...DEMO_CONTEXT, '--strict', '--lang', 'en']);
    expect(strict.code).toBe(2);
    expect(strict.stderr).toContain(`${file}:2: "nip" is a JSON number`);
  });
});
