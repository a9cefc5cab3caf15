// A handle with characters that pass for others (Cyrillic і, fullwidth letters, the Kelvin sign) or with invisible
// ones (zero-width space, word joiner, BOM, bidi marks) never matches a roster handle, nor prints like one
// unremarked: the row is rejected with the code points. A handle is checked against the characters its platform
// allows, and a percent-encoded address (`%40siti`, `si%74i`) is decoded first.
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
    ['sitir\u0430hma_dinkes', '"sitir<U+0430>hma_dinkes" has characters that pass for others (U+0430 looks like "a")'],
    ['\u0441\u0456\u0442\u0456', 'it would print as "citi" without being that handle'],
  ])('%j is refused', (value, reason) => {
    const read = readHandle('instagram', value);
    expect(read.ok).toBe(false);
    expect(read.ok ? '' : read.reason).toContain(reason);
  });

  it('in an address the letter is decoded and refused like the handle written out (never s%d1%96ti)', () => {
    const read = readHandle('instagram', 'https://www.instagram.com/s\u0456ti/');
    expect(read.ok ? read.handle : read.reason).toContain('"s<U+0456>ti" has characters that pass for others (U+0456');
    const encoded = readHandle('instagram', 'https://www.instagram.com/s%D1%96ti/');
    expect(encoded.ok ? encoded.handle : encoded.reason).toContain('U+0456 looks like "i"');
  });

  it.each([
    ['https://www.instagram.com/%40siti', 'siti'],
    ['https://www.instagram.com/si%74i/', 'siti'],
    ['instagram.com/%53iti_R', 'siti_r'],
    ['https://x.com/%40Siti', 'siti'],
  ])('decodes the percent-encoded address %s before reading the handle', (value, handle) => {
    const platform = value.includes('x.com') ? 'x' : 'instagram';
    expect(readHandle(platform, value)).toEqual({ ok: true, handle });
  });

  it.each([
    ['@siti\u200B_r', 'U+200B', '"@siti<U+200B>_r" has an invisible character (U+200B)'],
    ['siti_r\u2060', 'U+2060', 'it would print as "siti_r" without being that handle'],
    ['\uFEFFhttps://instagram.com/siti_r', 'U+FEFF', '"<U+FEFF>https://instagram.com/siti_r"'],
    ['si\u200Cti\u200D', 'U+200C, U+200D', 'invisible characters (U+200C, U+200D)'],
    ['\u202Eitis', 'U+202E', 'that no platform allows in a handle'],
    ['https://www.instagram.com/siti%E2%80%8B/', 'U+200B', 'has an invisible character (U+200B)'],
    ['s\u00ADiti', 'U+00AD', 'U+00AD'],
  ])('refuses %j: invisible characters are shown by code point (%s)', (value, points, reason) => {
    const read = readHandle('instagram', value);
    expect(read.ok).toBe(false);
    expect(read.ok ? '' : read.reason).toContain(points);
    expect(read.ok ? '' : read.reason).toContain(reason);
  });

  it.each([
    ['x', 'budi.santoso', 'U+002E "."', 'a x handle has only Latin letters, digits and "_"'],
    ['instagram', 'budi-santoso', 'U+002D "-"', 'an instagram handle'],
    ['tiktok', 'budi santoso', 'U+0020', 'Latin letters, digits, "." and "_"'],
    ['instagram', 'dédé', 'U+00E9', 'instagram does not allow'],
  ])('refuses a %s handle %j with a character the platform does not allow (%s)', (platform, value, point, words) => {
    const read = readHandle(platform as 'x', value);
    expect(read.ok).toBe(false);
    expect(read.ok ? '' : read.reason).toContain(point);
    expect(read.ok ? '' : read.reason.replace('a instagram', 'an instagram')).toContain(words);
  });

  it('leaves handles and names of another script alone where the platform allows them', () => {
    expect(readHandle('x', 'Siti_R88')).toEqual({ ok: true, handle: 'siti_r88' });
    expect(readHandle('tiktok', '@pakbudi.ngajar')).toEqual({ ok: true, handle: 'pakbudi.ngajar' });
    expect(readHandle('youtube', 'дмитрий')).toEqual({ ok: true, handle: 'дмитрий' });
    expect(readHandle('facebook', 'Relawan Рramdoel')).toEqual({ ok: true, handle: 'relawan рramdoel' });
    expect(readHandle('facebook', 'bjørn.s')).toEqual({ ok: true, handle: 'bjørn.s' });
  });
});

describe('scan', () => {
  it('rejects rows whose account passes for a roster handle or hides a zero-width space', async () => {
    const activity = file(
      'activity.csv',
      'platform,account,timestamp,type,text\n' +
        'instagram,s\u0456tirahma_dinkes,2024-10-03 19:15,post,Ayo coblos no 3!\n' +
        'tiktok,\u212Aang_dadang,2024-10-03 19:15,post,Ayo coblos no 3!\n' +
        'instagram,@sitirahma\u200B_dinkes,2024-10-03 19:15,post,Ayo coblos no 3!\n',
    );
    const { run, report } = await scanJson([activity]);
    expect(run.code, run.stderr).toBe(0);
    expect(report!.summary).toMatchObject({ rows_read: 3, rows_rejected: 3, rows_evaluated: 0, rows_unmatched: 0 });
    expect(report!.rejected.map((r) => [r.line, r.reason])).toEqual([
      [
        2,
        'account: "s<U+0456>tirahma_dinkes" has characters that pass for others (U+0456 looks like "i"): it would print as "sitirahma_dinkes" without being that handle',
      ],
      [
        3,
        'account: "<U+212A>ang_dadang" has characters that pass for others (U+212A looks like "K"): it would print as "Kang_dadang" without being that handle',
      ],
      [
        4,
        'account: "@sitirahma<U+200B>_dinkes" has an invisible character (U+200B) that no platform allows in a handle: it would print as "@sitirahma_dinkes" without being that handle',
      ],
    ]);
    expect(report!.persons.flatMap((p) => p.findings)).toEqual([]);
  });

  it('a roster handle with a zero-width space is an error naming the cell and the code point', async () => {
    const roster = file('roster.csv', `nip,name,instagram\n${SITI},Siti Rahmawati,sitirahma\u200B_dinkes\n`);
    const error = await loadRoster(roster).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuditError);
    expect((error as AuditError).message).toContain(
      ':2 instagram: "sitirahma<U+200B>_dinkes" has an invisible character (U+200B) that no platform allows in a handle',
    );
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
