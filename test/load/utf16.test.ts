// Excel's "Unicode Text" export is UTF-16LE with a byte-order mark, tab-separated: it is read, not called binary.
// UTF-16 without the mark cannot be told apart reliably, so it is refused with the way to save it.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanJson } from '../faults/in-process.js';

const TSV =
  'platform\taccount\ttimestamp\ttype\ttext\r\n' +
  'instagram\t@sitirahma_dinkes\t2024-10-03 19:15\tpost\tAyo coblos no 3! Jakarta menyala – dukung Pramono\r\n' +
  'x\thendra_smj\t2024-10-03 19:20\tpost\tSelamat pagi\r\n';

function utf16be(text: string): Buffer {
  const le = Buffer.from(text, 'utf16le');
  for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
  return le;
}

function write(bytes: Buffer, name = 'unicode-text.txt'): string {
  const path = join(mkdtempSync(join(tmpdir(), 'asn-audit-utf16-')), name);
  writeFileSync(path, bytes);
  return path;
}

describe('UTF-16 activity files', () => {
  it.each([
    ['utf-16le', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TSV, 'utf16le')])],
    ['utf-16be', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(TSV)])],
  ])('%s with a byte-order mark is read, its encoding named in inputs', async (encoding, bytes) => {
    const path = write(bytes);
    const { run, report } = await scanJson([path]);
    expect(run.code, run.stderr).toBe(1);
    expect(report!.inputs).toEqual([expect.objectContaining({ path, format: 'csv', encoding, rows: 2 })]);
    expect(report!.summary).toMatchObject({ rows_read: 2, rows_evaluated: 2, rows_rejected: 0 });
    const texts = report!.persons.flatMap((p) => p.findings.map((f) => f.activity.text));
    expect(texts).toContain('Ayo coblos no 3! Jakarta menyala – dukung Pramono');
  });

  it('without the mark is refused with exit 2, saying what it is and how to save it', async () => {
    const path = write(Buffer.from(TSV, 'utf16le'), 'activity.csv');
    const { run } = await scanJson([path]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${path}: this is UTF-16 text without a byte-order mark`);
    expect(run.stderr).toContain(
      'save it as UTF-8 (in Excel: Save As → CSV UTF-8), or as UTF-16 with its byte-order mark',
    );
    expect(run.stderr).not.toContain('not a text file');
    expect(run.stderr).not.toContain('binary');
  });
});

const SITI = '198507222010012012';
const ROSTER = `nip,name,agency,position,instagram\r\n${SITI},Siti Rahmawati,Dinkes,Kasi,sitirahma_dinkes\r\n`;

describe('UTF-16 roster and election files', () => {
  it('a roster in UTF-16 with its byte-order mark is read', async () => {
    const roster = write(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ROSTER, 'utf16le')]), 'roster.csv');
    const activity = write(Buffer.from(TSV.replace('@sitirahma_dinkes', SITI).replace('account', 'nip')), 'a.tsv');
    const { run, report } = await scanJson([activity], ['--roster', roster]);
    expect(run.code, run.stderr).toBe(1);
    expect(report!.persons.map((p) => p.nip)).toEqual([SITI]);
  });

  it.each([
    ['roster', 'roster.csv', ROSTER],
    ['election', 'election.yaml', 'name: Pilkada\ntimezone: Asia/Jakarta\nphases: []\ncandidates: []\n'],
  ])('a %s without the mark says what it is and how to save it, not "binary"', async (kind, name, text) => {
    const path = write(Buffer.from(text, 'utf16le'), name);
    const { run } = await scanJson([write(Buffer.from(TSV), 'a.tsv')], [`--${kind}`, path]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${path}: this is UTF-16 text without a byte-order mark`);
    expect(run.stderr).toContain('save it as UTF-8');
    expect(run.stderr).not.toMatch(/not a text file|binary|spreadsheet/);
  });
});
