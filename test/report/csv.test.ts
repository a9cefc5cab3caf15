// The CSV is safe to open in Excel: BOM, CRLF, one row per finding, and no cell a spreadsheet would run as a formula.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, neutraliseFormula } from '../../src/report/format-csv.js';
import { formatters } from '../../src/report/index.js';
import { loadReport } from './fixture.js';

const render = () => formatters.csv(loadReport(), { lang: 'id', color: false });

describe('csv', () => {
  it('starts with a UTF-8 BOM and ends every record with CRLF', () => {
    const out = render();
    expect(out.startsWith('\uFEFFnip,name,agency,')).toBe(true);
    expect(out.endsWith('\r\n')).toBe(true);
    // Outside quoted cells every line break is CRLF.
    const records = parse(out, { bom: true, record_delimiter: '\r\n' }) as string[][];
    expect(records).toHaveLength(7);
  });

  it('writes a ; variant for Indonesian-locale Excel, with the target text, title, position and event', () => {
    const out = formatters.csv(loadReport(), { lang: 'id', color: false, csvSeparator: ';' });
    expect(out.startsWith('\uFEFFnip;name;agency;position;')).toBe(true);
    const rows = parse(out, { bom: true, columns: true, delimiter: ';' }) as Record<string, string>[];
    expect(rows).toHaveLength(6);
    expect(Object.keys(rows[0]!)).toEqual([...CSV_COLUMNS]);
    const comma = parse(render(), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows).toEqual(comma);
    for (const row of rows) expect(row.title, row.fingerprint).not.toBe('');
    expect(rows.some((row) => row.target_text !== '')).toBe(true);
    expect(rows.every((row) => row.position !== '')).toBe(true);
  });

  it('has the documented columns and one row per finding, quoted per RFC 4180', () => {
    const rows = parse(render(), { bom: true, columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(6);
    const post = rows.find((row) => row.fingerprint === 'a3f9c2e17b4d8e01')!;
    // A cell is one line: the author's line break is a space (a CSV read line by line, or `cat`, stays whole).
    expect(post.text).toBe('Ayo coblos no 1! 🗳️ #RIDO Jakarta Baru Jakarta Maju');
    expect(post.matched).toBe('text: "coblos"; text: "no 1"; text: "#rido"');
    expect(post.source_line).toBe('14');
    expect([post.candidate, post.candidate_name]).toEqual(['rido', '01 Ridwan Kamil–Suswono']);
    expect(Object.keys(rows[0]!).indexOf('candidate_name')).toBe(Object.keys(rows[0]!).indexOf('candidate') + 1);
    const suppressed = rows.find((row) => row.fingerprint === '47b2e9d0a6c3f815')!;
    expect(suppressed.suppressed).toBe('disupresi');
    expect(suppressed.suppression_reason).toBe('Berita netral, bukan ajakan memilih');
  });

  it('neutralises every cell a spreadsheet would read as a formula', () => {
    const cells = (parse(render(), { bom: true }) as string[][]).flat();
    for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(cells).toContain("'=cmd|' /C calc'!A0 | *mantap* _Mas Pram_ | @budi.santoso88 ikut yuk");
  });

  it.each(['=1+1', '+62812', '-1', '@SUM(A1)', '\tx', '\rx', '  =1+1'])('prefixes %j with an apostrophe', (value) => {
    expect(neutraliseFormula(value)).toBe(`'${value}`);
  });

  it('drops control, bidi and invisible characters from cells and writes line breaks as spaces', () => {
    const report = loadReport();
    const finding = report.persons[0]!.findings[0]!;
    finding.activity.text = 'Ayo\u001b]52;c;cGF5bG9hZA==\u0007 coblos\r\nno 1\u202e!\u200b\u0085x\u009b';
    report.persons[0]!.name = 'Budi\u001b]0;pwned\u0007';
    finding.activity.target_text = '\n=cmd|calc';
    const out = formatters.csv(report, { lang: 'id', color: false });
    const rows = parse(out, { bom: true, columns: true }) as Record<string, string>[];
    const row = rows.find((r) => r.fingerprint === finding.fingerprint)!;
    expect(row.text).toBe('Ayo]52;c;cGF5bG9hZA== coblos no 1! x');
    expect(row.name).toBe('Budi]0;pwned');
    expect(row.target_text).toBe("' =cmd|calc");
    expect(out.slice(1)).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202e\u200b\ufeff]/);
    // Every record is one line: CRLF ends records and no cell holds a line break.
    expect(out.split('\r\n')).toHaveLength(rows.length + 2);
    expect(out.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('writes NIPs grouped so Excel keeps all 18 digits as text', () => {
    const rows = parse(render(), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows[0]!.nip).toBe('19860926 201505 1 001');
  });
});
