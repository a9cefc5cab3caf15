// Reads a platform CSV into records keyed by lower-cased header, each with the line where it begins.
import { parse as parseCsv } from 'csv-parse/sync';

export interface CsvRecord {
  line: number;
  /** Cell values by lower-cased header name; a missing cell reads as ''. */
  cell(name: string): string;
}

interface ParsedRecord {
  record: string[];
  info: { lines: number };
}

export function readCsvRecords(text: string): CsvRecord[] {
  const parsed = parseCsv(text, {
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    info: true,
  }) as unknown as ParsedRecord[];
  const [headerRecord, ...dataRecords] = parsed;
  if (!headerRecord) return [];
  const header = headerRecord.record.map((name) => name.trim().toLowerCase());
  const startLines = recordStartLines(text);
  return dataRecords.map(({ record, info }, index) => {
    const values = new Map(header.map((name, column) => [name, (record[column] ?? '').trim()]));
    // csv-parse reports only the line a record ends on (and miscounts CRLF inside quotes); the scanner
    // finds where it begins. Should the two ever disagree on the record count, the end line is the fallback.
    const line = startLines.length === parsed.length ? (startLines[index + 1] ?? info.lines) : info.lines;
    return { line, cell: (name: string) => values.get(name) ?? '' };
  });
}

/** First line of every record, header included: a newline outside quotes ends a record; blank lines hold none. */
function recordStartLines(text: string): number[] {
  const starts: number[] = [];
  let line = 1;
  let inQuotes = false;
  let atRecordStart = true;
  for (const char of text) {
    if (atRecordStart && char !== '\n' && char !== '\r') {
      starts.push(line);
      atRecordStart = false;
    }
    if (char === '"') inQuotes = !inQuotes;
    else if (char === '\n') {
      line++;
      if (!inQuotes) atRecordStart = true;
    }
  }
  return starts;
}
