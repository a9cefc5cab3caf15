// A key written twice in one JSON object is refused, located, as CSV refuses a column named twice.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { duplicateKeys } from '../../src/load/json-duplicate-keys.js';
import { readJsonArray, readNdjson } from '../../src/load/json-records.js';
import { loadRoster } from '../../src/load/roster.js';
import { ACTIVITY_HEADER_ALIASES } from '../../src/normalize/activity.js';
import { DEMO_CONTEXT, runCli } from '../helpers/cli.js';
import { reasonIn } from '../../src/shared/labels/reason.js';
import { UI_LABELS } from '../../src/shared/labels/index.js';
import type { RejectionReason } from '../../src/shared/types.js';

const inEnglish = (reason: RejectionReason) => reasonIn(UI_LABELS.en, reason);

const BUDI = '197803142003121005';
const SITI = '198507222010012012';
const ROW =
  '"platform": "offline", "timestamp": "2024-10-12 16:00", "type": "attendance", "event": "Deklarasi relawan RIDO", "tags": "active:cheer"';

describe('duplicateKeys', () => {
  it('finds a key again in the same object, with its element and line, and no other', () => {
    const text = `[\n {"a": 1, "b": {"a": 2}},\n {"a": 1,\n  "a": 2},\n "x", {"k\\u0061": 1, "ka": 2}\n]`;
    expect(duplicateKeys(text)).toEqual([
      { element: 1, line: 4, key: 'a' },
      { element: 3, line: 5, key: 'ka' },
    ]);
    expect(duplicateKeys('{"a": "\\"a\\"", "b": ["a", "a"]}')).toEqual([]);
    expect(duplicateKeys('{"a": 1, "a": 2}')).toEqual([{ element: -1, line: 1, key: 'a' }]);
  });

  it('walks a deeply nested document without running out of stack', () => {
    const deep = `${'['.repeat(200000)}${']'.repeat(200000)}`;
    expect(duplicateKeys(deep)).toEqual([]);
  });
});

describe('activity records with a key twice', () => {
  it('rejects the record of a JSON array, naming the key and its line', () => {
    const text = `[\n  {${ROW}, "nip": "${SITI}"},\n  {${ROW},\n   "nip": "${SITI}",\n   "nip": "${BUDI}"}\n]\n`;
    const items = [...readJsonArray(text, 'a.json', ACTIVITY_HEADER_ALIASES)];
    expect(items.map((i) => i.kind)).toEqual(['row', 'rejected']);
    expect(items[1]).toEqual({
      kind: 'rejected',
      rejection: {
        file: 'a.json',
        line: 3,
        reason: { code: 'repeated_key', key: 'nip', againOnLine: 5 },
      },
    });
  });

  it('rejects an NDJSON line, and two keys that mean the same column', async () => {
    const lines = [`{${ROW}, "nip": "${SITI}", "nip": "${BUDI}"}`, `{${ROW}, "account": "a", "username": "b"}`];
    const items = [];
    for await (const item of readNdjson(
      (async function* () {
        yield lines.join('\n');
      })(),
      'a.ndjson',
      ACTIVITY_HEADER_ALIASES,
    ))
      items.push(item);
    expect(
      items.map((i) => (i.kind === 'rejected' ? [i.rejection.line, inEnglish(i.rejection.reason)] : i.kind)),
    ).toEqual([
      [
        2 - 1,
        'key "nip" appears twice in this record (again on line 1): which value is meant is ambiguous; keep one of them',
      ],
      [2, 'keys "account" and "username" both mean "account": which one to use is ambiguous; keep one of them'],
    ]);
  });

  it('scan lists the record rejected and gives it to neither NIP', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'asn-audit-dup-')), 'activity.json');
    writeFileSync(file, `[\n  {${ROW},\n   "nip": "${SITI}",\n   "nip": "${BUDI}"}\n]\n`);
    const run = runCli(['scan', file, ...DEMO_CONTEXT, '--format', 'json', '--lang', 'en']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as {
      summary: { rows_rejected: number };
      rejected: { line: number; reason: string }[];
      persons: unknown[];
    };
    expect(report.summary.rows_rejected).toBe(1);
    expect(report.persons).toEqual([]);
    expect(report.rejected.map((r) => [r.line, r.reason.slice(0, 43)])).toEqual([
      [2, 'key "nip" appears twice in this record (aga'],
    ]);
  });
});

describe('a roster object with a key twice', () => {
  it('stops the roster, naming the file, line and key', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'asn-audit-dup-roster-')), 'roster.json');
    writeFileSync(
      file,
      `[\n  {"nip": "${BUDI}", "name": "Budi Santoso", "instagram": "budi"},\n  {"nip": "${SITI}", "name": "Siti",\n   "instagram": "siti", "instagram": "budi2"}\n]\n`,
    );
    await expect(loadRoster(file)).rejects.toThrow(
      `${file}:4 [1].instagram: key "instagram" appears twice in this object: which value is meant is ambiguous; keep one of them`,
    );
    const run = runCli(['validate', file, '--kind', 'roster']);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain(`${file}:4 [1].instagram: key "instagram" appears twice`);
  });
});
