// Reads a CSV roster into rows: separator and header spellings as Excel and people write them, one problem per bad line.
import { parse as parseCsv } from 'csv-parse/sync';
import type { Problem } from '../shared/errors.js';
import { canonicalHeaders, detectDelimiter, duplicateHeaders, separatorLine } from './csv-dialect.js';
import { cellAccounts } from './roster-accounts.js';
import { COLUMN_ALIASES, REQUIRED_COLUMNS, type AccountEntry, type RosterRow } from './roster-row.js';

type CsvRecord = { record: string[]; info: { lines: number } };

/**
 * Each CSV row to `onRow` as csv-parse produces it (no array of the file's records is held); false when the file's
 * structure is too broken to read persons from.
 */
export function readCsvRows(text: string, file: string, problems: Problem[], onRow: (row: RosterRow) => void): boolean {
  const sepLine = separatorLine(text);
  const body = sepLine ? text.slice(sepLine.length) : text;
  const lineOffset = sepLine ? 1 : 0;
  const delimiter = sepLine?.delimiter ?? detectDelimiter(body.split('\n', 1)[0] ?? '');
  const problemsBefore = problems.length;
  let header: string[] | null = null;
  let headerRejected = false;
  const onRecord = (entry: CsvRecord): null => {
    if (headerRejected) return null;
    if (!header) {
      header = canonicalHeaders(entry.record, COLUMN_ALIASES);
      const headerLine = startLine(entry) + lineOffset;
      if (!checkHeader(entry.record, header, file, headerLine, problems)) headerRejected = true;
      return null;
    }
    const row = csvRow(entry, header, lineOffset, file, problems);
    if (row) onRow(row);
    return null;
  };
  try {
    parseCsv(body, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      info: true,
      // With `info`, csv-parse hands on_record the {record, info} pair, which its types do not say.
      on_record: onRecord as unknown as (record: string[]) => null,
    });
  } catch (error) {
    const { message, lines } = error as Error & { lines?: number };
    // A file csv-parse cannot read is reported by that alone, as before any of its rows were looked at.
    problems.length = problemsBefore;
    problems.push({
      file,
      line: lines === undefined ? undefined : lines + lineOffset,
      message: `the CSV cannot be read: ${message}`,
    });
    return false;
  }
  return !headerRejected;
}

/** A data record as a row; null (and a problem when it is one) for a row of bare separators or the wrong width. */
function csvRow(
  entry: CsvRecord,
  header: string[],
  lineOffset: number,
  file: string,
  problems: Problem[],
): RosterRow | null {
  const fields = entry.record;
  if (fields.every((f) => f.trim() === '')) return null; // Excel leaves rows of bare separators below the data
  const line = startLine(entry) + lineOffset;
  if (fields.length !== header.length) {
    const quoteHint =
      fields.length > header.length ? '; a value containing the separator must be in double quotes' : '';
    problems.push({
      file,
      line,
      message: `this line has ${fields.length} fields but the header has ${header.length}${quoteHint}`,
    });
    return null;
  }
  const value = (column: string): string => fields[header.indexOf(column)]?.trim() ?? '';
  const accounts: AccountEntry[] = [];
  header.forEach((column, i) => {
    accounts.push(...cellAccounts(column, fields[i] ?? ''));
  });
  return {
    line,
    at: '',
    nip: value('nip'),
    name: value('name'),
    agency: value('agency'),
    position: value('position'),
    accounts,
  };
}

/** The line a record starts on: csv-parse reports where it ends, and a quoted value may span lines. */
function startLine(entry: CsvRecord): number {
  let breaks = 0;
  for (const field of entry.record) for (const ch of field) if (ch === '\n') breaks++;
  return entry.info.lines - breaks;
}

function checkHeader(names: string[], header: string[], file: string, line: number, problems: Problem[]): boolean {
  const before = problems.length;
  for (const column of REQUIRED_COLUMNS) {
    if (header.includes(column)) continue;
    const accepted = Object.keys(COLUMN_ALIASES)
      .filter((k) => COLUMN_ALIASES[k] === column)
      .join(', ');
    problems.push({
      file,
      line,
      message: `missing column "${column}" (accepted names: ${accepted}); the header has: ${names.join(', ')}`,
    });
  }
  for (const column of duplicateHeaders(header)) {
    const spelled = names.filter((_, i) => header[i] === column).map((n) => `"${n.trim()}"`);
    problems.push({ file, line, message: `columns ${spelled.join(' and ')} both mean "${column}"; keep one of them` });
  }
  return problems.length === before;
}
