// A tiny .xlsx writer for tests and the reader benchmark: shared and inline strings, numbers, and date-formatted serials,
// the cell kinds Excel itself writes for a sheet of activity. Not a product feature: asn-audit reads workbooks, never writes them.
import { parse } from 'csv-parse/sync';
import { strToU8, zipSync } from 'fflate';

/** A string goes to the shared-string table as Excel writes it; `inline` is an inline string as other tools write it. */
export type SheetCell = string | number | null | { serial: number } | { inline: string };

export interface WorkbookSheet {
  name: string;
  rows: SheetCell[][];
}

const escapeXml = (text: string) =>
  text.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!);

/** Excel's column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** The Excel serial (1900 date system) of a wall-clock time given as its UTC fields: days since 1899-12-30. */
export function excelSerial(wallClock: Date): number {
  return wallClock.getTime() / 86_400_000 + 25_569;
}

export function writeXlsx(sheets: WorkbookSheet[]): Uint8Array {
  const shared: string[] = [];
  const sharedIndex = new Map<string, number>();
  let sharedCount = 0;
  const files: Record<string, Uint8Array> = {};
  sheets.forEach((sheet, s) => {
    const parts: string[] = [
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
    ];
    sheet.rows.forEach((row, r) => {
      const cells: string[] = [];
      row.forEach((cell, c) => {
        if (cell === null || cell === '') return;
        const ref = `${columnLetters(c)}${r + 1}`;
        if (typeof cell === 'number') cells.push(`<c r="${ref}"><v>${cell}</v></c>`);
        else if (typeof cell === 'string') {
          let index = sharedIndex.get(cell);
          if (index === undefined) {
            index = shared.length;
            shared.push(cell);
            sharedIndex.set(cell, index);
          }
          sharedCount++;
          cells.push(`<c r="${ref}" t="s"><v>${index}</v></c>`);
        } else if ('serial' in cell) cells.push(`<c r="${ref}" s="1"><v>${cell.serial}</v></c>`);
        else
          cells.push(`<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(cell.inline)}</t></is></c>`);
      });
      if (cells.length > 0) parts.push(`<row r="${r + 1}">${cells.join('')}</row>`);
    });
    parts.push('</sheetData></worksheet>');
    files[`xl/worksheets/sheet${s + 1}.xml`] = strToU8(parts.join(''));
  });
  const sheetEntries = sheets.map((sheet, s) => ({ sheet, id: s + 1 }));
  files['[Content_Types].xml'] = strToU8(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      sheetEntries
        .map(
          ({ id }) =>
            `<Override PartName="/xl/worksheets/sheet${id}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
        )
        .join('') +
      '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      '</Types>',
  );
  files['_rels/.rels'] = strToU8(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
      '</Relationships>',
  );
  files['xl/workbook.xml'] = strToU8(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>' +
      sheetEntries
        .map(({ sheet, id }) => `<sheet name="${escapeXml(sheet.name)}" sheetId="${id}" r:id="rId${id}"/>`)
        .join('') +
      '</sheets></workbook>',
  );
  files['xl/_rels/workbook.xml.rels'] = strToU8(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      sheetEntries
        .map(
          ({ id }) =>
            `<Relationship Id="rId${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${id}.xml"/>`,
        )
        .join('') +
      `<Relationship Id="rId${sheets.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>` +
      `<Relationship Id="rId${sheets.length + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
      '</Relationships>',
  );
  // Style 1 is Excel's built-in "m/d/yy h:mm" (numFmtId 22): what a typed-in date and time gets.
  files['xl/styles.xml'] = strToU8(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>' +
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
      '<xf numFmtId="22" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>' +
      '</styleSheet>',
  );
  files['xl/sharedStrings.xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${sharedCount}" uniqueCount="${shared.length}">` +
      shared.map((s) => `<si><t xml:space="preserve">${escapeXml(s)}</t></si>`).join('') +
      '</sst>',
  );
  return zipSync(files, { level: 6 });
}

const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * A canonical activity CSV as a sheet the way an analyst's Excel holds it: times without an offset typed in as dates
 * (serials), the `text` column as inline strings, every other value as a shared string, empty cells left out.
 */
export function activityCsvAsSheet(name: string, csv: string): WorkbookSheet {
  const records = parse(csv, { relax_column_count: true, bom: true }) as string[][];
  const header = records[0] ?? [];
  const textColumn = header.indexOf('text');
  const rows: SheetCell[][] = records.map((record, r) =>
    record.map((value, c): SheetCell => {
      if (r === 0 || value === '') return value;
      const wall = WALL_CLOCK.exec(value);
      if (wall) {
        const [, y, mo, d, h, mi, s] = wall.map(Number) as number[];
        const at = new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!, s || 0));
        // A time Excel would not take as a date (month 13, 25:00) stays text, as it does when typed in.
        if (at.getUTCMonth() === mo! - 1 && at.getUTCDate() === d && at.getUTCHours() === h)
          return { serial: excelSerial(at) };
      }
      return c === textColumn ? { inline: value } : value;
    }),
  );
  return { name, rows };
}
