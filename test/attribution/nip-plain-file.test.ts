// --nip names the owner of platform downloads. On a plain activity file, whose rows name their own account or nip,
// it would do nothing: the run stops, naming the file, rather than ignore the flag without a word.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanJson } from '../faults/in-process.js';
import { xManifest, xTweets } from './x-archive-fixture.js';

const HENDRA = '198708082011011009';
const CSV =
  'platform,account,timestamp,type,text\ninstagram,@sitirahma_dinkes,2024-10-03 19:15,post,Ayo coblos no 3!\n';

function dir(): string {
  return mkdtempSync(join(tmpdir(), 'asn-audit-nip-plain-'));
}

describe('--nip on a plain activity file', () => {
  it.each([
    ['activity.csv', CSV, 'CSV'],
    ['activity.ndjson', '{"platform":"x","account":"budi","timestamp":"2024-10-03 19:15","type":"post"}\n', 'NDJSON'],
    ['activity.json', '[{"platform":"x","account":"budi","timestamp":"2024-10-03 19:15","type":"post"}]', 'JSON'],
  ])('%s: exit 2 naming the file and what to do', async (name, text, kind) => {
    const file = join(dir(), name);
    writeFileSync(file, text);
    const { run } = await scanJson([file], ['--nip', HENDRA]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      `${file} --nip: --nip names the owner of platform data downloads, but this is a plain activity file (${kind}) whose rows are given to a person by their own account or nip column: --nip would not apply to it`,
    );
    expect(run.stderr).toContain('scan this file without --nip');
    expect(run.stdout).toBe('');
  });

  it('a download and a CSV side by side with --nip stop too; the download alone is read', async () => {
    const root = dir();
    mkdirSync(join(root, 'archive', 'data'), { recursive: true });
    writeFileSync(join(root, 'archive', 'data', 'manifest.js'), xManifest('someone'));
    writeFileSync(join(root, 'archive', 'data', 'tweets.js'), xTweets('Ayo coblos no 3! #JakartaMenyala'));
    // A text file of a download that holds no row is still skipped, not a reason to stop.
    writeFileSync(join(root, 'archive', 'README.txt'), 'This is your archive.\n');
    writeFileSync(join(root, 'activity.csv'), CSV);
    const mixed = await scanJson([join(root, 'archive'), join(root, 'activity.csv')], ['--nip', HENDRA]);
    expect(mixed.run.code).toBe(2);
    expect(mixed.run.stderr).toContain(`${join(root, 'activity.csv')} --nip: --nip names the owner`);
    const alone = await scanJson([join(root, 'archive')], ['--nip', HENDRA]);
    expect(alone.run.code, alone.run.stderr).toBe(1);
    expect(alone.report!.persons.map((p) => p.nip)).toEqual([HENDRA]);
  });

  it('without --nip the same CSV is read by its own columns', async () => {
    const file = join(dir(), 'activity.csv');
    writeFileSync(file, CSV);
    const { run, report } = await scanJson([file]);
    expect(run.code).toBe(1);
    expect(report!.summary).toMatchObject({ rows_read: 1, rows_evaluated: 1 });
  });
});
