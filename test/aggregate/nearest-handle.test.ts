// An account one typo from a roster handle is listed with that handle as a hint, and is never attributed by it.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nearestRosterHandles } from '../../src/aggregate/nearest-handle.js';
import { DEMO_ELECTION, DEMO_ROSTER, runMain } from '../faults/in-process.js';

describe('nearestRosterHandles', () => {
  const roster = ['x:hendra_smj', 'x:siti_r', 'instagram:hendra_smk', 'x:budi', 'x:bdui'];
  const near = (platform: string, account: string) =>
    nearestRosterHandles([{ platform, account }], roster).get(`${platform}:${account}`);

  it.each([
    ['a letter changed', 'hendra_smk', 'hendra_smj'],
    ['a letter dropped', 'hendra_sm', 'hendra_smj'],
    ['a letter added', 'siti_rr', 'siti_r'],
    ['two neighbours swapped', 'sitir_', 'siti_r'],
  ])('finds the roster handle one edit away: %s', (_, account, expected) => {
    expect(near('x', account)).toBe(expected);
  });

  it('looks on the same platform only, and not two edits away', () => {
    expect(near('tiktok', 'hendra_smk')).toBeNull();
    expect(near('x', 'hendra_s')).toBeNull();
    expect(near('x', 'siti')).toBeNull();
  });

  it('takes the smallest in code-unit order when several are one edit away, whatever the roster order', () => {
    expect(near('x', 'budu')).toBe('budi');
    expect(nearestRosterHandles([{ platform: 'x', account: 'bdi' }], [...roster].reverse()).get('x:bdi')).toBe('bdui');
  });

  it('gives no hint for an unmatched NIP', () => {
    expect(near('x', 'nip 198708082011011008')).toBeNull();
  });
});

describe('scan: unmatched accounts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'asn-audit-nearest-'));
  const file = join(dir, 'activity.csv');
  writeFileSync(
    file,
    'platform,account,timestamp,type,text\nx,hendra_smk,2024-10-03 19:15,post,coblos 01 RIDO\nx,orang_lain,2024-10-03 19:15,post,coblos 01 RIDO\n',
  );
  const scan = (...extra: string[]) =>
    runMain(['scan', file, '--roster', DEMO_ROSTER, '--election', DEMO_ELECTION, '--lang', 'en', ...extra], '', {
      env: { NO_COLOR: '1', ASN_AUDIT_REDACT_KEY: 'a key for this test only' },
    });

  it('lists the roster handle one typo away as a hint, and attributes nothing to it', async () => {
    const run = await scan('--format', 'json');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.summary.findings).toBe(0);
    expect(report.summary.rows_unmatched).toBe(2);
    expect(report.unmatched_accounts).toEqual([
      { platform: 'x', account: 'hendra_smk', rows: 1, nearest: 'hendra_smj' },
      { platform: 'x', account: 'orang_lain', rows: 1, nearest: null },
    ]);
    const table = (await scan()).stdout;
    expect(table).toContain('x @hendra_smk (1 rows) · in the roster, one typo away (not matched): @hendra_smj');
    expect(table).toMatch(/x @orang_lain \(1 rows\)\n/);
  });

  it('drops the hint under --redact, where it would give a pseudonymised handle away', async () => {
    const run = await scan('--format', 'json', '--redact');
    const report = JSON.parse(run.stdout);
    expect(report.unmatched_accounts.map((a: { nearest: unknown }) => a.nearest)).toEqual([null, null]);
    expect(run.stdout).not.toContain('hendra_smj');
  });
});
