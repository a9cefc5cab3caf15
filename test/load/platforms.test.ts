// Each platform parser on its hand-written fixture: the exact rows and warnings it must produce.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectPlatformExport, type ParsedExport } from '../../src/load/platforms/index.js';
import type { RawRow } from '../../src/shared/types.js';

const FIXTURES = new URL('../../fixtures/exports/', import.meta.url);

function parseFixture(path: string): ParsedExport {
  const text = readFileSync(new URL(path, FIXTURES), 'utf8');
  const parser = detectPlatformExport(path, text);
  if (!parser) throw new Error(`${path} was not recognised`);
  return parser.parse(path, text);
}

const BLANK = {
  id: '',
  account: '',
  text: '',
  target_account: '',
  target_text: '',
  url: '',
  event: '',
  location: '',
  tags: '',
};

/** A whole expected row: every canonical column, blank unless given. */
function row(file: string, line: number, fields: Record<string, string>, undated = false): RawRow {
  const expected: RawRow = { source: { file, line }, fields: { ...BLANK, ...fields } };
  if (undated) expected.undatedAllowed = true;
  return expected;
}

describe('X archive', () => {
  it('reads tweets as posts, retweets and quote tweets as shares, replies as comments; keeps only the final edit', () => {
    const file = 'x/tweets.js';
    const x = (line: number, fields: Record<string, string>) => row(file, line, { platform: 'x', ...fields });
    const parsed = parseFixture(file);
    expect(parsed).toMatchObject({ platform: 'x', kind: 'x-tweets', owner: null });
    expect(parsed.rows).toEqual([
      x(2, {
        id: '1838000000000000001',
        timestamp: '2024-09-23T00:00:00Z',
        type: 'post',
        text: 'Coblos nomor 3 & #JakartaMenyala! Baca programnya: https://jakartamenyala.example/program',
        url: 'https://twitter.com/i/web/status/1838000000000000001',
      }),
      x(30, {
        id: '1838000000000000002',
        timestamp: '2024-09-24T08:15:30Z',
        type: 'share',
        target_account: 'ridwankamil',
        target_text: 'Jakarta Baru Jakarta Maju > semua',
        url: 'https://twitter.com/i/web/status/1838000000000000002',
      }),
      x(40, {
        id: '1838000000000000003',
        timestamp: '2024-09-25T10:00:00Z',
        type: 'comment',
        text: '@dharmapongrekun Setuju, Bang Dharma!',
        target_account: 'dharmapongrekun',
        url: 'https://twitter.com/i/web/status/1838000000000000003',
      }),
      x(51, {
        id: '1838000000000000004',
        timestamp: '2024-09-26T12:30:00Z',
        type: 'share',
        text: 'Ini baru pemimpin https://twitter.com/pramonoanung/status/1837000000000000010',
        target_account: 'pramonoanung',
        url: 'https://twitter.com/i/web/status/1838000000000000004',
        tags: 'photo',
      }),
      x(79, {
        id: '1838000000000000006',
        timestamp: '2024-09-27T08:05:00Z',
        type: 'post',
        text: 'Pilih nomor 1 #RIDO',
        url: 'https://twitter.com/i/web/status/1838000000000000006',
      }),
    ]);
    expect(parsed.warnings).toEqual([
      { line: 64, reason: 'earlier version of an edited post; its final version 1838000000000000006 is kept instead' },
      { line: 97, reason: 'unrecognised tweet date "kemarin sore"' },
    ]);
  });

  it('reads likes as undated reactions on the liked text, in the compact 2021 layout', () => {
    const file = 'x/like.js';
    const parsed = parseFixture(file);
    expect(parsed.kind).toBe('x-likes');
    expect(parsed.rows).toEqual([
      row(
        file,
        1,
        {
          platform: 'x',
          timestamp: '',
          type: 'reaction',
          target_text: 'Salam tiga jari & Jakarta Menyala! https://t.co/zz',
          url: 'https://twitter.com/i/web/status/1837000000000000020',
        },
        true,
      ),
      row(
        file,
        7,
        { platform: 'x', timestamp: '', type: 'reaction', url: 'https://twitter.com/i/web/status/1837000000000000021' },
        true,
      ),
    ]);
    expect(parsed.warnings).toEqual([{ line: 11, reason: 'like without tweetId' }]);
  });

  it('reads following as undated follows of numeric account ids, from accountId or the userLink', () => {
    const file = 'x/following.js';
    const parsed = parseFixture(file);
    expect(parsed.rows).toEqual([
      row(
        file,
        2,
        {
          platform: 'x',
          timestamp: '',
          type: 'follow',
          target_account: '333444555',
          url: 'https://twitter.com/intent/user?user_id=333444555',
        },
        true,
      ),
      row(
        file,
        8,
        {
          platform: 'x',
          timestamp: '',
          type: 'follow',
          target_account: '666777888',
          url: 'https://twitter.com/intent/user?user_id=666777888',
        },
        true,
      ),
    ]);
    expect(parsed.warnings).toEqual([]);
  });

  it('reads the manifest as the owner only', () => {
    const parsed = parseFixture('x/manifest.js');
    expect(parsed).toEqual({
      platform: 'x',
      kind: 'x-manifest',
      owner: { platform: 'x', handle: 'dewi_asn', name: 'Dewi Lestari' },
      rows: [],
      warnings: [],
    });
  });

  it('reads a retweet carried as retweeted_status, and a classic Grailbird archive tweet', () => {
    const text = [
      'Grailbird.data.tweets_2013_11 = ',
      '[ {',
      '  "id_str": "405000000000000001", "created_at": "2013-11-28 13:37:46 +0000", "text": "RT @kpu_ri: Ayo memilih",',
      '  "retweeted_status": { "text": "Ayo memilih", "user": { "screen_name": "KPU_RI" } }',
      '} ]',
    ].join('\n');
    const parsed = detectPlatformExport('2013_11.js', text)?.parse('2013_11.js', text);
    expect(parsed?.rows).toEqual([
      row('2013_11.js', 2, {
        platform: 'x',
        id: '405000000000000001',
        timestamp: '2013-11-28T13:37:46Z',
        type: 'share',
        target_account: 'KPU_RI',
        target_text: 'Ayo memilih',
        url: 'https://twitter.com/i/web/status/405000000000000001',
      }),
    ]);
  });

  it('tags posts from deleted-tweets.js as deleted: they were still published', () => {
    const text =
      'window.YTD.deleted_tweets.part0 = [ { "tweet": { "id_str": "1", "created_at": "Mon Sep 23 00:00:00 +0000 2024", "full_text": "Coblos 3" } } ]';
    const parsed = detectPlatformExport('deleted-tweets.js', text)?.parse('deleted-tweets.js', text);
    expect(parsed?.rows).toEqual([
      row('deleted-tweets.js', 1, {
        platform: 'x',
        id: '1',
        timestamp: '2024-09-23T00:00:00Z',
        type: 'post',
        text: 'Coblos 3',
        url: 'https://twitter.com/i/web/status/1',
        tags: 'deleted',
      }),
    ]);
  });

  it('turns a broken wrapper into a warning, not an exception', () => {
    const text = 'window.YTD.tweets.part0 = [ { "tweet": ';
    const parsed = detectPlatformExport('tweets.js', text)?.parse('tweets.js', text);
    expect(parsed?.rows).toEqual([]);
    expect(parsed?.warnings).toHaveLength(1);
    expect(parsed?.warnings[0]?.reason).toMatch(/^not valid JSON after the YTD\.tweets\.part0 = wrapper/);
  });
});

describe('Facebook', () => {
  const fb = (file: string, line: number, fields: Record<string, string>, undated = false) =>
    row(file, line, { platform: 'facebook', ...fields }, undated);

  it('reads pages followed as follows of the page name, repairing the mojibake', () => {
    const file = 'facebook/pages_followed.json';
    const parsed = parseFixture(file);
    expect(parsed.kind).toBe('facebook-pages-followed');
    expect(parsed.rows).toEqual([
      fb(file, 3, { timestamp: '2024-09-21T06:26:40Z', type: 'follow', target_account: 'Pramono Anung' }),
      fb(file, 12, {
        timestamp: '2024-09-22T10:13:20Z',
        type: 'follow',
        target_account: 'Relawan Jakarta Menyala – Kecamatan Cilandak',
      }),
    ]);
    expect(parsed.warnings).toEqual([{ line: 21, reason: 'followed page without a name' }]);
  });

  it('reads joined events as attendance, "interested" as attendance tagged rsvp:interested, ignores declined', () => {
    const file = 'facebook/your_event_responses.json';
    const parsed = parseFixture(file);
    expect(parsed.rows).toEqual([
      fb(file, 4, {
        timestamp: '2024-11-16T08:00:00Z',
        type: 'attendance',
        event: 'Kampanye Akbar RIDO – Lapangan Banteng',
        location: 'Lapangan Banteng',
      }),
      fb(file, 17, { timestamp: '2024-10-27T03:33:20Z', type: 'attendance', event: 'Arisan RT 05' }),
      fb(file, 31, {
        timestamp: '2024-09-29T08:53:20Z',
        type: 'attendance',
        event: 'Deklarasi Relawan Pram–Doel',
        tags: 'rsvp:interested',
      }),
    ]);
    expect(parsed.warnings).toEqual([]);
  });

  it('reads posts: own text, reshares named in the title, check-ins, photos with tagged people, placeholder times', () => {
    const file = 'facebook/your_posts_1.json';
    const parsed = parseFixture(file);
    expect(parsed.rows).toEqual([
      fb(file, 2, {
        timestamp: '2024-09-28T05:06:40Z',
        type: 'post',
        text: 'Jakarta Menyala! Coblos nomor 3 ya, Pak Pram & Bang Doel 🔥',
      }),
      fb(file, 11, {
        timestamp: '2024-09-29T08:53:20Z',
        type: 'share',
        text: 'Setuju sekali',
        target_account: 'Ridwan Kamil',
        url: 'https://www.facebook.com/ridwankamil/posts/1234567890',
      }),
      fb(file, 31, {
        timestamp: '2024-09-30T12:40:00Z',
        type: 'attendance',
        event: 'Posko Pemenangan RIDO',
        location: 'Posko Pemenangan RIDO',
      }),
      fb(file, 51, {
        timestamp: '2024-10-01T16:26:40Z',
        type: 'post',
        text: 'Foto bersama Bang Doel, salam tiga jari',
        tags: 'photo;tagged:Rano Karno',
      }),
      fb(file, 74, { timestamp: '', type: 'post', text: 'Selamat pagi, Jakarta' }, true),
    ]);
    expect(parsed.warnings).toEqual([]);
  });

  it('reads comments with the target from English or Indonesian titles, and the author as owner', () => {
    const file = 'facebook/comments.json';
    const parsed = parseFixture(file);
    expect(parsed.owner).toEqual({ platform: 'facebook', name: 'Dewi Lestari' });
    expect(parsed.rows).toEqual([
      fb(file, 3, {
        timestamp: '2024-10-04T00:00:00Z',
        type: 'comment',
        text: 'Mantap Kang Emil! 👍',
        target_account: 'Ridwan Kamil',
      }),
      fb(file, 16, {
        timestamp: '2024-10-05T03:46:40Z',
        type: 'comment',
        text: 'Hadir di posko besok',
        target_account: 'Budi Hartono',
        tags: 'group:Relawan Pram-Doel Jaksel',
      }),
    ]);
    expect(parsed.warnings).toEqual([{ line: 30, reason: 'not a record' }]);
  });

  it('reads the top-level reactions array with the reaction kind as a tag', () => {
    const file = 'facebook/likes_and_reactions_1.json';
    const parsed = parseFixture(file);
    expect(parsed.rows).toEqual([
      fb(file, 2, {
        timestamp: '2024-10-06T07:33:20Z',
        type: 'reaction',
        target_account: 'Dharma Pongrekun',
        tags: 'reaction:like',
      }),
      fb(file, 14, {
        timestamp: '2024-10-07T11:20:00Z',
        type: 'reaction',
        target_account: 'Pramono Anung',
        tags: 'reaction:love',
      }),
    ]);
  });

  it('reads the label/value reaction shape by its localised labels', () => {
    const text = JSON.stringify([
      {
        timestamp: 1728400000,
        media: [],
        label_values: [
          { label: 'Cảm xúc', value: 'Thích' },
          {
            label: 'URL',
            value: 'https://www.facebook.com/pramonoanung/posts/42',
            href: 'https://www.facebook.com/pramonoanung/posts/42',
          },
          { title: 'Author', dict: [{ label: 'Tên', value: 'Pramono Anung' }] },
        ],
        fbid: '1',
      },
    ]);
    const parsed = detectPlatformExport('likes_and_reactions.json', text)?.parse('likes_and_reactions.json', text);
    expect(parsed?.rows).toEqual([
      fb('likes_and_reactions.json', 1, {
        timestamp: '2024-10-08T15:06:40Z',
        type: 'reaction',
        target_account: 'Pramono Anung',
        url: 'https://www.facebook.com/pramonoanung/posts/42',
        tags: 'reaction:thích',
      }),
    ]);
  });

  it('reads group memberships from the data name or the title sentence', () => {
    const file = 'facebook/your_group_membership_activity.json';
    expect(parseFixture(file).rows).toEqual([
      fb(file, 3, {
        timestamp: '2024-09-10T20:26:40Z',
        type: 'join_group',
        target_account: 'Relawan RIDO Jakarta Timur',
      }),
      fb(file, 12, {
        timestamp: '2024-09-12T00:13:20Z',
        type: 'join_group',
        target_account: 'Komunitas Sepeda Menteng',
      }),
    ]);
  });
});

describe('Instagram', () => {
  const ig = (file: string, line: number, fields: Record<string, string>) =>
    row(file, line, { platform: 'instagram', ...fields });

  it('reads following in both the 2024 (value) and 2025 (title, /_u/ link) shapes', () => {
    const file = 'instagram/following.json';
    expect(parseFixture(file).rows).toEqual([
      ig(file, 3, {
        timestamp: '2024-09-22T10:13:20Z',
        type: 'follow',
        target_account: 'pramonoanungw',
        url: 'https://www.instagram.com/pramonoanungw',
      }),
      ig(file, 14, {
        timestamp: '2024-09-23T14:00:00Z',
        type: 'follow',
        target_account: 'rano.karno',
        url: 'https://www.instagram.com/_u/rano.karno',
      }),
    ]);
  });

  it('reads liked posts as reactions on the owner named in the title, when there is one', () => {
    const file = 'instagram/liked_posts.json';
    expect(parseFixture(file).rows).toEqual([
      ig(file, 3, {
        timestamp: '2024-10-04T00:00:00Z',
        type: 'reaction',
        target_account: 'ridwankamil',
        url: 'https://www.instagram.com/p/RIDO123abc/',
      }),
      ig(file, 13, {
        timestamp: '2024-10-05T03:46:40Z',
        type: 'reaction',
        url: 'https://www.instagram.com/reel/XYZ789/',
      }),
    ]);
  });

  it('reads comments under English or Indonesian labels and warns about labels it does not know', () => {
    const file = 'instagram/post_comments_1.json';
    const parsed = parseFixture(file);
    expect(parsed.rows).toEqual([
      ig(file, 2, {
        timestamp: '2024-10-15T13:46:40Z',
        type: 'comment',
        text: 'Jakarta Menyala 🔥 nomor 3!',
        target_account: 'pramonoanungw',
      }),
      ig(file, 20, {
        timestamp: '2024-10-16T17:33:20Z',
        type: 'comment',
        text: 'Semangat Bang Dharma',
        target_account: 'dharmapongrekun',
      }),
    ]);
    expect(parsed.warnings).toEqual([
      { line: 38, reason: 'comment record whose labels are not recognised (Kommentti, Aika)' },
    ]);
  });

  it('reads own posts with the caption from the media or the carousel title', () => {
    const file = 'instagram/posts_1.json';
    expect(parseFixture(file).rows).toEqual([
      ig(file, 2, {
        timestamp: '2024-10-19T01:06:40Z',
        type: 'post',
        text: 'Bersama warga di posko, salam 1 jari ☝️ #RIDO',
        tags: 'photo',
      }),
      ig(file, 11, { timestamp: '2024-10-20T04:53:20Z', type: 'post', text: 'Karnaval budaya Betawi', tags: 'photo' }),
    ]);
  });
});

describe('TikTok', () => {
  it('reads the newer schema: posts, comments, likes, follows and shares, with the profile user as account', () => {
    const file = 'tiktok/user_data_tiktok.json';
    const parsed = parseFixture(file);
    const tt = (line: number, fields: Record<string, string>) =>
      row(file, line, { platform: 'tiktok', account: 'dewi.asn', ...fields });
    expect(parsed.owner).toEqual({ platform: 'tiktok', handle: 'dewi.asn' });
    expect(parsed.rows).toEqual([
      tt(6, { timestamp: '2024-10-01T09:30:00Z', type: 'comment', text: 'Jakarta Menyala 🔥' }),
      tt(24, {
        timestamp: '2024-10-02T14:00:00Z',
        type: 'post',
        text: 'Salam 2 jari buat Bang Dharma #DharmaKun',
        url: 'https://www.tiktokv.com/share/video/7420000000000000001/',
      }),
      tt(49, { timestamp: '2024-09-30T20:00:00Z', type: 'follow', target_account: 'pramonoanung' }),
      tt(58, {
        timestamp: '2024-10-03T07:45:10Z',
        type: 'reaction',
        url: 'https://www.tiktokv.com/share/video/7420000000000000002/',
      }),
      tt(66, {
        timestamp: '2024-10-04T18:20:00Z',
        type: 'share',
        url: 'https://www.tiktokv.com/share/video/7420000000000000003/',
        tags: 'method:whatsapp',
      }),
    ]);
    expect(parsed.warnings).toEqual([{ line: 12, reason: 'unrecognised date "kemarin"' }]);
  });

  it('reads the older Activity schema, with capitalised keys and null sections', () => {
    const file = 'tiktok/user_data.json';
    const parsed = parseFixture(file);
    expect(parsed.owner).toBeNull();
    expect(parsed.rows).toEqual([
      row(file, 5, {
        platform: 'tiktok',
        timestamp: '2024-09-01T01:02:03Z',
        type: 'follow',
        target_account: 'ridwankamil',
      }),
      row(file, 13, {
        platform: 'tiktok',
        timestamp: '2024-09-02T04:05:06Z',
        type: 'reaction',
        url: 'https://www.tiktokv.com/share/video/7410000000000000001/',
      }),
    ]);
    expect(parsed.warnings).toEqual([]);
  });
});

describe('YouTube Takeout', () => {
  it('reads subscriptions as undated follows of the channel id, headers in any case', () => {
    const file = 'youtube/subscriptions.csv';
    const parsed = parseFixture(file);
    const yt = (line: number, id: string, title: string) =>
      row(
        file,
        line,
        {
          platform: 'youtube',
          timestamp: '',
          type: 'follow',
          target_account: id,
          target_text: title,
          url: `http://www.youtube.com/channel/${id}`,
        },
        true,
      );
    expect(parsed.rows).toEqual([
      yt(2, 'UCpramono000000000000001', 'Pramono Anung'),
      yt(3, 'UCbetawi0000000000000002', 'Budaya Betawi, Sehari-hari'),
    ]);
    expect(parsed.warnings).toEqual([{ line: 4, reason: 'subscription without a channel id' }]);
  });

  it('reads comments, joining the JSON text segments and linking to the video or community post', () => {
    const file = 'youtube/comments.csv';
    const parsed = parseFixture(file);
    const yt = (line: number, fields: Record<string, string>) =>
      row(file, line, { platform: 'youtube', account: 'UCdewi00000000000000000', type: 'comment', ...fields });
    expect(parsed.owner).toEqual({ platform: 'youtube', handle: 'UCdewi00000000000000000' });
    expect(parsed.rows).toEqual([
      yt(2, {
        id: 'UgxAAA111',
        timestamp: '2024-10-05T06:07:08.123Z',
        text: 'Semangat Kang Emil, 12:04',
        url: 'https://www.youtube.com/watch?v=vid111&lc=UgxAAA111',
      }),
      yt(3, {
        id: 'UgxBBB222',
        timestamp: '2024-10-05T18:00:00Z',
        text: 'Jakarta Menyala',
        url: 'https://www.youtube.com/post/UgkxPOST333',
      }),
    ]);
    expect(parsed.warnings).toEqual([{ line: 4, reason: 'comment without a create timestamp' }]);
  });
});

describe('CrowdTangle CSV', () => {
  it('reads posts with the page user name as account, zone abbreviations converted, multi-line cells counted', () => {
    const file = 'crowdtangle/search-export.csv';
    const parsed = parseFixture(file);
    expect(parsed).toMatchObject({ platform: 'facebook', kind: 'crowdtangle-facebook-posts' });
    expect(parsed.rows).toEqual([
      row(file, 2, {
        platform: 'facebook',
        account: 'relawanmenyalajaksel',
        timestamp: '2024-10-10T12:30:00Z',
        type: 'post',
        text: 'Apel siaga relawan malam ini #JakartaMenyala',
        url: 'https://www.facebook.com/100000000000001/posts/555',
        tags: 'photo',
      }),
      row(file, 4, {
        platform: 'facebook',
        account: 'Warta Kota Kita',
        timestamp: '2024-10-11T01:00:00Z',
        type: 'post',
        text: 'Debat kedua malam ini',
        target_text: 'Jadwal debat kedua Pilkada DKI',
        url: 'https://www.facebook.com/100000000000002/posts/666',
      }),
    ]);
    expect(parsed.warnings).toEqual([
      { line: 5, reason: 'unrecognised post time "2024-10-12 08:00:00 XYZ" (zone abbreviation not known)' },
    ]);
  });
});
