// Streams a canonical activity CSV: detects encoding and separator, maps headers, yields one raw row per record.
import { parse } from 'csv-parse/sync';
import { AuditError } from '../shared/errors.js';
import type { RawRow, RejectionReason } from '../shared/types.js';
import { canonicalHeaders, detectDelimiter, duplicateHeaders, separatorLine } from './csv-dialect.js';
import { CsvRecordSplitter, type CsvRecordText, type SplitEvent } from './csv-records.js';
import type { LoadedItem } from './loaded-item.js';
import { rowMakerOf, type RowMaker } from './row-shape.js';

export interface CsvOptions {
  file: string;
  aliases: Readonly<Record<string, string>>;
  required: readonly string[];
  /** Line → byte offset of its first invalid UTF-8 byte (filled while streaming; see StreamFacts). */
  invalidUtf8?: ReadonlyMap<number, number>;
  /** A row whose fields are all empty (Excel writes `;;;;` for an empty row of a sheet): skipped, counted here. */
  onBlankRow?: () => void;
}

const BATCH = 512;

/** Rows of a CSV given as decoded text chunks. Throws AuditError for file-level faults (bad header). */
export async function* readCsv(chunks: AsyncIterable<string>, options: CsvOptions): AsyncGenerator<LoadedItem> {
  let splitter: CsvRecordSplitter | null = null;
  let header: string[] | null = null;
  let batch: CsvRecordText[] = [];
  let firstText = '';

  const drain = function* (events: SplitEvent[]): Generator<LoadedItem> {
    for (const event of events) {
      if ('fault' in event) {
        // Keep file order: rows read before the fault are yielded first (--strict stops at the first bad row).
        if (header !== null && batch.length > 0) {
          yield* rowsOf(batch, header, splitterDelimiter, options);
          batch = [];
        }
        yield rejected(options.file, event.fault.startLine, event.fault.reason, event.fault.endLine);
        continue;
      }
      if (header === null) {
        header = readHeader(event.record, splitterDelimiter, options);
        continue;
      }
      batch.push(event.record);
      if (batch.length >= BATCH) {
        yield* rowsOf(batch, header, splitterDelimiter, options);
        batch = [];
      }
    }
  };

  let splitterDelimiter = ',';
  let crOnly = false;
  // The first line decides the dialect (a `sep=` line, CR-only line ends); later chunks go to the splitter as they
  // come, with no check of their own.
  const start = (atEnd: boolean): [CsvRecordSplitter, SplitEvent[]] => {
    const dialect = firstLineDialect(firstText, atEnd);
    crOnly = dialect.crOnly;
    const text = crOnly ? firstText.replaceAll('\r', '\n') : firstText;
    const sep = separatorLine(text);
    const body = sep ? text.slice(sep.length) : text;
    splitterDelimiter = sep?.delimiter ?? detectDelimiter(body.slice(0, body.indexOf('\n') >>> 0));
    // Rows after a `sep=` line keep the file's own line numbers.
    const started = new CsvRecordSplitter(splitterDelimiter, sep ? 2 : 1, true);
    firstText = '';
    return [started, started.push(body)];
  };
  for await (const chunk of chunks) {
    if (splitter === null) {
      firstText += chunk;
      if (firstLineDialect(firstText, false).undecided && firstText.length < 1 << 20) continue;
      let events: SplitEvent[];
      [splitter, events] = start(false);
      yield* drain(events);
      continue;
    }
    // A CR-only file (old Mac, some Excel exports): each CR ends a line, as LF does elsewhere.
    yield* drain(splitter.push(crOnly ? chunk.replaceAll('\r', '\n') : chunk));
  }
  if (splitter === null) {
    if (firstText.trim() === '')
      throw new AuditError({ file: options.file, message: 'the file is empty (expected a header line and rows)' });
    let events: SplitEvent[];
    [splitter, events] = start(true);
    yield* drain(events);
  }
  yield* drain(splitter.end());
  if (header === null)
    throw new AuditError({ file: options.file, message: 'the file is empty (expected a header line and rows)' });
  if (batch.length > 0) yield* rowsOf(batch, header, splitterDelimiter, options);
}

/**
 * How the file ends its lines, from its first line break: a lone CR (not CRLF) makes it a CR-only file. Undecided
 * until a break is seen and, for a CR, the character after it (unless the text is all there is).
 */
function firstLineDialect(text: string, atEnd: boolean): { undecided: boolean; crOnly: boolean } {
  const lf = text.indexOf('\n');
  const cr = text.indexOf('\r');
  if (cr === -1 || (lf !== -1 && lf < cr)) return { undecided: lf === -1 && !atEnd, crOnly: false };
  if (cr === text.length - 1 && !atEnd) return { undecided: true, crOnly: false };
  return { undecided: false, crOnly: text.charCodeAt(cr + 1) !== 0x0a };
}

function readHeader(record: CsvRecordText, delimiter: string, options: CsvOptions): string[] {
  // Records end at LF only (the splitter decided that): a lone CR is a character, not a second record.
  let names: string[];
  try {
    names =
      (
        parse(record.text, {
          delimiter,
          relax_quotes: true,
          relax_column_count: true,
          record_delimiter: '\n',
          bom: true,
        }) as string[][]
      )[0] ?? [];
  } catch (error) {
    throw new AuditError({
      file: options.file,
      line: record.startLine,
      message: `cannot read the header line: ${(error as Error).message.split('\n')[0]}`,
    });
  }
  return checkedHeader(names, record.startLine, options);
}

/** The header's canonical column names; throws for duplicate or missing required columns. Sheets share it (xlsx-activity.ts). */
export function checkedHeader(names: string[], line: number, options: Omit<CsvOptions, 'invalidUtf8'>): string[] {
  const header = canonicalHeaders(names, options.aliases);
  const problems = [];
  const dups = duplicateHeaders(header);
  if (dups.length > 0)
    problems.push({
      file: options.file,
      line,
      message: `duplicate column${dups.length > 1 ? 's' : ''} ${dups.map((d) => `"${d}"`).join(', ')} (after mapping aliases): which one to use is ambiguous`,
    });
  // One message for all missing columns, quoting a header that may be a whole stray line only in part.
  const shownHeader =
    header
      .map((h) => (h.length > 40 ? `${h.slice(0, 40)}…` : h))
      .slice(0, 30)
      .join(', ') + (header.length > 30 ? ', …' : '');
  const missing: string[] = [];
  for (const group of options.required) {
    const alternatives = group.split('|');
    if (!alternatives.some((name) => header.includes(name))) {
      missing.push(`"${alternatives.join('" or "')}"`);
    }
  }
  if (missing.length > 0) {
    problems.push({
      file: options.file,
      line,
      message: `missing required column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (header has: ${shownHeader})`,
    });
  }
  if (problems.length > 0) throw new AuditError(problems);
  return header;
}

function* rowsOf(
  records: CsvRecordText[],
  header: string[],
  delimiter: string,
  options: CsvOptions,
): Generator<LoadedItem> {
  const file = options.file;
  const makeRow = rowMakerFor(header);
  // The splitter cut most records already; the others are parsed together, one by one only when that fails.
  const texts = records.filter((r) => r.fields === null);
  let parsed: string[][] | null = null;
  if (texts.length > 0) {
    try {
      parsed = parse(texts.map((r) => r.text).join('\n'), {
        delimiter,
        relax_quotes: true,
        relax_column_count: true,
        record_delimiter: '\n',
      }) as string[][];
      if (parsed.length !== texts.length) parsed = null;
    } catch {
      parsed = null;
    }
  }
  let parsedAt = 0;
  for (let i = 0; i < records.length; i++) {
    const record = records[i]!;
    let fields = record.fields ?? parsed?.[parsedAt];
    if (record.fields === null) parsedAt++;
    const badByte = firstInvalidByte(options.invalidUtf8, record);
    if (badByte !== null) {
      yield rejected(file, record.startLine, { code: 'invalid_utf8', offset: badByte }, record.endLine);
      continue;
    }
    if (fields === undefined) {
      try {
        fields =
          (
            parse(record.text, {
              delimiter,
              relax_quotes: true,
              relax_column_count: true,
              record_delimiter: '\n',
            }) as string[][]
          )[0] ?? [];
      } catch (error) {
        yield rejected(
          file,
          record.startLine,
          { code: 'unreadable_record', detail: (error as Error).message.split('\n')[0]! },
          record.endLine,
        );
        continue;
      }
    }
    if (isBlank(fields)) {
      options.onBlankRow?.();
      continue;
    }
    if (fields.length !== header.length && !onlyBlankExtra(fields, header.length)) {
      yield rejected(
        file,
        record.startLine,
        { code: 'field_count', expected: header.length, found: fields.length },
        record.endLine,
      );
      continue;
    }
    yield { kind: 'row', row: { source: { file, line: record.startLine }, fields: makeRow(fields) } satisfies RawRow };
  }
}

/** Every field empty or spaces: a blank row, not a record with its platform and everything else missing. */
function isBlank(fields: readonly string[]): boolean {
  for (const field of fields) if (field.trim() !== '') return false;
  return true;
}

/** More fields than the header, all of them blank (a trailing separator): the row is read without them. */
function onlyBlankExtra(fields: readonly string[], columns: number): boolean {
  if (fields.length < columns) return false;
  for (let c = columns; c < fields.length; c++) if (fields[c]!.trim() !== '') return false;
  return true;
}

const rowMakers = new WeakMap<string[], RowMaker>();

/** One row maker per header (see row-shape.ts), made when its first batch is read. */
function rowMakerFor(header: string[]): RowMaker {
  let make = rowMakers.get(header);
  if (make === undefined) {
    make = rowMakerOf(header);
    rowMakers.set(header, make);
  }
  return make;
}

/** The decoder turned the record's invalid bytes into U+FFFD: its text is damaged, and the offset lets one find them. */
function firstInvalidByte(invalidUtf8: ReadonlyMap<number, number> | undefined, record: CsvRecordText): number | null {
  if (invalidUtf8 === undefined || invalidUtf8.size === 0) return null;
  for (let line = record.startLine; line <= record.endLine; line++) {
    const offset = invalidUtf8.get(line);
    if (offset !== undefined) return offset;
  }
  return null;
}

function rejected(file: string, line: number, reason: RejectionReason, endLine?: number): LoadedItem {
  return { kind: 'rejected', rejection: { file, line, reason, ...(endLine !== undefined ? { endLine } : {}) } };
}
