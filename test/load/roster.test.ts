import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { loadRoster } from '../../src/load/roster.js';
import { AuditError } from '../../src/shared/errors.js';

const dir = 'fixtures/roster';

/** Person as `nip name | platform:handle …` so a table row states a whole person. */
function summary(p: {
  nip: string;
  name: string;
  kind: string;
  accounts: { platform: string; handle: string }[];
  source: { line: number };
}): string {
  return `${p.source.line}: ${p.nip} ${p.kind} ${p.name} | ${p.accounts.map((a) => `${a.platform}:${a.handle}`).join(' ')}`;
}

async function loadError(file: string): Promise<AuditError> {
  const error = await loadRoster(`${dir}/${file}`).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AuditError);
  expect((error as AuditError).exitCode).toBe(2);
  return error as AuditError;
}

describe('loadRoster reads', () => {
  test.each([
    [
      'comma.csv: quoted name with a comma, handles separated by ; in a cell, URLs, a person without accounts',
      'comma.csv',
      [
        '2: 198609262015051001 pns Budi Santoso, S.Pd. | instagram:budi.santoso instagram:budi_guru x:budis86 facebook:100012345',
        '3: 199103142019032008 pns Siti Rahmawati | ',
        '4: 198212052010011002 pns Agus Prasetyo | instagram:agus.prasetyo x:agusp',
      ],
    ],
    [
      'semicolon.csv: sep= line, CRLF, handles separated by | or by ; inside quotes, "-" for no account, rows of bare separators',
      'semicolon.csv',
      [
        '3: 198609262015051001 pns Budi Santoso | instagram:budi.santoso instagram:budi_guru tiktok:budisantoso',
        '4: 199103142019032008 pns Siti Rahmawati | instagram:siti.r instagram:siti_camat',
      ],
    ],
    [
      'tab.tsv: an accounts column of platform:handle pairs and profile URLs, an NI PPPK',
      'tab.tsv',
      [
        '2: 199001152022212005 pppk Dewi Lestari | instagram:dewi.lestari x:dewil tiktok:dewi.rsud',
        '3: 198212052010011002 pns Agus Prasetyo | youtube:agussehat x:agusp',
      ],
    ],
    ['bom.csv: UTF-8 with BOM', 'bom.csv', ['2: 198609262015051001 pns Budi Santoso | instagram:budi.santoso']],
    [
      'windows-1252.csv: as Excel on an Indonesian Windows saves it',
      'windows-1252.csv',
      ['2: 197705172003121003 pns Sugiarto Wibisono Hérnandez | instagram:sugi.hernandez'],
    ],
    [
      'roster.json: account objects, platform:handle strings, URLs, arrays per platform',
      'roster.json',
      [
        '2: 198609262015051001 pns Budi Santoso | instagram:budi.santoso x:budis86 facebook:budi.santoso.guru',
        '8: 199001152022212005 pppk Dewi Lestari | tiktok:dewi.rsud tiktok:dewi.lestari',
        '17: 198212052010011002 pns Agus Prasetyo | ',
      ],
    ],
  ])('%s', async (_, file, persons) => {
    const roster = await loadRoster(`${dir}/${file}`);
    expect(roster.persons.map(summary)).toEqual(persons);
  });

  test('keeps agency and position, indexes persons by NIP and by account, and hashes the bytes', async () => {
    const roster = await loadRoster(`${dir}/comma.csv`);
    expect(roster.file).toBe(`${dir}/comma.csv`);
    expect(roster.sha256).toBe('580486dedbe70e652888f05195a513060e8eb7a6264377edf6dabc5cc1dde0e2');
    expect(roster.persons[0]).toMatchObject({
      agency: 'Dinas Pendidikan',
      position: 'Guru Ahli Pertama',
      source: { file: `${dir}/comma.csv`, line: 2 },
    });
    expect(roster.byAccount.get('instagram:budi_guru')).toBe('198609262015051001');
    expect(roster.byAccount.get('x:agusp')).toBe('198212052010011002');
    expect(roster.byAccount.size).toBe(6);
    expect(roster.byNip.get('199103142019032008')?.name).toBe('Siti Rahmawati');
  });

  test('a __proto__ key in JSON stays data and pollutes nothing', async () => {
    expect(readFileSync(`${dir}/roster.json`, 'utf8')).toContain('"__proto__"');
    const roster = await loadRoster(`${dir}/roster.json`);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(roster.persons[1]).toMatchObject({ nip: '199001152022212005', name: 'Dewi Lestari' });
    expect('polluted' in roster.persons[1]!).toBe(false);
  });
});

describe('loadRoster reports every problem with file and line', () => {
  test.each([
    ['missing.csv', ['fixtures/roster/missing.csv: roster file not found']],
    ['empty.csv', ['fixtures/roster/empty.csv: the roster file is empty: expected a CSV or JSON list of persons']],
    [
      'header-only.csv',
      ['fixtures/roster/header-only.csv: the roster lists no persons: expected one row per ASN after the header line'],
    ],
    [
      'binary.xlsx',
      [
        'fixtures/roster/binary.xlsx: this is an Excel workbook (.xlsx), which asn-audit does not read: the roster must be CSV or JSON',
      ],
    ],
    [
      'missing-column.csv',
      [
        'fixtures/roster/missing-column.csv:1: missing column "nip" (accepted names: nip, nip_baru, ni_pppk, nomor_induk_pegawai); the header has: No, Nama Lengkap, Instansi, Instagram',
      ],
    ],
    [
      'duplicate-columns.csv',
      [
        'fixtures/roster/duplicate-columns.csv:1: columns "Nama" and "name" both mean "name"; keep one of them',
        'fixtures/roster/duplicate-columns.csv:1: columns "twitter" and "X" both mean "x"; keep one of them',
      ],
    ],
    [
      'bad-nip.csv',
      [
        'fixtures/roster/bad-nip.csv:2 nip: invalid NIP "1,98609E+17": Excel turned this NIP into a number in scientific notation; format the column as text and export again',
        'fixtures/roster/bad-nip.csv:3 nip: invalid NIP "198609262015051000": ends in 000: Excel keeps only 15 significant digits, so the last digits were lost; format the column as text and enter the NIPs again',
        'fixtures/roster/bad-nip.csv:4 nip: invalid NIP "19860926201505100": expected 18 digits; found 17',
        'fixtures/roster/bad-nip.csv:5 nip: invalid NIP "198602302015051001": digits 1–8 should be the birth date YYYYMMDD; found 19860230: February 1986 has 28 days, not 30',
        'fixtures/roster/bad-nip.csv:6 nip: the NIP is empty',
        'fixtures/roster/bad-nip.csv:7 name: the name is empty',
      ],
    ],
    [
      'duplicate-nip.csv',
      [
        'fixtures/roster/duplicate-nip.csv:4 nip: NIP 198609262015051001 appears twice: line 2 (Budi Santoso) and line 4 (Budi S.)',
      ],
    ],
    [
      'duplicate-handle.csv',
      [
        'fixtures/roster/duplicate-handle.csv:4 instagram: handle instagram:budi is claimed by line 2 (Budi Santoso) and line 4 (Budi S.): a wrong match would accuse the wrong person',
        'fixtures/roster/duplicate-handle.csv:4 x: handle x:budi_s is claimed by line 2 (Budi Santoso) and line 4 (Budi S.): a wrong match would accuse the wrong person',
      ],
    ],
    [
      'unknown-platform.csv',
      [
        'fixtures/roster/unknown-platform.csv:2 accounts: unknown platform "myspace" in account "myspace:budi": expected one of facebook, instagram, x (or twitter), tiktok, youtube, threads, whatsapp',
        'fixtures/roster/unknown-platform.csv:3 accounts: account "siti.r" names no platform: write platform:handle, e.g. instagram:siti.r',
        'fixtures/roster/unknown-platform.csv:4 accounts: "https://www.facebook.com/agus" is an address on facebook, but the platform is instagram: it names no instagram account',
      ],
    ],
    [
      'field-count.csv',
      [
        'fixtures/roster/field-count.csv:2: this line has 4 fields but the header has 3; a value containing the separator must be in double quotes',
        'fixtures/roster/field-count.csv:3: this line has 2 fields but the header has 3',
      ],
    ],
    [
      'unclosed-quote.csv',
      [
        'fixtures/roster/unclosed-quote.csv:3: the CSV cannot be read: Quote Not Closed: the parsing is finished with an opening quote at line 3',
      ],
    ],
    [
      'not-array.json',
      [
        'fixtures/roster/not-array.json: expected a JSON array of persons, e.g. [{"nip": "198609262015051001", "name": "Budi Santoso", "instagram": "budi.santoso"}]',
      ],
    ],
    [
      'bad-values.json',
      [
        'fixtures/roster/bad-values.json:2 [0].nip: the NIP is a JSON number (198609262015051000), which cannot hold 18 digits exactly; write it as a string',
        'fixtures/roster/bad-values.json:3 [1]: expected an object with "nip" and "name", found a string',
        'fixtures/roster/bad-values.json:4 [2].nama: two keys of this object mean "name"; keep one of them',
        'fixtures/roster/bad-values.json:4 [2]: missing "nip"',
        'fixtures/roster/bad-values.json:4 [2].accounts[0]: expected "platform:handle" or {"platform": …, "handle": …}, found 42',
        'fixtures/roster/bad-values.json:5 [3]: missing "name"',
        'fixtures/roster/bad-values.json:5 [3].x: expected a string or an array, found {"handle":"siti"}',
      ],
    ],
  ])('%s', async (file, lines) => {
    const error = await loadError(file);
    expect(error.message.split('\n')).toEqual(lines);
    expect(error.problems).toHaveLength(lines.length);
  });

  test('a JSON syntax error names its line (the parser wording varies between Node versions)', async () => {
    const error = await loadError('broken.json');
    expect(error.problems).toHaveLength(1);
    expect(error.message).toMatch(/^fixtures\/roster\/broken\.json:3: the JSON cannot be read: .*position 83/);
  });

  test('a directory is named as such', async () => {
    expect((await loadError('')).message).toBe('fixtures/roster/: this is a directory, not a roster file');
  });

  test('problems carry file, line and field separately for the report', async () => {
    const error = await loadError('duplicate-nip.csv');
    expect(error.problems).toEqual([
      {
        file: 'fixtures/roster/duplicate-nip.csv',
        line: 4,
        field: 'nip',
        message: 'NIP 198609262015051001 appears twice: line 2 (Budi Santoso) and line 4 (Budi S.)',
      },
    ]);
  });

  test('NIP dates are checked against the given day', async () => {
    const error = await loadRoster(`${dir}/comma.csv`, { today: new Date('2012-01-01T00:00:00Z') }).catch(
      (e: unknown) => e as AuditError,
    );
    expect((error as AuditError).message).toBe(
      [
        'fixtures/roster/comma.csv:2 nip: invalid NIP "19860926 201505 1 001": digits 9–14 should be the TMT CPNS year and month YYYYMM; found 201505: May 2015 is in the future',
        'fixtures/roster/comma.csv:3 nip: invalid NIP "\'199103142019032008": digits 9–14 should be the TMT CPNS year and month YYYYMM; found 201903: March 2019 is in the future',
      ].join('\n'),
    );
  });
});
