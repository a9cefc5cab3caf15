// .xlsx activity: the demo as a workbook gives the demo's findings, rows are cited by their sheet row, --sheet picks
// the sheet, and the cell kinds Excel writes (shared and inline strings, date serials, empty cells) read as a CSV would.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { runScan } from '../../src/audit.js';
import { loadActivity } from '../../src/load/activity-sources.js';
import type { LoadedItem } from '../../src/load/loaded-item.js';
import { excelSerialToWallClock, isDateFormatCode } from '../../src/load/xlsx-workbook.js';
import { BUNDLED_RULES } from '../../src/shared/version.js';
import { activityCsvAsSheet, excelSerial, type WorkbookSheet, writeXlsx } from '../../tools/xlsx/xlsx-writer.js';
import { DEMO_ELECTION, DEMO_ROSTER, ROOT, runMain } from '../faults/in-process.js';

const dir = mkdtempSync(join(tmpdir(), 'asn-xlsx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const DEMO_CSV = join(ROOT, 'fixtures/demo/activity.csv');

function workbook(name: string, sheets: WorkbookSheet[]): string {
  const path = join(dir, name);
  writeFileSync(path, writeXlsx(sheets));
  return path;
}

async function items(path: string, sheet?: string): Promise<LoadedItem[]> {
  const load = loadActivity([path], { rosterNips: new Set(), ...(sheet ? { sheet } : {}) }, (async function* () {})());
  const out: LoadedItem[] = [];
  for await (const item of load.items) out.push(item);
  return out;
}

const HEADER = ['id', 'platform', 'account', 'timestamp', 'type', 'text'];

describe('the demo activity as a workbook', () => {
  it('gives the same report as the CSV, apart from the input file named', async () => {
    // A second sheet after the activity: the first is read unless --sheet says otherwise.
    const sheet = activityCsvAsSheet('Kegiatan', readFileSync(DEMO_CSV, 'utf8'));
    expect(sheet.rows.flat().some((c) => typeof c === 'object' && c !== null && 'serial' in c)).toBe(true);
    const xlsx = workbook('demo.xlsx', [sheet, { name: 'Catatan', rows: [['dibuat oleh tim pemantau']] }]);
    const scan = async (path: string) => {
      const { report } = await runScan({
        activity: [path],
        roster: DEMO_ROSTER,
        election: DEMO_ELECTION,
        rules: [BUNDLED_RULES],
        lang: 'en',
        strict: false,
        version: 'test',
        stdin: (async function* () {})(),
      });
      const { inputs, ...rest } = report;
      return { inputs, rest: JSON.parse(JSON.stringify(rest).replaceAll(JSON.stringify(path).slice(1, -1), 'INPUT')) };
    };
    const fromCsv = await scan(DEMO_CSV);
    const fromXlsx = await scan(xlsx);
    expect(fromCsv.rest.summary.findings).toBeGreaterThan(0);
    expect(fromXlsx.rest).toEqual(fromCsv.rest);
    expect(fromXlsx.inputs).toEqual([
      { path: xlsx, format: 'xlsx', encoding: null, sha256: expect.stringMatching(/^[0-9a-f]{64}$/), rows: 302 },
    ]);
  });
});

describe('rows of a sheet', () => {
  it('cites each row by its sheet row number, rejecting a bad one as a CSV row is', async () => {
    const path = workbook('rows.xlsx', [
      {
        name: 'Data',
        rows: [
          ['Rekap pemantauan Oktober'],
          [],
          ['ID', 'Platform', 'Akun', 'Waktu', 'Jenis', 'Teks'],
          ['a1', 'x', 'budi', { serial: excelSerial(new Date(Date.UTC(2024, 9, 3, 19, 22))) }, 'post', 'halo'],
          [],
          ['a2', 'x', 'budi', '2024-13-05 08:00', 'post', { inline: 'salah tanggal' }],
          ['a3', 'x', 'budi', '2024-10-04 08:00', 'post', 'lebih', null, 'sel di luar header'],
        ],
      },
    ]);
    // The title row above the header has fewer columns than the required ones: it is the header, so it is refused.
    await expect(items(path)).rejects.toThrow(/rows\.xlsx.*missing required columns/);
    const clean = workbook('rows2.xlsx', [
      {
        name: 'Data',
        rows: [
          [],
          ['ID', 'Platform', 'Akun', 'Waktu', 'Jenis', 'Teks'],
          ['a1', 'x', 'budi', { serial: excelSerial(new Date(Date.UTC(2024, 9, 3, 19, 22, 5))) }, 'post', 'halo'],
          [],
          ['a2', 'x', 'budi', '2024-13-05 08:00', 'post', { inline: 'salah tanggal' }],
          ['a3', 'x', 'budi', '2024-10-04 08:00', 'post', 'lebih', null, 'sel di luar header'],
          ['a4', 'x', 'budi', '2024-10-04 09:00', 'post'],
          // An 18-digit number as Excel saves it: 15 significant digits.
          ['a5', 'x', 1.98001012006041e17, '2024-10-04 09:00', 'post'],
          ['a6', 'x', 123456789012345, '2024-10-04 09:00', 'post'],
        ],
      },
    ]);
    const got = await items(clean);
    expect(
      got.map((i) => (i.kind === 'row' ? ['row', i.row.source.line, i.row.fields] : ['rejected', i.rejection])),
    ).toEqual([
      [
        'row',
        3,
        { id: 'a1', platform: 'x', account: 'budi', timestamp: '2024-10-03T19:22:05', type: 'post', text: 'halo' },
      ],
      [
        'row',
        5,
        {
          id: 'a2',
          platform: 'x',
          account: 'budi',
          timestamp: '2024-13-05 08:00',
          type: 'post',
          text: 'salah tanggal',
        },
      ],
      ['rejected', { file: clean, line: 6, reason: { code: 'cell_beyond_header', column: 'H', lastColumn: 'F' } }],
      // An empty cell at the end of a row is an empty field, as in a CSV.
      ['row', 7, { id: 'a4', platform: 'x', account: 'budi', timestamp: '2024-10-04 09:00', type: 'post', text: '' }],
      [
        'rejected',
        {
          file: clean,
          line: 8,
          reason: { code: 'sheet_number_lost_digits', field: 'account', read: '198001012006041000' },
        },
      ],
      [
        'row',
        9,
        { id: 'a6', platform: 'x', account: '123456789012345', timestamp: '2024-10-04 09:00', type: 'post', text: '' },
      ],
    ]);
    // The bad date is rejected where every row is validated, citing the sheet row.
    const run = await runMain([
      'scan',
      clean,
      '--roster',
      DEMO_ROSTER,
      '--election',
      DEMO_ELECTION,
      '--format',
      'json',
      '--lang',
      'en',
    ]);
    const report = JSON.parse(run.stdout) as { rejected: { file: string; line: number; reason: string }[] };
    expect(report.rejected.map((r) => [r.line, r.reason.slice(0, 40)])).toEqual([
      [5, 'timestamp: 2024-13-05 08:00: month 13 ou'],
      [6, 'a value in column H, right of the header'],
      [8, 'account: 198001012006041000 is a number '],
    ]);
  });

  it('reads the sheet --sheet names, and lists the sheets when there is none of that name', async () => {
    const path = workbook('two.xlsx', [
      { name: 'Ringkasan', rows: [['tidak ada baris kegiatan di sini']] },
      { name: 'Kegiatan X', rows: [HEADER, ['a1', 'x', 'budi', '2024-10-03 19:22', 'post', 'halo']] },
    ]);
    const got = await items(path, 'Kegiatan X');
    expect(got.map((i) => i.kind)).toEqual(['row']);
    // A workbook saved under a .csv name is read as the workbook it is.
    const renamed = join(dir, 'two.csv');
    writeFileSync(renamed, readFileSync(path));
    expect((await items(renamed, 'Kegiatan X')).map((i) => i.kind)).toEqual(['row']);
    const run = await runMain([
      'scan',
      path,
      '--roster',
      DEMO_ROSTER,
      '--election',
      DEMO_ELECTION,
      '--sheet',
      'Kegiatan',
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `asn-audit: ${path}: no sheet named "Kegiatan" (--sheet); its sheets are "Ringkasan", "Kegiatan X"\n`,
    );
    // explain --row reads the row of the same sheet, by its sheet row number.
    const explained = await runMain(
      ['explain', '--row', `${path}:2`, '--sheet', 'Kegiatan X', '--roster', DEMO_ROSTER, '--election', DEMO_ELECTION],
      '',
    );
    expect(explained.stderr).toBe('');
    expect(explained.stdout).toMatch(/^(Row|Baris) .*two\.xlsx:2 \(a1\)/);
    // validate accepts what scan accepts, --sheet included.
    const ok = await runMain(['validate', path, '--kind', 'activity', '--sheet', 'Kegiatan X', '--lang', 'en']);
    expect(ok.stdout).toBe(`ok    ${path} (activity): 1 rows, all valid\n`);
    expect(ok.code).toBe(0);
  });

  it('refuses a password-protected workbook and an old .xls with how to convert them', async () => {
    const encrypted = join(dir, 'rahasia.xlsx');
    writeFileSync(encrypted, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    const locked = await runMain(['scan', encrypted, '--roster', DEMO_ROSTER, '--election', DEMO_ELECTION]);
    expect(locked.code).toBe(2);
    expect(locked.stderr).toContain(
      'this workbook is password-protected (encrypted), or an old .xls under an .xlsx name',
    );
    const old = join(dir, 'lama.xls');
    writeFileSync(old, Buffer.from([0xd0, 0xcf, 0x11, 0xe0]));
    const xls = await runMain(['scan', old, '--roster', DEMO_ROSTER, '--election', DEMO_ELECTION]);
    expect(xls.code).toBe(2);
    expect(xls.stderr).toContain('this is an old Excel workbook (.xls), which asn-audit does not read');
    expect(xls.stderr).toContain(
      'hint: save it as an Excel Workbook (.xlsx), which asn-audit reads, or save each sheet',
    );
  });
});

describe('Excel dates', () => {
  it('turns serials into the wall-clock time Excel shows, without an offset', () => {
    expect(excelSerialToWallClock(45568.80694444444)).toBe('2024-10-03T19:22:00');
    expect(excelSerialToWallClock(45568.5 + 0.25 / 86_400)).toBe('2024-10-03T12:00:00.250');
    expect(excelSerialToWallClock(1)).toBe('1900-01-01T00:00:00');
    // Excel counts a 29 February 1900 that never was: serial 61 is 1 March 1900.
    expect(excelSerialToWallClock(61)).toBe('1900-03-01T00:00:00');
    expect(excelSerialToWallClock(45568.80694444444 - 1462, true)).toBe('2024-10-03T19:22:00');
    expect(excelSerialToWallClock(-1)).toBeNull();
  });

  it('knows a date format from a number format', () => {
    for (const code of ['dd/mm/yyyy hh:mm', 'yyyy-mm-dd', '[$-421]d mmmm yyyy', 'h:mm AM/PM', '[h]:mm:ss'])
      expect(isDateFormatCode(code), code).toBe(true);
    for (const code of ['General', '0.00', '#,##0', '"Rp"#,##0', '0%', '[Red]0.00', '@'])
      expect(isDateFormatCode(code), code).toBe(false);
  });
});

describe('cells as other tools write them', () => {
  it('reads rich-text runs, custom date formats, the 1904 date system and cells without references', async () => {
    const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
    const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
    const files = {
      '_rels/.rels': `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r" Type="${rel}/officeDocument" Target="/xl/workbook.xml"/></Relationships>`,
      'xl/workbook.xml': `<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${rel}"><x:workbookPr date1904="1"/><x:sheets><x:sheet name="Tersembunyi" sheetId="1" state="hidden" r:id="a"/><x:sheet name="Data" sheetId="2" r:id="b"/></x:sheets></x:workbook>`,
      'xl/_rels/workbook.xml.rels': `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="a" Type="${rel}/worksheet" Target="worksheets/hidden.xml"/><Relationship Id="b" Type="${rel}/worksheet" Target="worksheets/data.xml"/><Relationship Id="s" Type="${rel}/sharedStrings" Target="strings.xml"/><Relationship Id="t" Type="${rel}/styles" Target="styles.xml"/></Relationships>`,
      'xl/strings.xml': `<sst ${ns}><si><t>platform</t></si><si><r><rPr><b/></rPr><t xml:space="preserve">Ayo </t></r><r><t>coblos &amp; menang</t></r><rPh sb="0" eb="1"><t>ふりがな</t></rPh></si></sst>`,
      'xl/styles.xml': `<styleSheet ${ns}><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy\\ hh:mm"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="4"/></cellXfs></styleSheet>`,
      'xl/worksheets/hidden.xml': `<worksheet ${ns}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>bukan ini</t></is></c></row></sheetData></worksheet>`,
      'xl/worksheets/data.xml': `<worksheet ${ns}><sheetData><row><c t="s"><v>0</v></c><c t="inlineStr"><is><t>akun</t></is></c><c t="str"><v>waktu</v></c><c t="inlineStr"><is><t>jenis</t></is></c><c t="inlineStr"><is><t>teks</t></is></c><c t="inlineStr"><is><t>ok</t></is></c></row><row r="4"><c r="A4" t="inlineStr"><is><t>x</t></is></c><c r="B4"><v>12345</v></c><c r="C4" s="1"><f>NOW()</f><v>44106.80694444444</v></c><c r="D4" t="inlineStr"><is><t>post</t></is></c><c r="E4" t="s"><v>1</v></c><c r="F4" t="b"><v>1</v></c></row><row r="5"><c r="A5" s="2"><v>1.5</v></c></row></sheetData></worksheet>`,
    };
    const path = join(dir, 'lain.xlsx');
    writeFileSync(path, zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)]))));
    const got = await items(path);
    expect(got).toEqual([
      {
        kind: 'row',
        row: {
          source: { file: path, line: 4 },
          fields: {
            platform: 'x',
            account: '12345',
            timestamp: '2024-10-03T19:22:00',
            type: 'post',
            text: 'Ayo coblos & menang',
            ok: 'TRUE',
          },
        },
      },
      // A number in a number format that is no date stays the number Excel saved; the row itself is checked later.
      {
        kind: 'row',
        row: {
          source: { file: path, line: 5 },
          fields: { platform: '1.5', account: '', timestamp: '', type: '', text: '', ok: '' },
        },
      },
    ]);
    await expect(items(path, 'Tersembunyi')).rejects.toThrow(/missing required columns/);
  });
});
