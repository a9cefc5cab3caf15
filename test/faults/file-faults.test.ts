// File-level faults: the run ends with exit 2 and one clear message naming the file (and line or field), no stack trace.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_ELECTION, DEMO_ROSTER, FAULTS, ROOT, runMain, scanJson } from './in-process.js';

const fault = (name: string) => join(FAULTS, name);
const DEMO_ACTIVITY = join(ROOT, 'fixtures/demo/activity.csv');
const STACK_LINE = /^\s+at /m;

async function failing(activity: string[], extra: string[] = []) {
  const { run } = await scanJson(activity, extra);
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr).not.toMatch(STACK_LINE);
  return run.stderr;
}

describe('activity files that cannot be read end the run', () => {
  it('a binary file given as CSV', async () => {
    expect(await failing([fault('binary.csv')])).toBe(
      `asn-audit: ${fault('binary.csv')}: this is not a text file (it looks like a PNG image): expected CSV, JSON or NDJSON, or a platform .zip\nhint: this does not hold activity rows: give the CSV, JSON or NDJSON export instead\n`,
    );
  });

  it('a Parquet file: named as such, with a command that converts it', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'asn-parquet-')), 'activity.parquet');
    // A Parquet file opens and ends with PAR1; the bytes between do not matter to the check.
    writeFileSync(file, Buffer.concat([Buffer.from('PAR1'), Buffer.alloc(64, 0x15), Buffer.from('PAR1')]));
    expect(await failing([file])).toBe(
      `asn-audit: ${file}: this is not a text file (it looks like an Apache Parquet file): expected CSV, JSON or NDJSON, or a platform .zip\nhint: convert it to CSV first, e.g. duckdb -c "COPY (SELECT * FROM '${file}') TO 'activity.csv' (HEADER)"\n`,
    );
  });

  it('a workbook that is not read: named by its extension, with how to save it as .xlsx or CSV', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'asn-xls-'));
    const file = join(dir, 'pemantauan oktober.ods');
    writeFileSync(file, Buffer.from('PK\x03\x04 the bytes do not matter: the extension decides'));
    expect(await failing([file])).toBe(
      `asn-audit: ${file}: this is an OpenDocument spreadsheet (.ods), which asn-audit does not read: expected CSV, TSV, JSON, NDJSON, .xlsx or a platform .zip\n` +
        `hint: save it as an Excel Workbook (.xlsx), which asn-audit reads, or save each sheet that holds rows as CSV and give the CSV files: in Excel, File → Save As → "CSV UTF-8 (Comma delimited)", one sheet at a time; or, for the first sheet, libreoffice --headless --convert-to csv '${file}'\n`,
    );
    // A workbook saved under a .csv name is known by its zip signature, with the same advice.
    const renamed = join(dir, 'rekap.csv');
    writeFileSync(renamed, Buffer.from('PK\x03\x04\x14\x00\x06\x00[Content_Types].xml'));
    expect(await failing([renamed])).toContain(
      'it looks like a zip archive or an Excel .xlsx workbook): expected CSV, JSON or NDJSON, or a platform .zip\nhint: save each sheet that holds rows as CSV',
    );
  });

  it('an .xlsx that is no zip, or a damaged one: named as such, not read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'asn-xlsx-'));
    const text = join(dir, 'rekap.xlsx');
    writeFileSync(text, 'id,platform\n');
    expect(await failing([text])).toContain(
      `asn-audit: ${text}: this is not an Excel workbook: an .xlsx is a zip archive, and this file does not begin like one\n`,
    );
    const cut = join(dir, 'terpotong.xlsx');
    writeFileSync(cut, Buffer.from('PK\x03\x04 the rest of the zip is missing'));
    expect(await failing([cut])).toMatch(
      new RegExp(
        `^asn-audit: ${cut}: this workbook cannot be opened: not a readable zip archive \\(.+\\)\nhint: it is damaged`,
      ),
    );
  });

  it('truncated JSON: file and line where parsing stopped', async () => {
    expect(await failing([fault('truncated.json')])).toMatch(
      new RegExp(`^asn-audit: ${fault('truncated.json')}:3: truncated or invalid JSON: .+\\n$`),
    );
  });

  it('invalid JSON', async () => {
    expect(await failing([fault('invalid.json')])).toMatch(
      new RegExp(`^asn-audit: ${fault('invalid.json')}:3: truncated or invalid JSON: .*property name.*\\n$`),
    );
  });

  it('missing required columns: all of them, in one message', async () => {
    const file = fault('missing-columns.csv');
    expect(await failing([file])).toBe(
      `asn-audit: ${file}:1: missing required columns "timestamp", "type" (header has: id, platform, account, text)\n`,
    );
  });

  it('duplicate column names (after aliases: Text and caption)', async () => {
    expect(await failing([fault('duplicate-columns.csv')])).toBe(
      `asn-audit: ${fault('duplicate-columns.csv')}:1: duplicate column "text" (after mapping aliases): which one to use is ambiguous\n`,
    );
  });

  it('--debug adds the stack trace, and only then', async () => {
    const { run } = await scanJson([fault('binary.csv')], ['--debug']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(STACK_LINE);
  });
});

describe('roster faults end the run', () => {
  const withRoster = (roster: string) =>
    failing([DEMO_ACTIVITY], ['--roster', fault(roster), '--election', DEMO_ELECTION]);

  it('an empty roster (header only)', async () => {
    expect(await withRoster('roster-empty.csv')).toBe(
      `asn-audit: ${fault('roster-empty.csv')}: the roster lists no persons: expected one row per ASN after the header line\n`,
    );
  });

  it('invalid NIPs: every one, with line and field', async () => {
    const file = fault('roster-invalid-nip.csv');
    const stderr = await withRoster('roster-invalid-nip.csv');
    expect(stderr).toMatch(/^asn-audit: 2 problems:\n/);
    expect(stderr).toContain(
      `${file}:3 nip: invalid NIP "1.97803E+17": Excel turned this NIP into a number in scientific notation`,
    );
    expect(stderr).toContain(`${file}:4 nip: invalid NIP "199913322019032008": `);
    expect(stderr).toContain('month 13 does not exist');
  });

  it('one handle claimed by two persons (spelled differently)', async () => {
    expect(await withRoster('roster-shared-handle.csv')).toBe(
      `asn-audit: ${fault('roster-shared-handle.csv')}:3 instagram: handle instagram:budisantoso_smansa14 is claimed by line 2 (Budi Santoso) and line 3 (Siti Rahmawati): a wrong match would accuse the wrong person\n`,
    );
  });

  it('missing required roster columns', async () => {
    const stderr = await withRoster('roster-missing-columns.csv');
    expect(stderr).toMatch(/^asn-audit: 2 problems:\n/);
    expect(stderr).toContain(`${fault('roster-missing-columns.csv')}:1: missing column "nip"`);
    expect(stderr).toContain(`${fault('roster-missing-columns.csv')}:1: missing column "name"`);
  });
});

describe('config faults: every problem of the file before failing', () => {
  it('an election file with impossible dates and numbers', async () => {
    const file = fault('election-impossible.yaml');
    const stderr = await failing([DEMO_ACTIVITY], ['--roster', DEMO_ROSTER, '--election', file]);
    expect(stderr).toBe(
      [
        'asn-audit: 6 problems:',
        `  ${file}:5 phases[0].to: not a real calendar date: "2024-02-30"`,
        `  ${file}:9 candidates[0].number: expected a number of at least 0, found the number -1`,
        `  ${file}:11 candidates[0].since: not a real calendar date: "2024-13-01"`,
        `  ${file}:13 candidates[1].number: expected a number of at most 99, found the number 150`,
        `  ${file}:6 phases[1].to: phase "masa_tenang" ends (2024-11-24) before it starts (2024-11-26)`,
        `  ${file}:16 candidates[1].designated: designated (2024-08-01) is before since (2024-09-01): a candidate is bakal calon before KPU designates them`,
        '',
      ].join('\n'),
    );
  });

  it('an election file with dates in impossible order, a reused ballot number and an unknown time zone', async () => {
    const file = fault('election-inconsistent.yaml');
    const stderr = await failing([DEMO_ACTIVITY], ['--roster', DEMO_ROSTER, '--election', file]);
    expect(stderr).toMatch(/^asn-audit: 4 problems:\n/);
    expect(stderr).toContain(`${file}:3 timezone: unknown time zone "Asia/Jakarta_Raya"`);
    expect(stderr).toContain(
      `${file}:6 phases[1].to: phase "masa_tenang" ends (2024-11-24) before it starts (2024-11-26)`,
    );
    expect(stderr).toContain(
      `${file}:9 candidates[1].number: ballot number 1 is given to two candidates ("satu" and "dua")`,
    );
    expect(stderr).toContain(
      `${file}:9 candidates[1].designated: designated (2024-08-01) is before since (2024-09-01)`,
    );
  });

  it('an election file with schema faults also reports its order faults in the same run', async () => {
    const stderr = await failing(
      [DEMO_ACTIVITY],
      ['--roster', DEMO_ROSTER, '--election', fault('election-impossible.yaml')],
    );
    expect(stderr).toContain('phases[1].to: phase "masa_tenang" ends');
  });

  it('rule files with an unknown key, an unknown category and an unknown severity: all three, across two files', async () => {
    const key = fault('rule-unknown-key.yaml');
    const enums = fault('rule-unknown-enum.yaml');
    const stderr = await failing([DEMO_ACTIVITY], ['--rules', key, '--rules', enums]);
    expect(stderr).toBe(
      [
        'asn-audit: 3 problems:',
        `  ${key}:10 rules[0]: unknown key "weight"`,
        `  ${enums}:3 rules[0].category: expected one of "endorsement_post", "candidate_reaction", "candidate_comment", "campaign_share", "campaign_follow", "partisan_photo", "banner", "event_attendance", "party_membership", found text "kampanye_hitam"`,
        `  ${enums}:5 rules[0].severity: expected one of "low", "medium", "high", found text "critical"`,
        '',
      ].join('\n'),
    );
  });

  it('validate reports the same problems with exit 2', async () => {
    const run = await runMain(['validate', '--kind', 'rules', fault('rule-unknown-key.yaml')]);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain(`${fault('rule-unknown-key.yaml')}:10 rules[0]: unknown key "weight"`);
  });
});
