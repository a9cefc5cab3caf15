// An account written as an address counts only on its platform's own hosts (and their web./m./mobile. variants): an
// x.com link in an instagram row, a link page or a short link is not that platform's handle, so no one gets the act.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadElection } from '../../src/load/election.js';
import { loadRoster } from '../../src/load/roster.js';
import { readHandle } from '../../src/normalize/handle.js';
import { AuditError } from '../../src/shared/errors.js';
import { scanJson } from '../faults/in-process.js';

const SITI = '198507222010012012';
const HENDRA = '198708082011011009';

function file(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'asn-audit-hosts-')), name);
  writeFileSync(path, text);
  return path;
}

describe('account addresses in activity rows', () => {
  it('are read only on the platform of the row; other hosts reject the row with the reason', async () => {
    const activity = file(
      'activity.csv',
      'platform,account,timestamp,type,text,target_account\n' +
        'instagram,https://x.com/sitirahma_dinkes,2024-10-03 19:15,post,Ayo coblos no 3!,\n' +
        'instagram,https://linktr.ee/sitirahma_dinkes,2024-10-03 19:15,post,Ayo coblos no 3!,\n' +
        'instagram,linktr.ee/sitirahma_dinkes,2024-10-03 19:15,post,Ayo coblos no 3!,\n' +
        'tiktok,https://vm.tiktok.com/rinamrln/,2024-10-03 19:15,post,Ayo coblos no 3!,\n' +
        'instagram,@sitirahma_dinkes,2024-10-03 19:15,reaction,,https://bit.ly/pramdoel\n' +
        'instagram,https://m.instagram.com/sitirahma_dinkes/,2024-10-03 19:15,post,Ayo coblos no 3!,\n' +
        'facebook,web.facebook.com/siti.rahmawati.85,2024-10-03 19:15,post,Ayo coblos no 3!,\n' +
        'x,https://mobile.twitter.com/hendra_smj,2024-10-03 19:15,post,Ayo coblos no 3!,\n',
    );
    const { run, report } = await scanJson([activity]);
    expect(run.code, run.stderr).toBe(1);
    expect(report!.rejected.map((r) => [r.line, r.reason])).toEqual([
      [
        2,
        'account: "https://x.com/sitirahma_dinkes" is an address on x, but the platform is instagram: it names no instagram account',
      ],
      [
        3,
        'account: "https://linktr.ee/sitirahma_dinkes" is an address on linktr.ee, not a profile address of any platform, but the platform is instagram: it names no instagram account',
      ],
      [
        4,
        'account: "linktr.ee/sitirahma_dinkes" is an address on linktr.ee, not a profile address of any platform, but the platform is instagram: it names no instagram account',
      ],
      [
        5,
        'account: "https://vm.tiktok.com/rinamrln/" is a short link (vm.tiktok.com), not a profile address, but the platform is tiktok: it names no tiktok account',
      ],
      [
        6,
        'target_account: "https://bit.ly/pramdoel" is an address on bit.ly, not a profile address of any platform, but the platform is instagram: it names no instagram account',
      ],
    ]);
    expect(report!.summary).toMatchObject({ rows_read: 8, rows_rejected: 5, rows_evaluated: 3, rows_unmatched: 0 });
    const lines = (nip: string) =>
      report!.persons.find((p) => p.nip === nip)?.findings.map((f) => f.activity.source.line) ?? [];
    expect([...new Set(lines(SITI))]).toEqual([7, 8]);
    expect([...new Set(lines(HENDRA))]).toEqual([9]);
  });

  it('readHandle keeps the handle of a same-platform address and refuses the rest', () => {
    expect(readHandle('facebook', 'm.facebook.com/budi.santoso')).toEqual({ ok: true, handle: 'budi.santoso' });
    expect(readHandle('x', 'twitter.com/BudiS')).toEqual({ ok: true, handle: 'budis' });
    expect(readHandle('instagram', 'rano.karno')).toEqual({ ok: true, handle: 'rano.karno' });
    expect(readHandle('youtube', 'https://youtu.be/dQw4w9WgXcQ').ok).toBe(false);
    expect(readHandle('instagram', 'https://instagram.com.evil.io/budi').ok).toBe(false);
  });
});

describe('account addresses in the roster', () => {
  it('web./m./mobile. hosts are the platform; a link page in a platform column is an error naming the cell', async () => {
    const good = file(
      'roster.csv',
      'nip,name,facebook,x\n' + `${SITI},Siti Rahmawati,web.facebook.com/siti.r85,mobile.twitter.com/SitiR\n`,
    );
    const roster = await loadRoster(good);
    expect([...roster.byAccount.entries()]).toEqual([
      ['facebook:siti.r85', SITI],
      ['x:sitir', SITI],
    ]);
    const bad = file('roster.csv', 'nip,name,instagram\n' + `${SITI},Siti Rahmawati,https://linktr.ee/sitir\n`);
    const error = await loadRoster(bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuditError);
    expect((error as AuditError).message).toContain(
      ':2 instagram: "https://linktr.ee/sitir" is an address on linktr.ee, not a profile address of any platform, but the platform is instagram',
    );
  });
});

describe('candidate accounts in the election file', () => {
  it('an address on another platform is an error naming the field', async () => {
    const demo = readFileSync('fixtures/demo/election.yaml', 'utf8');
    const edited = demo.replace('x: [ridwankamil]', 'x: ["https://www.instagram.com/ridwankamil"]');
    expect(edited).not.toBe(demo);
    const error = await loadElection(file('election.yaml', edited)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuditError);
    expect((error as AuditError).message).toContain(
      'candidates[0].accounts.x: "https://www.instagram.com/ridwankamil" is an address on instagram, but the platform is x',
    );
  });
});
