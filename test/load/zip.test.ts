// Reading platform .zip downloads: text entries only, in name order, and refusal of archives that are too big.
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readZip } from '../../src/load/zip.js';
import { AuditError } from '../../src/shared/errors.js';

const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('readZip', () => {
  it('returns the text entries sorted by name, skipping folders, media and macOS forks', async () => {
    const zip = zipSync({
      'twitter-2024/data/tweets.js': strToU8('window.YTD.tweets.part0 = []'),
      'twitter-2024/data/manifest.js': strToU8('window.__THAR_CONFIG = {}'),
      'twitter-2024/data/tweets_media/1.jpg': new Uint8Array([0xff, 0xd8, 0xff]),
      'twitter-2024/data/README.TXT': strToU8('readme'),
      'twitter-2024/Your archive.html': strToU8('<html></html>'),
      'twitter-2024/empty/': new Uint8Array(),
      'Takeout/subscriptions.csv': [strToU8('Channel Id,Channel Url,Channel Title\n'), { level: 0 }],
      'your_activity/comments.json': strToU8('{"comments_v2": []}'),
      '__MACOSX/twitter-2024/data/._tweets.js': strToU8('fork'),
      'clip.mp4': new Uint8Array(10),
    });
    const entries = await readZip('downloads/archive.zip', zip);
    expect(entries.map((entry) => entry.name)).toEqual([
      'Takeout/subscriptions.csv',
      'twitter-2024/Your archive.html',
      'twitter-2024/data/README.TXT',
      'twitter-2024/data/manifest.js',
      'twitter-2024/data/tweets.js',
      'your_activity/comments.json',
    ]);
    expect(decode(entries[4]?.bytes ?? new Uint8Array())).toBe('window.YTD.tweets.part0 = []');
    expect(decode(entries[0]?.bytes ?? new Uint8Array())).toBe('Channel Id,Channel Url,Channel Title\n');
  });

  it('refuses an archive whose text entries expand beyond the size limit, naming the zip', async () => {
    const zip = zipSync({ 'data/big.json': new Uint8Array(10_000).fill(0x20), 'data/small.json': strToU8('[]') });
    await expect(readZip('bomb.zip', zip, { maxEntries: 100, maxTotalBytes: 5_000 })).rejects.toThrow(AuditError);
    await expect(readZip('bomb.zip', zip, { maxEntries: 100, maxTotalBytes: 5_000 })).rejects.toThrow(
      'bomb.zip: the text files in this zip expand to more than 5000 bytes; refused as a possible zip bomb',
    );
  });

  it('counts media entries towards the entry limit even though it does not inflate them', async () => {
    const files = Object.fromEntries(
      Array.from({ length: 20 }, (_, index) => [`media/${index}.jpg`, new Uint8Array(1)]),
    );
    const zip = zipSync({ ...files, 'data/a.json': strToU8('[]') });
    await expect(readZip('many.zip', zip, { maxEntries: 10, maxTotalBytes: 1_000 })).rejects.toThrow(
      'many.zip: this zip has more than 10 entries; refused as a possible zip bomb',
    );
    const read = await readZip('many.zip', zip, { maxEntries: 21, maxTotalBytes: 1_000 });
    expect(read.map((entry) => entry.name)).toEqual(['data/a.json']);
  });

  it('turns bytes that are not a zip into an error naming the file', async () => {
    await expect(readZip('notes.zip', strToU8('just text, not a zip archive at all'))).rejects.toThrow(
      /^notes\.zip: not a readable zip archive/,
    );
  });
});
