// A handle with characters that pass for others (Cyrillic і, fullwidth letters, the Kelvin sign) never matches a
// roster handle, nor prints like one unremarked: the row is rejected with the code points. Zero-width characters,
// which no platform allows in a handle, are dropped, so the handle is the one without them.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRoster } from '../../src/load/roster.js';
import { readHandle } from '../../src/normalize/handle.js';
import { AuditError } from '../../src/shared/errors.js';
import { scanJson } from '../faults/in-process.js';

const SITI = '198507222010012012';

function file(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'asn-audit-confusable-')), name);
  writeFileSync(path, text);
  return path;
}

describe('readHandle and look-alike characters', () => {
  it.each([
    ['s\u0456ti', '"s<U+0456>ti" has characters that pass for others (U+0456 looks like "i")'],
    ['\uFF53\uFF49\uFF54\uFF49', '"<U+FF53><U+FF49><U+FF54><U+FF49>" has characters that pass for others'],
    ['\u212Aang_dadang', '"<U+212A>ang_dadang" has characters that pass for others (U+212A looks like "K")'],
    ['\u0441\u0456\u0442\u0456', 'it would print as "citi" without being that handle'],
  ])('%j is refused', (value, reason) => {
    const read = readHandle('instagram', value);
    expect(read.ok).toBe(false);
    expect(read.ok ? '' : read.reason).toContain(reason);
  });

  it('in an address the letter is percent-encoded: never the ASCII handle, and printed as such', () => {
    expect(readHandle('instagram', 'https://www.instagram.com/s\u0456ti/')).toEqual({ ok: true, handle: 's%d1%96ti' });
  });

  it('drops zero-width characters and leaves handles and names of another script alone', () => {
    expect(readHandle('instagram', '@siti\u200B_r\u2060')).toEqual({ ok: true, handle: 'siti_r' });
    expect(readHandle('instagram', '\uFEFFhttps://instagram.com/siti_r')).toEqual({ ok: true, handle: 'siti_r' });
    expect(readHandle('youtube', 'дмитрий')).toEqual({ ok: true, handle: 'дмитрий' });
    expect(readHandle('facebook', 'Relawan Рramdoel')).toEqual({ ok: true, handle: 'relawan рramdoel' });
    expect(readHandle('facebook', 'bjørn.s')).toEqual({ ok: true, handle: 'bjørn.s' });
  });
});

describe('scan', () => {
  it('rejects rows whose account passes for a roster handle, and matches one with a zero-width space', async () => {
    const activity = file(
      'activity.csv',
      'platform,account,timestamp,type,text\n' +
        'instagram,s\u0456tirahma_dinkes,2024-10-03 19:15,post,Ayo coblos no 3!\n' +
        'tiktok,\u212Aang_dadang,2024-10-03 19:15,post,Ayo coblos no 3!\n' +
        'instagram,@sitirahma\u200B_dinkes,2024-10-03 19:15,post,Ayo coblos no 3!\n',
    );
    const { run, report } = await scanJson([activity]);
    expect(run.code, run.stderr).toBe(1);
    expect(report!.summary).toMatchObject({ rows_read: 3, rows_rejected: 2, rows_evaluated: 1, rows_unmatched: 0 });
    expect(report!.rejected.map((r) => [r.line, r.reason])).toEqual([
      [
        2,
        'account: "s<U+0456>tirahma_dinkes" has characters that pass for others (U+0456 looks like "i"): it would print as "sitirahma_dinkes" without being that handle',
      ],
      [
        3,
        'account: "<U+212A>ang_dadang" has characters that pass for others (U+212A looks like "K"): it would print as "Kang_dadang" without being that handle',
      ],
    ]);
    expect(report!.persons.map((p) => [p.nip, [...new Set(p.findings.map((f) => f.activity.source.line))]])).toEqual([
      [SITI, [4]],
    ]);
    expect(JSON.stringify(report)).not.toContain('\u200B');
  });

  it('a roster handle with a look-alike is an error naming the cell', async () => {
    const roster = file('roster.csv', `nip,name,instagram\n${SITI},Siti Rahmawati,s\u0456tirahma_dinkes\n`);
    const error = await loadRoster(roster).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuditError);
    expect((error as AuditError).message).toContain(
      ':2 instagram: "s<U+0456>tirahma_dinkes" has characters that pass for others (U+0456 looks like "i")',
    );
  });
});
