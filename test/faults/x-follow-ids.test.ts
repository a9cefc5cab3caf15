// As the README says: an X archive's follows name accounts by numeric id, so a follow of a campaign account is
// found when the election file lists that id, quoted, as the account's handle; without it, nothing matches.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { xManifest } from '../attribution/x-archive-fixture.js';
import { DEMO_ELECTION, scanJson } from './in-process.js';

const HENDRA = '198708082011011009';
const ID = '1587654321098765432';

function archive(): string {
  const root = mkdtempSync(join(tmpdir(), 'asn-audit-x-follow-'));
  mkdirSync(join(root, 'data'));
  writeFileSync(join(root, 'data', 'manifest.js'), xManifest('Hendra_SMJ'));
  writeFileSync(
    join(root, 'data', 'following.js'),
    `window.YTD.following.part0 = ${JSON.stringify([{ following: { accountId: ID, userLink: `https://twitter.com/intent/user?user_id=${ID}` } }])}\n`,
  );
  return root;
}

function election(withId: boolean): string {
  const text = readFileSync(DEMO_ELECTION, 'utf8').replace(
    '  - { candidate: pramono-rano, platform: x, handle: timpemenanganpramdoel }\n',
    `  - { candidate: pramono-rano, platform: x, handle: ${withId ? `"${ID}"` : 'timpemenanganpramdoel'} }\n`,
  );
  const file = join(mkdtempSync(join(tmpdir(), 'asn-audit-x-follow-e-')), 'election.yaml');
  writeFileSync(file, text);
  return file;
}

describe('X follows and numeric ids in the election file', () => {
  it('a follow matches the campaign account whose quoted numeric id is listed', async () => {
    const { run, report } = await scanJson([archive()], ['--election', election(true)]);
    expect(run.code, run.stderr).toBe(1);
    expect(report!.persons.map((p) => [p.nip, p.findings.map((f) => f.category)])).toEqual([
      [HENDRA, ['campaign_follow']],
    ]);
  });

  it('without the id, the same follow gives no finding', async () => {
    const { run, report } = await scanJson([archive()], ['--election', election(false)]);
    expect(run.code, run.stderr).toBe(0);
    expect(report!.persons).toEqual([]);
  });
});
