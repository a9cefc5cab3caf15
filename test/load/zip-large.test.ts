// A zip download over 2 GiB (zip64, a 4.5 GiB stored video as a sparse hole) is read in bounded memory.
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { crc32 } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const HUGE = 4.5 * 1024 ** 3; // bytes of the stored video: past both the 2 GiB buffer limit and the 4 GiB zip32 limit
const CSV =
  'platform,account,timestamp,type,text\nx,budi_s,2024-10-03 20:01,post,halo\nx,budi_s,2024-10-04 20:01,post,lagi\n';
const NDJSON =
  '{"platform":"x","account":"budi_s","timestamp":"2024-10-05 10:00","type":"post","text":"sesudah video"}\n';

interface Written {
  name: string;
  offset: number;
  size: number;
  crc: number;
}

/**
 * Writes a zip64 archive by hand: a CSV, a stored `media/clip.mp4` of HUGE zero bytes that is never written
 * (a hole in a sparse file), an NDJSON entry after it (its local header past 4 GiB), and a zip64 end record.
 * The video's CRC is left 0: it is never read, and computing it would cost seconds for nothing.
 */
function writeHugeZip(path: string): void {
  const fd = openSync(path, 'w');
  let at = 0;
  const put = (bytes: Buffer) => {
    writeSync(fd, bytes, 0, bytes.length, at);
    at += bytes.length;
  };
  const entries: Written[] = [];
  const local = (name: string, size: number, crc: number, zip64: boolean) => {
    const nameBytes = Buffer.from(name);
    const extra = zip64 ? Buffer.alloc(20) : Buffer.alloc(0);
    if (zip64) {
      extra.writeUInt16LE(0x0001, 0);
      extra.writeUInt16LE(16, 2);
      extra.writeBigUInt64LE(BigInt(size), 4);
      extra.writeBigUInt64LE(BigInt(size), 12);
    }
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(zip64 ? 45 : 20, 4);
    header.writeUInt16LE(0x0800, 6); // UTF-8 names
    header.writeUInt16LE(0, 8); // stored
    header.writeUInt32LE(crc, 14);
    header.writeUInt32LE(zip64 ? 0xffffffff : size, 18);
    header.writeUInt32LE(zip64 ? 0xffffffff : size, 22);
    header.writeUInt16LE(nameBytes.length, 26);
    header.writeUInt16LE(extra.length, 28);
    entries.push({ name, offset: at, size, crc });
    put(Buffer.concat([header, nameBytes, extra]));
  };
  local('data/activity.csv', CSV.length, crc32(CSV), false);
  put(Buffer.from(CSV));
  local('media/clip.mp4', HUGE, 0, true);
  at += HUGE; // the hole
  local('data/later.ndjson', NDJSON.length, crc32(NDJSON), false);
  put(Buffer.from(NDJSON));

  const centralStart = at;
  for (const entry of entries) {
    const nameBytes = Buffer.from(entry.name);
    const big = entry.size >= 0xffffffff || entry.offset >= 0xffffffff;
    const fields: bigint[] = [];
    if (entry.size >= 0xffffffff) fields.push(BigInt(entry.size), BigInt(entry.size));
    if (entry.offset >= 0xffffffff) fields.push(BigInt(entry.offset));
    const extra = Buffer.alloc(big ? 4 + 8 * fields.length : 0);
    if (big) {
      extra.writeUInt16LE(0x0001, 0);
      extra.writeUInt16LE(8 * fields.length, 2);
      for (const [i, value] of fields.entries()) extra.writeBigUInt64LE(value, 4 + 8 * i);
    }
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(45, 4);
    header.writeUInt16LE(big ? 45 : 20, 6);
    header.writeUInt16LE(0x0800, 8);
    header.writeUInt32LE(entry.crc, 16);
    header.writeUInt32LE(Math.min(entry.size, 0xffffffff), 20);
    header.writeUInt32LE(Math.min(entry.size, 0xffffffff), 24);
    header.writeUInt16LE(nameBytes.length, 28);
    header.writeUInt16LE(extra.length, 30);
    header.writeUInt32LE(Math.min(entry.offset, 0xffffffff), 42);
    put(Buffer.concat([header, nameBytes, extra]));
  }
  const centralSize = at - centralStart;
  const zip64End = at;
  const end64 = Buffer.alloc(56);
  end64.writeUInt32LE(0x06064b50, 0);
  end64.writeBigUInt64LE(44n, 4);
  end64.writeUInt16LE(45, 12);
  end64.writeUInt16LE(45, 14);
  end64.writeBigUInt64LE(BigInt(entries.length), 24);
  end64.writeBigUInt64LE(BigInt(entries.length), 32);
  end64.writeBigUInt64LE(BigInt(centralSize), 40);
  end64.writeBigUInt64LE(BigInt(centralStart), 48);
  put(end64);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(zip64End), 8);
  locator.writeUInt32LE(1, 16);
  put(locator);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(0xffff, 8);
  end.writeUInt16LE(0xffff, 10);
  end.writeUInt32LE(0xffffffff, 12);
  end.writeUInt32LE(0xffffffff, 16);
  put(end);
  closeSync(fd);
}

const dir = mkdtempSync(join(tmpdir(), 'asn-audit-zip64-'));
const zip = join(dir, 'twitter-2024-10-01.zip');
let sparse = false;
try {
  writeHugeZip(zip);
  const info = statSync(zip);
  sparse = info.size > HUGE && info.blocks * 512 < 64 * 1024 * 1024;
} catch {
  sparse = false;
}
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// The child reads the archive through the built loader and prints its peak RSS before and after.
const CHILD = `
import { loadActivity } from ${JSON.stringify(join(ROOT, 'dist/load/activity-sources.js'))};
const before = process.resourceUsage().maxRSS;
const loaded = loadActivity([process.argv[1]], { rosterNips: new Set() }, (async function* () {})());
const rows = [];
for await (const item of loaded.items) if (item.kind === 'row') rows.push(item.row.fields.text);
const after = process.resourceUsage().maxRSS;
console.log(JSON.stringify({ rows, inputs: loaded.inputs.map((i) => i.path), skipped: loaded.skipped, notActivity: loaded.notActivity, deltaKiB: after - before }));
`;

describe('a zip download over 2 GiB', () => {
  it.skipIf(!sparse)('reads its text entries, past the 4 GiB mark too, in bounded memory', () => {
    expect(statSync(zip).size).toBeGreaterThan(4.5 * 1024 ** 3);
    const out = JSON.parse(
      execFileSync(process.execPath, ['--input-type=module', '-e', CHILD, zip], { encoding: 'utf8' }),
    ) as {
      rows: string[];
      inputs: string[];
      skipped: unknown[];
      notActivity: { path: string; files: number; reason: string }[];
      deltaKiB: number;
    };
    expect(out.inputs).toEqual([`${zip}!data/activity.csv`, `${zip}!data/later.ndjson`]);
    expect(out.rows).toEqual(['halo', 'lagi', 'sesudah video']);
    expect(out.skipped).toEqual([]);
    expect(out.notActivity).toEqual([{ path: zip, files: 1, reason: 'images, video and audio (.mp4)' }]);
    console.log(`peak RSS delta reading the 4.5 GiB zip: ${Math.round(out.deltaKiB / 1024)} MiB`);
    expect(out.deltaKiB).toBeLessThan(64 * 1024); // well under 256 MiB; reading the zip whole would need 4.5 GiB
  });

  it.runIf(!sparse)('is skipped: this filesystem cannot make sparse files, so the 4.5 GiB zip would be real', () => {
    console.warn(`skipped the 4.5 GiB zip test: ${dir} does not make sparse files`);
  });
});
