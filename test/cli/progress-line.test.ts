// The progress line a scan prints on a terminal, and the byte count it is computed from.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { plainInputSize, progressText } from '../../src/cli/progress-line.js';
import { intakeActivity } from '../../src/load/intake.js';
import { ReadMeter } from '../../src/load/read-meter.js';

describe('progressText', () => {
  it('says rows and rate alone when the inputs have no known size', () => {
    expect(progressText({ rows: 20000, seconds: 4, bytes: null })).toBe('asn-audit: 20,000 rows read (5,000/s)');
  });

  it('adds the share of bytes read and the time left at the rate so far', () => {
    const text = progressText({ rows: 250000, seconds: 30, bytes: { read: 45e6, total: 180e6 } });
    expect(text).toBe('asn-audit: 250,000 rows read (8,333/s), 25 % of 180 MB, about 1 min 30 s left');
  });

  it('never says 100 % nor a time left before a hundredth is read', () => {
    expect(progressText({ rows: 10, seconds: 1, bytes: { read: 200, total: 200 } })).toMatch(
      /, 99 % of 1 MB, about 0 s left$/,
    );
    expect(progressText({ rows: 10, seconds: 1, bytes: { read: 1, total: 4e9 } })).toBe(
      'asn-audit: 10 rows read (10/s), 0 % of 4.0 GB',
    );
    expect(progressText({ rows: 9, seconds: 7200, bytes: { read: 1e9, total: 2e9 } })).toMatch(/about 2 h 0 min left$/);
  });
});

describe('plainInputSize', () => {
  const dir = mkdtempSync(join(tmpdir(), 'asn-audit-progress-'));
  writeFileSync(join(dir, 'a.csv'), 'x'.repeat(100));
  writeFileSync(join(dir, 'b.ndjson'), 'y'.repeat(50));
  writeFileSync(join(dir, 'c.zip'), 'z');
  mkdirSync(join(dir, 'folder'));

  it('sums plain files, and knows no size with a folder, a .zip, standard input or a missing file', async () => {
    expect(await plainInputSize([join(dir, 'a.csv'), join(dir, 'b.ndjson')])).toBe(150);
    for (const other of ['folder', 'c.zip', '-', 'missing.csv'])
      expect(await plainInputSize([join(dir, 'a.csv'), other === '-' ? '-' : join(dir, other)]), other).toBeNull();
  });
});

describe('ReadMeter', () => {
  it('counts every byte of the activity files the loader reads, CSV and NDJSON', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'asn-audit-meter-'));
    const csv = 'id,platform,account,timestamp,type,text\n1,x,budi,2024-11-01 10:00,post,halo ☝️\n';
    const ndjson =
      '{"id":"2","platform":"x","account":"budi","timestamp":"2024-11-01 10:00","type":"post","text":"hai"}\n';
    writeFileSync(join(dir, 'a.csv'), csv);
    writeFileSync(join(dir, 'b.ndjson'), ndjson);
    const meter = new ReadMeter();
    const intake = intakeActivity([join(dir, 'a.csv'), join(dir, 'b.ndjson')], {
      hints: { rosterNips: new Set() },
      timeZone: 'Asia/Jakarta',
      stdin: (async function* () {})(),
      meter,
    });
    let rows = 0;
    for await (const _ of intake.items) rows++;
    expect(rows).toBe(2);
    expect(meter.bytes).toBe(Buffer.byteLength(csv) + Buffer.byteLength(ndjson));
  });
});
