// A Facebook /people/<Name>/<id> address names its account by the id: the display name before it is shared by other
// users, so matching by it would give one user's act to another of the same name.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRoster } from '../../src/load/roster.js';
import { readHandle } from '../../src/normalize/handle.js';
import { scanJson } from '../faults/in-process.js';

const SITI = '198507222010012012';
const BUDI = '197803142003121005';

function file(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'asn-audit-fb-people-')), name);
  writeFileSync(path, text);
  return path;
}

describe('facebook /people/<Name>/<id>', () => {
  it('reads the id, and refuses a /people/ address without one', () => {
    expect(readHandle('facebook', 'https://www.facebook.com/people/Siti-Rahmawati/100089001234567/')).toEqual({
      ok: true,
      handle: '100089001234567',
    });
    expect(readHandle('facebook', 'facebook.com/pages/Relawan-Pramdoel/123456789')).toEqual({
      ok: true,
      handle: '123456789',
    });
    expect(readHandle('facebook', 'https://www.facebook.com/people/Siti-Rahmawati/')).toEqual({
      ok: false,
      reason:
        '"https://www.facebook.com/people/Siti-Rahmawati/" gives a display name without the numeric id after it: a /people/ or /pages/ address names its account by that id, and a name is shared by many users',
    });
  });

  it('attributes by the id: the same name with another id is another user', async () => {
    const roster = file(
      'roster.csv',
      'nip,name,facebook\n' +
        `${SITI},Siti Rahmawati,https://www.facebook.com/people/Siti-Rahmawati/100089001234567/\n` +
        `${BUDI},Budi Santoso,siti.rahmawati\n`,
    );
    expect([...(await loadRoster(roster)).byAccount.entries()]).toEqual([
      ['facebook:100089001234567', SITI],
      ['facebook:siti.rahmawati', BUDI],
    ]);
    const activity = file(
      'activity.csv',
      'platform,account,timestamp,type,text\n' +
        'facebook,https://www.facebook.com/people/Siti-Rahmawati/100089001234567,2024-10-03 19:15,post,Ayo coblos no 3!\n' +
        'facebook,https://www.facebook.com/people/Siti-Rahmawati/100077000000001,2024-10-03 19:15,post,Ayo coblos no 3!\n' +
        'facebook,https://www.facebook.com/people/siti.rahmawati/100077000000002,2024-10-03 19:15,post,Ayo coblos no 3!\n',
    );
    const { run, report } = await scanJson([activity], ['--roster', roster]);
    expect(run.code, run.stderr).toBe(1);
    expect(report!.summary).toMatchObject({ rows_read: 3, rows_evaluated: 1, rows_unmatched: 2, rows_rejected: 0 });
    expect(report!.persons.map((p) => [p.nip, [...new Set(p.findings.map((f) => f.activity.source.line))]])).toEqual([
      [SITI, [2]],
    ]);
  });
});
