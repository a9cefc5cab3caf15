// A column no stage reads is named on stderr (scan) and in validate's answer, with the column a misnamed one meant:
// with `akun_target;teks_target` every like and follow lost its target, and validate said only "all valid".
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalHeaders } from '../../src/load/csv-dialect.js';
import { suggestColumn } from '../../src/load/unknown-columns.js';
import { activityType, ACTIVITY_HEADER_ALIASES } from '../../src/normalize/activity.js';
import { platformName } from '../../src/normalize/handle.js';
import { runMain, scanJson } from '../faults/in-process.js';

function file(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'asn-audit-columns-')), name);
  writeFileSync(path, text);
  return path;
}

describe('suggestColumn', () => {
  it.each([
    ['akun_target', 'target_account'],
    ['teks_target', 'target_text'],
    ['target_akun', 'target_account'],
    ['platfrom', 'platform'],
    ['timestmap', 'timestamp'],
    ['acount', 'account'],
    ['tanggal_waktu', null],
    ['catatan', null],
    ['note', null],
  ])('%s → %s', (name, expected) => {
    expect(suggestColumn(name)).toBe(expected);
  });
});

describe('columns that are not read', () => {
  const CSV =
    'platform;akun;timestamp;type;akun_target;teks_target;catatan\n' +
    'instagram;@sitirahma_dinkes;2024-10-03 19:15;like;pramonoanungw;Ayo coblos no 3!;x\n';

  it('scan names them on stderr with a did-you-mean, and still reads the rows', async () => {
    const csv = file('activity.csv', CSV);
    const { run, report } = await scanJson([csv]);
    expect(run.code, run.stderr).not.toBe(2);
    expect(report!.summary.rows_read).toBe(1);
    expect(run.stderr).toContain(
      `asn-audit: note: ${csv} has columns that are not read: "akun_target" (did you mean "target_account"?), "teks_target" (did you mean "target_text"?), "catatan" (the columns read are id, platform, account, nip, timestamp, type, text, target_account, target_text, url, event, location, tags)`,
    );
  });

  it('JSON keys too; under --redact the file is not named', async () => {
    const json = file(
      'activity.json',
      '[{"platform":"x","account":"hendra_smj","timestamp":"2024-10-03 19:15","type":"post","txt":"halo"}]',
    );
    const { run } = await scanJson([json], ['--redact', '--redact-key', 'k'.repeat(32)]);
    expect(run.stderr).toContain(
      'asn-audit: note: an input has columns that are not read: "txt" (did you mean "text"?)',
    );
    expect(run.stderr).not.toContain(json);
  });

  it('validate says which columns it did not read, after "all valid"', async () => {
    const csv = file('activity.csv', CSV);
    const run = await runMain(['validate', csv, '--kind', 'activity', '--lang', 'en']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      `1 rows, all valid\n  ${csv}: columns not read: "akun_target" (did you mean "target_account"?), "teks_target" (did you mean "target_text"?), "catatan"`,
    );
    // In the default language the label is Indonesian; the column names are the file's own.
    expect((await runMain(['validate', csv, '--kind', 'activity'])).stdout).toContain(
      `1 baris, semua sah\n  ${csv}: kolom yang tidak dibaca: "akun_target"`,
    );
  });

  it('a file with only the canonical columns gets no note', async () => {
    const csv = file('activity.csv', 'platform,account,timestamp,type,text\nx,hendra_smj,2024-10-03 19:15,post,halo\n');
    const { run } = await scanJson([csv]);
    expect(run.stderr).not.toContain('not read');
  });
});

describe('alias tables', () => {
  it('read own keys only: a column, type or platform named like a prototype key is itself', () => {
    expect(canonicalHeaders(['constructor', '__proto__', 'Handle'], ACTIVITY_HEADER_ALIASES)).toEqual([
      'constructor',
      '__proto__',
      'account',
    ]);
    expect(activityType('constructor')).toBeNull();
    expect(platformName('__proto__')).toBeNull();
    expect(platformName('toString')).toBeNull();
  });
});
