// A roster account that the election file gives to a candidate or a campaign is an error, before any row is read:
// otherwise the servant's own posts would be judged as the candidate's, and their likes of them as support.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadElection } from '../../src/load/election.js';
import { checkRosterAgainstElection } from '../../src/load/roster-election.js';
import { loadRoster } from '../../src/load/roster.js';
import { AuditError } from '../../src/shared/errors.js';
import { DEMO_ELECTION, runMain, scanJson } from '../faults/in-process.js';

const SITI = '198507222010012012';
const AGUS = '198201052006041003';

function write(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'asn-audit-roster-candidate-')), name);
  writeFileSync(path, text);
  return path;
}

const roster = write(
  'roster.csv',
  'nip,name,agency,position,instagram,x\n' +
    `${SITI},Siti Rahmawati,Dinkes,Kasi,sitirahma_dinkes,\n` +
    `${AGUS},Agus Setiawan,Satpol PP,Kepala Regu,@Relawan.RIDO.Jakarta,https://x.com/ridwankamil\n`,
);
const activity = write(
  'activity.csv',
  'platform,account,timestamp,type,text\ninstagram,sitirahma_dinkes,2024-10-03 19:15,post,Ayo coblos no 1!\n',
);

describe('a roster account that is a candidate or campaign account', () => {
  it('names the roster file, line, handle and candidate of each', async () => {
    const [loaded, election] = [await loadRoster(roster), await loadElection(DEMO_ELECTION)];
    let error: unknown = null;
    try {
      checkRosterAgainstElection(loaded, election);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(AuditError);
    expect((error as AuditError).problems.map((p) => [p.file, p.line, p.field])).toEqual([
      [roster, 3, 'instagram'],
      [roster, 3, 'x'],
    ]);
    expect((error as AuditError).problems[0]!.message).toBe(
      `the account relawan.rido.jakarta is a campaign account of candidate "rido" (Ridwan Kamil – Suswono) in the election file ${DEMO_ELECTION}: a roster account cannot be a candidate's or a campaign's; correct the roster or the election file`,
    );
    expect((error as AuditError).problems[1]!.message).toContain(
      `the account ridwankamil is the candidate's own account of candidate "rido"`,
    );
  });

  it('stops the scan with exit 2 before any row, and says nothing of the person but the line', async () => {
    const { run, report } = await scanJson([activity], ['--roster', roster]);
    expect(run.code).toBe(2);
    expect(report).toBeNull();
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`${roster}:3 instagram: the account relawan.rido.jakarta is a campaign account`);
    expect(run.stderr).toContain(`${roster}:3 x: the account ridwankamil is the candidate's own account`);
    expect(run.stderr).toMatch(/^asn-audit: 2 problems:/);
    expect(run.stderr).not.toContain(AGUS);
  });

  it('stops validate when it is given both files, as scan would', async () => {
    const run = await runMain(['validate', activity, '--roster', roster, '--election', DEMO_ELECTION, '--lang', 'en']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${roster}:3 instagram: the account relawan.rido.jakarta is a campaign account`);
  });

  it('lets the same roster through without those two accounts', async () => {
    const clean = write(
      'roster.csv',
      `nip,name,agency,position,instagram\n${SITI},Siti Rahmawati,Dinkes,Kasi,sitirahma_dinkes\n`,
    );
    const { run } = await scanJson([activity], ['--roster', clean]);
    expect(run.code, run.stderr).toBe(1);
  });
});
