// Reads a CSV roster into rows: separator and header spellings as Excel and people write them, one problem per bad line.
import { parse as parseCsv } from 'csv-parse/sync';
import type { Problem } from '../shared/errors.js';
import { canonicalHeaders, detectDelimiter, duplicateHeaders } from './csv-dialect.js';
import { cellAccounts } from './roster-accounts.js';
import { COLUMN_ALIASES, REQUIRED_COLUMNS, type AccountEntry, type RosterRow } from './roster-row.js';

type CsvRecord = { record: string[]; info: { lines: number } };

/** CSV rows; null when the file's structure is too broken to read persons from. */
export function readCsvRows(text: string, file: string, problems: Problem[]): RosterRow[] | null {
  // Excel honours and sometimes writes a first line `sep=;` naming the separator.
  const sepLine = /^sep=(.)\r?\n/i.exec(text);
  const body = sepLine ? text.slice(sepLine[0].length) : text;
  const lineOffset = sepLine ? 1 : 0;
  const delimiter = sepLine?.[1] ?? detectDelimiter(body.split('\n', 1)[0] ?? '');
  let records: CsvRecord[];
  try {
    records = parseCsv(body, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      info: true,
    }) as unknown as CsvRecord[];
  } catch (error) {
    const { message, lines } = error as Error & { lines?: number };
    problems.push({
      file,
      line: lines === undefined ? undefined : lines + lineOffset,
      message: `the CSV cannot be read: ${message}`,
    });
    return null;
  }
  const [headerRecord, ...dataRecords] = records;
  if (!headerRecord) return [];
  const header = canonicalHeaders(headerRecord.record, COLUMN_ALIASES);
  const headerLine = startLine(headerRecord) + lineOffset;
  if (!checkHeader(headerRecord.record, header, file, headerLine, problems)) return null;

  const rows: RosterRow[] = [];
  for (const entry of dataRecords) {
    const fields = entry.record;
    if (fields.every((f) => f.trim() === '')) continue; // Excel leaves rows of bare separators below the data
    const line = startLine(entry) + lineOffset;
    if (fields.length !== header.length) {
      const quoteHint =
        fields.length > header.length ? '; a value containing the separator must be in double quotes' : '';
      problems.push({
        file,
        line,
        message: `this line has ${fields.length} fields but the header has ${header.length}${quoteHint}`,
      });
      continue;
    }
    const value = (column: string): string => fields[header.indexOf(column)]?.trim() ?? '';
    const accounts: AccountEntry[] = [];
    header.forEach((column, i) => {
      accounts.push(...cellAccounts(column, fields[i] ?? ''));
    });
    rows.push({
      line,
      at: '',
      nip: value('nip'),
      name: value('name'),
      agency: value('agency'),
      position: value('position'),
      accounts,
    });
  }
  return rows;
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
