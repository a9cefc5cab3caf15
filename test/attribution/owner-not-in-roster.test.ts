// A download whose own manifest names an owner the roster does not know would give every row to no one and end
// "no findings" with exit 0: the run stops instead (as for a download with no owner at all), naming the account.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_ROSTER, scanJson } from '../faults/in-process.js';
import { xManifest, xTweets } from './x-archive-fixture.js';

const HENDRA = '198708082011011009';

function archive(owner: string): string {
  const root = mkdtempSync(join(tmpdir(), 'asn-audit-owner-roster-'));
  mkdirSync(join(root, 'data'));
  writeFileSync(join(root, 'data', 'manifest.js'), xManifest(owner));
  writeFileSync(join(root, 'data', 'tweets.js'), xTweets('Ayo coblos no 3! #JakartaMenyala'));
  return root;
}

describe('an X archive whose owner is not in the roster', () => {
  it('stops the run with exit 2, naming the account and what to do', async () => {
    const root = archive('someone_else');
    const { run } = await scanJson([root]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      `${join(root, 'data', 'tweets.js')}: the download names its owner x account @someone_else (in data/manifest.js), which is in no roster entry of ${DEMO_ROSTER}: its rows would be given to no one`,
    );
    expect(run.stderr).toContain(
      "hint: pass --nip with the owner's NIP, put the download in a folder named by that NIP, or add x:someone_else to the owner's roster entry",
    );
    expect(run.stdout).toBe('');
  });

  it('is read for the person --nip names, and an owner in the roster is read as before', async () => {
    const withNip = await scanJson([archive('someone_else')], ['--nip', HENDRA]);
    expect(withNip.run.code, withNip.run.stderr).toBe(1);
    expect(withNip.report!.persons.map((p) => p.nip)).toEqual([HENDRA]);
    const known = await scanJson([archive('Hendra_SMJ')]);
    expect(known.run.code, known.run.stderr).toBe(1);
    expect(known.report!.persons.map((p) => p.nip)).toEqual([HENDRA]);
  });
});
