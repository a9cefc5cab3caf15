// Each platform download in a folder or a .zip takes the owner its own manifest or account file names.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { loadActivity, type OwnerHints } from '../../src/load/activity-sources.js';
import type { LoadedItem } from '../../src/load/loaded-item.js';
import { DownloadOwners } from '../../src/load/platforms/index.js';
import { xAccount, xManifest, xTweets } from './x-archive-fixture.js';

const HENDRA = '198708082011011009';
const ANDREAS = '199107162016031005';
const ROSTER: OwnerHints['roster'] = {
  byNip: new Map([
    [HENDRA, { name: 'Hendra Simanjuntak' }],
    [ANDREAS, { name: 'Andreas Wijaya' }],
  ]) as never,
  byAccount: new Map([
    ['x:hendra_smj', HENDRA],
    ['x:andreas_wjy', ANDREAS],
  ]),
};

function writeTree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'asn-audit-owners-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, name)), { recursive: true });
    writeFileSync(join(root, name), text);
  }
  return root;
}

async function rows(path: string, hints: Partial<OwnerHints> = {}) {
  const loaded = loadActivity([path], { rosterNips: new Set([HENDRA, ANDREAS]), ...hints }, (async function* () {})());
  const items: LoadedItem[] = [];
  for await (const item of loaded.items) items.push(item);
  return items.flatMap((i) =>
    i.kind === 'row'
      ? [[i.row.source.file.slice(path.length).replace(/^\//, ''), i.row.fields.nip ?? i.row.fields.account]]
      : [],
  );
}

const TWO_DOWNLOADS = {
  'andreas/data/manifest.js': xManifest('andreas_wjy'),
  'andreas/data/tweets.js': xTweets('Coblos nomor 3'),
  'hendra/data/manifest.js': xManifest('hendra_smj'),
  'hendra/data/tweets.js': xTweets('Pilih nomor 1'),
};

describe('downloads side by side', () => {
  it('gives each download in a folder the owner of its own manifest, not the first one', async () => {
    expect(await rows(writeTree(TWO_DOWNLOADS))).toEqual([
      ['andreas/data/tweets.js', 'andreas_wjy'],
      ['hendra/data/tweets.js', 'hendra_smj'],
    ]);
  });

  it('does the same for downloads zipped together, and for a download zipped inside a folder', async () => {
    const zip = join(mkdtempSync(join(tmpdir(), 'asn-audit-owners-zip-')), 'both.zip');
    writeFileSync(zip, zipSync(Object.fromEntries(Object.entries(TWO_DOWNLOADS).map(([k, v]) => [k, strToU8(v)]))));
    expect(await rows(zip)).toEqual([
      ['!andreas/data/tweets.js', 'andreas_wjy'],
      ['!hendra/data/tweets.js', 'hendra_smj'],
    ]);
    const folder = writeTree({ 'hendra/data/manifest.js': xManifest('hendra_smj') });
    writeFileSync(join(folder, 'hendra', 'more.zip'), zipSync({ 'tweets.js': strToU8(xTweets('lagi')) }));
    expect(await rows(folder)).toEqual([['hendra/more.zip!tweets.js', 'hendra_smj']]);
  });

  it('gives a download with no owner file of its own no owner, and stops the run naming it', async () => {
    const root = writeTree({ ...TWO_DOWNLOADS, 'nobody/data/tweets.js': xTweets('Ayo pilih') });
    await expect(rows(root)).rejects.toThrow(/nobody\/data\/tweets\.js: cannot tell whose data download this is/);
  });

  it('uses the account file when there is no manifest, and refuses a download whose two owner files disagree', async () => {
    expect(
      await rows(writeTree({ 'a/data/account.js': xAccount('hendra_smj'), 'a/data/tweets.js': xTweets('x') })),
    ).toEqual([['a/data/tweets.js', 'hendra_smj']]);
    const disputed = writeTree({
      'data/manifest.js': xManifest('hendra_smj'),
      'data/account.js': xAccount('andreas_wjy'),
      'data/tweets.js': xTweets('x'),
    });
    await expect(rows(disputed)).rejects.toThrow(
      /data\/account\.js: this download names two owners, x @hendra_smj \(data\/manifest\.js\) and x @andreas_wjy \(data\/account\.js\)/,
    );
  });

  it('never gives an owner of one platform to a download of another', () => {
    const owners = new DownloadOwners([{ name: 'data/manifest.js', text: () => xManifest('hendra_smj') }]);
    expect(owners.ownerOf('data/tweets.js', 'x')).toMatchObject({ handle: 'hendra_smj' });
    expect(owners.ownerOf('your_instagram_activity/likes/liked_posts.json', 'instagram')).toBeNull();
  });
});

describe('the download owner against its NIP folder and --nip', () => {
  it('refuses a download in a NIP folder whose own manifest names another roster person, naming both', async () => {
    const root = writeTree({
      [`${HENDRA}/data/manifest.js`]: xManifest('andreas_wjy'),
      [`${HENDRA}/data/tweets.js`]: xTweets('x'),
    });
    await expect(rows(root, { roster: ROSTER })).rejects.toThrow(
      `${root}/${HENDRA}/data/manifest.js: the download names its owner x account @andreas_wjy (in manifest.js), which the roster gives to Andreas Wijaya (NIP ${ANDREAS}), but the folder "${HENDRA}" names Hendra Simanjuntak (NIP ${HENDRA}): a wrong owner would accuse the wrong person`,
    );
  });

  it('refuses the same under --nip, and accepts a NIP folder that agrees or an owner not in the roster', async () => {
    const root = writeTree({ 'data/manifest.js': xManifest('andreas_wjy'), 'data/tweets.js': xTweets('x') });
    await expect(rows(root, { roster: ROSTER, nip: HENDRA })).rejects.toThrow(/but --nip names Hendra Simanjuntak/);
    expect(await rows(root, { roster: ROSTER, nip: ANDREAS })).toEqual([['data/tweets.js', ANDREAS]]);
    const stranger = writeTree({
      [`${HENDRA}/data/manifest.js`]: xManifest('someone_else'),
      [`${HENDRA}/data/tweets.js`]: xTweets('x'),
    });
    expect(await rows(stranger, { roster: ROSTER })).toHaveLength(1);
  });
});
