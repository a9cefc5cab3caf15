// Reading .zip downloads entry by entry: verified data, every entry read or accounted for, nested archives.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { loadActivity } from '../../src/load/activity-sources.js';
import type { LoadedItem } from '../../src/load/loaded-item.js';

const CSV =
  'platform,account,timestamp,type,text\nx,budi_s,2024-10-03 20:01,post,halo\nx,budi_s,2024-10-04 20:01,post,lagi\n';
const NDJSON = '{"platform":"x","account":"budi_s","timestamp":"2024-10-05 10:00","type":"post","text":"satu"}\n';
const TSV = 'platform\taccount\ttimestamp\ttype\ttext\nx\tbudi_s\t2024-10-06 10:00\tpost\tdua\n';

function writeZip(files: Zippable, name = 'download.zip'): string {
  const path = join(mkdtempSync(join(tmpdir(), 'asn-audit-zipdl-')), name);
  writeFileSync(path, zipSync(files, { level: 0 }));
  return path;
}

async function load(path: string) {
  const loaded = loadActivity([path], { rosterNips: new Set() }, (async function* () {})());
  const items: LoadedItem[] = [];
  for await (const item of loaded.items) items.push(item);
  return { ...loaded, rows: items.filter((i) => i.kind === 'row').length };
}

/** Offset of the data of a stored entry: after its local header, file name and extra field. */
function dataOffset(zip: Uint8Array, name: string): number {
  const view = Buffer.from(zip);
  const at = view.indexOf(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04])]), 0);
  for (let header = at; header >= 0; header = view.indexOf(Buffer.from([0x50, 0x4b, 0x03, 0x04]), header + 4)) {
    const nameLength = view.readUInt16LE(header + 26);
    const extraLength = view.readUInt16LE(header + 28);
    if (view.toString('utf8', header + 30, header + 30 + nameLength) === name)
      return header + 30 + nameLength + extraLength;
  }
  throw new Error(`no entry ${name}`);
}

describe('a .zip download', () => {
  it('reads .csv, .ndjson and .tsv entries and counts media and viewer files as not activity', async () => {
    const files: Zippable = {
      'data/activity.csv': strToU8(CSV),
      'data/more.ndjson': strToU8(NDJSON),
      'data/sheet.tsv': strToU8(TSV),
      'Your archive.html': strToU8('<html></html>'),
      'assets/js/app.js': strToU8('window.render = function () {}'),
      '__MACOSX/data/._activity.csv': strToU8('fork'),
    };
    for (let i = 0; i < 50; i++) files[`data/tweets_media/${i}.jpg`] = new Uint8Array([0xff, 0xd8, 0xff, i]);
    files['data/videos/clip.mp4'] = new Uint8Array(16);
    const path = writeZip(files);
    const loaded = await load(path);
    expect(loaded.rows).toBe(4);
    expect(loaded.inputs.map((i) => [i.path.slice(path.length), i.format, i.rows])).toEqual([
      ['!data/activity.csv', 'csv', 2],
      ['!data/more.ndjson', 'ndjson', 1],
      ['!data/sheet.tsv', 'csv', 1],
    ]);
    expect(loaded.skipped).toEqual([]);
    expect(loaded.notActivity.map((n) => [n.path === path, n.files, n.reason]).sort()).toEqual(
      [
        [true, 1, 'JSON or script files that are not activity (not a platform data file this tool reads)'],
        [true, 1, 'images, video and audio (.mp4)'],
        [true, 1, 'macOS resource forks (__MACOSX/)'],
        [true, 1, 'not an activity file type, .html (expected .csv .tsv .txt .json .ndjson .jsonl .js .xlsx or .zip)'],
        [true, 50, 'images, video and audio (.jpg)'],
      ].sort(),
    );
  });

  it('rejects an entry whose data does not match its CRC-32, naming the entry, and reads the rest', async () => {
    const zip = zipSync({ 'a/activity.csv': strToU8(CSV), 'b/more.ndjson': strToU8(NDJSON) }, { level: 0 });
    const at = dataOffset(zip, 'a/activity.csv') + CSV.indexOf('halo');
    zip[at] = 'j'.charCodeAt(0); // same length, different bytes: only the CRC can tell
    const path = join(mkdtempSync(join(tmpdir(), 'asn-audit-crc-')), 'damaged.zip');
    writeFileSync(path, zip);
    const loaded = await load(path);
    expect(loaded.rows).toBe(1);
    expect(loaded.skipped).toHaveLength(1);
    expect(loaded.skipped[0]?.path).toBe(`${path}!a/activity.csv`);
    expect(loaded.skipped[0]?.reason).toMatch(
      /^damaged entry, not read: its data does not match the CRC-32 the archive declares \([0-9a-f]{8}, data gives [0-9a-f]{8}\)/,
    );
  });

  it('rejects an entry whose data is shorter than its declared size instead of cutting it', async () => {
    const zip = zipSync({ 'a/activity.csv': strToU8(CSV), 'b/more.ndjson': strToU8(NDJSON) });
    // Central directory record of a/activity.csv: declare 100 bytes more than the deflated data gives.
    const view = Buffer.from(zip);
    const central = view.indexOf(Buffer.concat([Buffer.from([0x50, 0x4b, 0x01, 0x02])]));
    expect(view.toString('utf8', central + 46, central + 46 + 14)).toBe('a/activity.csv');
    view.writeUInt32LE(CSV.length + 100, central + 24);
    const path = join(mkdtempSync(join(tmpdir(), 'asn-audit-size-')), 'short.zip');
    writeFileSync(path, view);
    const loaded = await load(path);
    expect(loaded.rows).toBe(1);
    expect(loaded.skipped.map((s) => s.path)).toEqual([`${path}!a/activity.csv`]);
    expect(loaded.skipped[0]?.reason).toMatch(/^damaged entry, not read: .*not enough bytes/);
  });

  it('reads zips nested up to 3 deep and lists a deeper one as skipped', async () => {
    const level4 = zipSync({ 'deep.csv': strToU8(CSV) });
    const level3 = zipSync({ 'c.ndjson': strToU8(NDJSON), 'four.zip': level4 });
    const level2 = zipSync({ 'b.tsv': strToU8(TSV), 'three.zip': level3, 'photo.png': new Uint8Array(4) });
    const path = writeZip({ 'a.csv': strToU8(CSV), 'two.zip': level2 }, 'outer.zip');
    const loaded = await load(path);
    expect(loaded.inputs.map((i) => i.path.slice(path.length))).toEqual([
      '!a.csv',
      '!two.zip!b.tsv',
      '!two.zip!three.zip!c.ndjson',
    ]);
    expect(loaded.rows).toBe(4);
    expect(loaded.skipped).toEqual([
      {
        path: `${path}!two.zip!three.zip!four.zip`,
        reason: 'a zip nested more than 3 deep is not read; unpack it and pass it directly',
      },
    ]);
    expect(loaded.notActivity).toEqual([
      { path: `${path}!two.zip`, files: 1, reason: 'images, video and audio (.png)' },
    ]);
  });

  it('lists a nested entry that is not a zip at all as skipped, with the reason', async () => {
    const path = writeZip({ 'a.csv': strToU8(CSV), 'broken.zip': strToU8('not a zip archive') });
    const loaded = await load(path);
    expect(loaded.rows).toBe(2);
    expect(loaded.skipped.map((s) => [s.path.slice(path.length), s.reason.split(' (')[0]])).toEqual([
      ['!broken.zip', 'not a readable zip archive'],
    ]);
  });

  it('lists a CSV entry that is not activity as skipped (it could be, so it is not hidden)', async () => {
    const path = writeZip({ 'a.csv': strToU8(CSV), 'notes.csv': strToU8('a,b\n1,2\n') });
    const loaded = await load(path);
    expect(loaded.skipped.map((s) => s.path.slice(path.length))).toEqual(['!notes.csv']);
    expect(loaded.skipped[0]?.reason).toMatch(/^missing required columns/);
  });
});
