// Spreadsheet workbooks given as activity or roster. Activity is read from .xlsx (xlsx-activity.ts); every other
// workbook, and any workbook given as the roster, is named for what it is with how to convert it.
import { extname } from 'node:path';

const WORKBOOKS: Record<string, string> = {
  '.xlsx': 'an Excel workbook (.xlsx)',
  '.xlsm': 'an Excel workbook (.xlsm)',
  '.xlsb': 'an Excel binary workbook (.xlsb)',
  '.xls': 'an old Excel workbook (.xls)',
  '.ods': 'an OpenDocument spreadsheet (.ods)',
  '.numbers': 'a Numbers spreadsheet (.numbers)',
};

/** Workbooks activity is read from: the Office Open XML spreadsheets (.xlsm is one with macros, which are not run). */
export function isXlsx(path: string): boolean {
  const ext = extname(path).toLowerCase();
  return ext === '.xlsx' || ext === '.xlsm';
}

/** What workbook the file's extension says it is, e.g. "an Excel workbook (.xlsx)"; null for any other file. */
export function workbookKind(path: string): string | null {
  return WORKBOOKS[extname(path).toLowerCase()] ?? null;
}

/**
 * How to make a workbook readable. A sheet is saved on its own (CSV holds one sheet), and Excel's "CSV UTF-8"
 * keeps Indonesian names and emoji that the plain "CSV" type turns into question marks.
 */
export function convertWorkbookHint(file: string, xlsxRead = false): string {
  const quoted = /^[\w./-]+$/.test(file) ? file : `'${file.replaceAll("'", "'\\''")}'`;
  return (
    (xlsxRead ? 'save it as an Excel Workbook (.xlsx), which asn-audit reads, or ' : '') +
    'save each sheet that holds rows as CSV and give the CSV files: in Excel, File → Save As → "CSV UTF-8 (Comma ' +
    `delimited)", one sheet at a time; or, for the first sheet, libreoffice --headless --convert-to csv ${quoted}`
  );
}
