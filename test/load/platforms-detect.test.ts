// Recognising platform exports by content, refusing ordinary canonical input, and finding an archive's owner.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectPlatformExport, ownerFromArchive } from '../../src/load/platforms/index.js';

const FIXTURES = new URL('../../fixtures/exports/', import.meta.url);
const fixture = (path: string) => readFileSync(new URL(path, FIXTURES), 'utf8');

describe('detectPlatformExport', () => {
  it.each([
    ['x/tweets.js', 'x-tweets'],
    ['x/like.js', 'x-likes'],
    ['x/following.js', 'x-following'],
    ['x/manifest.js', 'x-manifest'],
    ['facebook/pages_followed.json', 'facebook-pages-followed'],
    ['facebook/your_event_responses.json', 'facebook-event-responses'],
    ['facebook/your_posts_1.json', 'facebook-posts'],
    ['facebook/comments.json', 'facebook-comments'],
    ['facebook/likes_and_reactions_1.json', 'facebook-reactions'],
    ['facebook/your_group_membership_activity.json', 'facebook-groups-joined'],
    ['instagram/following.json', 'instagram-following'],
    ['instagram/liked_posts.json', 'instagram-likes'],
    ['instagram/post_comments_1.json', 'instagram-comments'],
    ['instagram/posts_1.json', 'instagram-posts'],
    ['tiktok/user_data_tiktok.json', 'tiktok-user-data'],
    ['tiktok/user_data.json', 'tiktok-user-data'],
    ['youtube/subscriptions.csv', 'youtube-subscriptions'],
    ['youtube/comments.csv', 'youtube-comments'],
    ['crowdtangle/search-export.csv', 'crowdtangle-facebook-posts'],
  ])('recognises %s by its content, even renamed to data.txt', (path, kind) => {
    expect(detectPlatformExport(path, fixture(path))?.id).toBe(kind);
    expect(detectPlatformExport('data.txt', fixture(path))?.id).toBe(kind);
  });

  it('recognises other X archive files as X, with nothing to read in them', () => {
    const text = 'window.YTD.ad_engagements.part0 = [ { "ad": { "adsUserData": {} } } ]';
    const parsed = detectPlatformExport('ad-engagements.js', text)?.parse('ad-engagements.js', text);
    expect(parsed).toEqual({ platform: 'x', kind: 'x-unused-data', owner: null, rows: [], warnings: [] });
  });

  it("recognises Instagram followers lists but reads nothing from them: being followed is not the owner's act", () => {
    const text = JSON.stringify([
      {
        title: '',
        media_list_data: [],
        string_list_data: [{ href: 'https://www.instagram.com/tetangga', value: 'tetangga', timestamp: 1720000000 }],
      },
    ]);
    const parsed = detectPlatformExport('followers_1.json', text)?.parse('followers_1.json', text);
    expect(parsed).toMatchObject({ platform: 'instagram', kind: 'instagram-followers', rows: [], warnings: [] });
  });

  it.each([
    [
      'a canonical activity CSV',
      'id,platform,account,timestamp,type,text\na1,x,dewi_asn,2024-10-01 10:00,post,Coblos nomor 3\n',
    ],
    ['a semicolon CSV from Excel', 'platform;account;timestamp;type\nx;dewi;2024-10-01;post\n'],
    [
      'a canonical JSON array',
      JSON.stringify([
        {
          platform: 'facebook',
          account: 'dewi',
          timestamp: '2024-10-01T10:00:00+07:00',
          type: 'comment',
          text: 'Mantap',
        },
      ]),
    ],
    [
      'a canonical JSON array with unix-time numbers',
      JSON.stringify([{ platform: 'facebook', timestamp: 1727500000, type: 'post', text: 'Halo' }]),
    ],
    [
      'NDJSON',
      '{"platform":"x","type":"post","timestamp":"2024-10-01T10:00:00Z"}\n{"platform":"x","type":"post","timestamp":"2024-10-02T10:00:00Z"}\n',
    ],
    ['an empty JSON array', '[]'],
    ['a roster CSV', 'nip,name,agency,position,x\n198703152010012003,Dewi Lestari,Dinas Pendidikan,Guru,dewi_asn\n'],
    ['a JavaScript file assigning something else', 'window.config = { "a": 1 }'],
    ['plain prose', 'Laporan lapangan: tidak ada kegiatan.'],
  ])('does not take %s for a platform export', (_what, text) => {
    expect(detectPlatformExport('activity.csv', text)).toBeNull();
  });

  it('never lets JSON keys reach Object.prototype', () => {
    const text =
      '{"pages_followed_v2": [{"timestamp": 1727000000, "data": [{"name": "Halaman"}], "__proto__": {"polluted": "yes"}, "title": "Halaman"}], "__proto__": {"polluted": "yes"}}';
    const parsed = detectPlatformExport('f.json', text)?.parse('f.json', text);
    expect(parsed?.rows).toHaveLength(1);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('parses text other than the detected one through the same parser, and warns when it does not fit', () => {
    const parser = detectPlatformExport('x/like.js', fixture('x/like.js'));
    const parsed = parser?.parse('x/like.js', 'Channel ID,Channel title\nUC1,Kanal\n');
    expect(parsed).toEqual({
      platform: 'x',
      kind: 'x-likes',
      owner: null,
      rows: [],
      warnings: [{ line: 1, reason: 'not a x-likes file' }],
    });
  });
});

describe('ownerFromArchive', () => {
  const file = (name: string, text: string) => ({ name, text: () => text });

  it('takes the X owner from data/manifest.js', () => {
    expect(
      ownerFromArchive([
        file('data/tweets.js', fixture('x/tweets.js')),
        file('data/manifest.js', fixture('x/manifest.js')),
      ]),
    ).toEqual({ platform: 'x', handle: 'dewi_asn', name: 'Dewi Lestari' });
  });

  it('falls back to data/account.js for X', () => {
    const account =
      'window.YTD.account.part0 = [ { "account": { "username": "dewi_asn", "accountId": "999", "accountDisplayName": "Dewi L." } } ]';
    expect(ownerFromArchive([file('data/account.js', account)])).toEqual({
      platform: 'x',
      handle: 'dewi_asn',
      name: 'Dewi L.',
    });
  });

  it('takes the TikTok owner from the profile of user_data_tiktok.json', () => {
    expect(ownerFromArchive([file('TikTok/user_data_tiktok.json', fixture('tiktok/user_data_tiktok.json'))])).toEqual({
      platform: 'tiktok',
      handle: 'dewi.asn',
    });
  });

  it('takes Instagram and Facebook owners from their profile files, repairing the mojibake', () => {
    const instagram = JSON.stringify({
      profile_user: [
        { string_map_data: { Username: { value: 'dewi.asn' }, Name: { value: 'Dewi Lestari \u00c3\u00a9' } } },
      ],
    });
    expect(ownerFromArchive([file('personal_information/personal_information.json', instagram)])).toEqual({
      platform: 'instagram',
      handle: 'dewi.asn',
      name: 'Dewi Lestari é',
    });
    const facebook = JSON.stringify({ profile_v2: { name: { full_name: 'Dewi Lestari' } } });
    expect(ownerFromArchive([file('profile_information/profile_information.json', facebook)])).toEqual({
      platform: 'facebook',
      name: 'Dewi Lestari',
    });
  });

  it('reads only the files that can name an owner, and returns null when none does', () => {
    const untouchable = {
      name: 'data/tweets-media/photo.js',
      text: () => {
        throw new Error('should not be read');
      },
    };
    expect(ownerFromArchive([untouchable, file('data/like.js', fixture('x/like.js'))])).toBeNull();
  });
});
