// The splitter cuts plain records into fields in its own pass; csv-parse reads the rest. Whatever the text and however
// it is chunked, what the loader gets must be what csv-parse makes of each record, with the same lines and faults.
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvRecordSplitter, type SplitEvent } from '../../src/load/csv-records.js';
import { fcRuns } from '../helpers/fc-runs.js';

type Seen = [number, number, string[] | string] | ['fault', number, number, string];

function csvParse(text: string, delimiter: string): string[] | string {
  try {
    return (
      (
        parse(text, { delimiter, relax_quotes: true, relax_column_count: true, record_delimiter: '\n' }) as string[][]
      )[0] ?? []
    );
  } catch (error) {
    return `csv-parse: ${(error as Error).message.split('\n')[0]}`;
  }
}

function read(chunks: string[], delimiter: string, cutFields: boolean): { seen: Seen[]; cut: number } {
  const splitter = new CsvRecordSplitter(delimiter, 1, cutFields);
  const events: SplitEvent[] = [];
  for (const chunk of chunks) events.push(...splitter.push(chunk));
  events.push(...splitter.end());
  let cut = 0;
  const seen = events.map((e): Seen => {
    if ('fault' in e) return ['fault', e.fault.startLine, e.fault.endLine, JSON.stringify(e.fault.reason)];
    if (e.record.fields !== null) cut++;
    return [e.record.startLine, e.record.endLine, e.record.fields ?? csvParse(e.record.text, delimiter)];
  });
  return { seen, cut };
}

/** Text rich in what CSV quoting turns on: separators, quotes, both line ends, blanks and a BOM. */
const csvText = fc
  .array(fc.constantFrom('a', 'bc', ' ', ',', ';', '\t', '"', '""', '\n', '\r\n', '\r', 'é', '\uFEFF', '😊'), {
    maxLength: 60,
  })
  .map((parts) => parts.join(''));

function chunksOf(text: string, cuts: number[]): string[] {
  const at = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  const out: string[] = [];
  let from = 0;
  for (const c of at) {
    out.push(text.slice(from, c));
    from = c;
  }
  out.push(text.slice(from));
  return out;
}

describe('fields cut by the splitter', () => {
  it('are what csv-parse reads from each record, on the same lines, whatever the chunks', () => {
    fc.assert(
      fc.property(
        csvText,
        fc.constantFrom(',', ';', '\t'),
        fc.array(fc.nat(), { maxLength: 4 }),
        (text, delimiter, cuts) => {
          const chunks = chunksOf(text, cuts);
          expect(read(chunks, delimiter, true).seen).toEqual(read(chunks, delimiter, false).seen);
        },
      ),
      { numRuns: fcRuns(3000) },
    );
  });

  it('cut quoted fields, escaped quotes, CRLF and quoted line breaks without csv-parse', () => {
    const text = 'h1,h2,h3\r\nx,"a ""q"" b",\r\n"multi\nline",plain,"end"\r\n\r\n  \nlast,row,ok';
    const { seen, cut } = read([text], ',', true);
    expect(seen).toEqual([
      [1, 1, ['h1', 'h2', 'h3']],
      [2, 2, ['x', 'a "q" b', '']],
      [3, 4, ['multi\nline', 'plain', 'end']],
      [7, 7, ['last', 'row', 'ok']],
    ]);
    // The header and the last record (no line end: read at the end of input) come as text.
    expect(cut).toBe(2);
  });

  it('leave to csv-parse a quote inside an unquoted field and a CR that does not end the line', () => {
    const { seen, cut } = read(['h1,h2\n5" screen,x\na\rb,c\n'], ',', true);
    expect(seen).toEqual([
      [1, 1, ['h1', 'h2']],
      [2, 2, ['5" screen', 'x']],
      [3, 3, csvParse('a\rb,c', ',')],
    ]);
    expect(cut).toBe(0);
  });
});
