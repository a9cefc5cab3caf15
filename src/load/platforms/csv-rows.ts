// Reads a platform CSV into records keyed by lower-cased header, each with the line where it begins.
import { parse as parseCsv } from 'csv-parse/sync';

export interface CsvRecord {
  line: number;
  /** Cell values by lower-cased header name; a missing cell reads as ''. */
  cell(name: string): string;
}

interface RawRecord {
  record: string[];
  raw: string;
}

export function readCsvRecords(text: string): CsvRecord[] {
  const parsed = parseCsv(text, { bom: true, relax_column_count: true, skip_empty_lines: true, raw: true }) as unknown as RawRecord[];
  const [headerRecord, ...dataRecords] = parsed;
  if (!headerRecord) return [];
  const header = headerRecord.record.map((name) => name.trim().toLowerCase());
  // `raw` texts concatenate back to the input, blank lines included, so counting their newlines gives each
  // record's first line even when a quoted cell spans several lines.
  let newlinesBefore = countNewlines(headerRecord.raw);
  return dataRecords.map(({ record, raw }) => {
    const leadingBlankLines = countNewlines(/^[\r\n]*/.exec(raw)?.[0] ?? '');
    const line = newlinesBefore + leadingBlankLines + 1;
    newlinesBefore += countNewlines(raw);
    const values = new Map(header.map((name, index) => [name, (record[index] ?? '').trim()]));
    return { line, cell: (name: string) => values.get(name) ?? '' };
  });
}

function countNewlines(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) count++;
  return count;
}
