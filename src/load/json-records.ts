// Reads JSON arrays and NDJSON of canonical records into raw rows, keeping the line where each record begins.
import { AuditError } from '../shared/errors.js';
import type { RejectionReason } from '../shared/types.js';
import type { LoadedItem } from './loaded-item.js';
import { canonicalColumn, headerKey } from './csv-dialect.js';
import { MAX_RECORD_DEPTH, recordFaults, type DuplicateKey } from './json-duplicate-keys.js';
import { RowShapes } from './row-shape.js';

/** Line (1-based) at which each element of the top-level JSON array begins; the text must be valid JSON. */
export function arrayElementLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let expectValue = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
      continue;
    }
    if (c === 32 || c === 9 || c === 10 || c === 13) continue;
    if (depth === 1 && expectValue && c !== 93) {
      lines.push(line);
      expectValue = false;
    }
    if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      depth++;
      if (depth === 1 && c === 91) expectValue = true;
    } else if (c === 93 || c === 125) depth--;
    else if (c === 44 && depth === 1) expectValue = true;
  }
  return lines;
}

/** How one reader turns records into rows: key spellings folded once each, and one row shape per key list. */
export class RecordReading {
  readonly shapes = new RowShapes();
  private readonly names = new Map<string, string>();

  constructor(readonly aliases: Readonly<Record<string, string>>) {}

  /** The canonical column a record key stands for; remembered for the first few thousand spellings. */
  column(key: string): string {
    let name = this.names.get(key);
    if (name === undefined) {
      name = canonicalColumn(headerKey(key), this.aliases);
      if (this.names.size < 4096) this.names.set(key, name);
    }
    return name;
  }
}

/** A record's values as strings under canonical column names; prototype keys cannot leak (see row-shape.ts). */
export function recordFields(
  value: unknown,
  aliases: Readonly<Record<string, string>> | RecordReading,
): Record<string, string> | NotARow {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return new NotARow({ code: 'not_an_object', found: jsonType(value) });
  const reading = aliases instanceof RecordReading ? aliases : new RecordReading(aliases);
  const keys = Object.keys(value);
  const names: string[] = new Array(keys.length);
  const values: string[] = new Array(keys.length);
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k]!;
    const v = (value as Record<string, unknown>)[key];
    const name = reading.column(key);
    // As a CSV header may not name one column twice: the record cannot say which value is meant.
    const earlier = names.indexOf(name, 0);
    if (earlier !== -1 && earlier < k)
      return new NotARow({ code: 'ambiguous_keys', first: keys[earlier]!, second: key, means: name });
    names[k] = name;
    const lossy = typeof v === 'number' ? lossyNumber(name, key, v) : null;
    if (lossy) return lossy;
    if (v === null || v === undefined) values[k] = '';
    else if (Array.isArray(v))
      values[k] = v.map((x) => (typeof x === 'object' ? JSON.stringify(x) : String(x))).join(';');
    else if (typeof v === 'object') values[k] = JSON.stringify(v);
    else values[k] = String(v);
  }
  return reading.shapes.row(names, values);
}

/** Fields that name a person or an account: a JSON number there may already have lost digits, so it is never read. */
const IDENTITY_FIELDS = new Set(['nip', 'account', 'target_account']);

/**
 * Why a JSON number cannot be read as this field, or null. JSON numbers keep about 16 significant digits: an 18-digit
 * NIP written as a number has lost its end and can read as another valid NIP of the roster.
 */
function lossyNumber(name: string, key: string, value: number): NotARow | null {
  if (name === 'nip') return new NotARow({ code: 'nip_as_number', key, read: String(value) });
  if (IDENTITY_FIELDS.has(name) && !Number.isSafeInteger(value))
    return new NotARow({ code: 'number_too_large', key, read: String(value) });
  return null;
}

export function* readJsonArray(
  text: string,
  file: string,
  aliases: Readonly<Record<string, string>>,
): Generator<LoadedItem> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new AuditError({ file, ...jsonErrorPlace(text, error as Error) });
  }
  if (!Array.isArray(data))
    throw new AuditError({ file, message: `expected a JSON array of activity records, found ${describe(data)}` });
  const lines = arrayElementLines(text);
  const reading = new RecordReading(aliases);
  const faults = recordFaults(text);
  const repeated = new Map<number, DuplicateKey>();
  for (const duplicate of faults.duplicates)
    if (!repeated.has(duplicate.element)) repeated.set(duplicate.element, duplicate);
  const deep = new Map(faults.tooDeep.map((d) => [d.element, d.line]));
  for (let i = 0; i < data.length; i++) {
    const line = lines[i] ?? 1;
    const duplicate = repeated.get(i);
    const deepAt = deep.get(i);
    const fields =
      deepAt !== undefined ? tooDeep(deepAt) : duplicate ? repeatedKey(duplicate) : recordFields(data[i], reading);
    if (fields instanceof NotARow) yield { kind: 'rejected', rejection: { file, line, reason: fields.reason } };
    else yield { kind: 'row', row: { source: { file, line }, fields } };
  }
}

/** `invalidUtf8`: line → byte offset of its first invalid UTF-8 byte, filled while the bytes stream (see StreamFacts). */
export async function* readNdjson(
  chunks: AsyncIterable<string>,
  file: string,
  aliases: Readonly<Record<string, string>>,
  invalidUtf8: ReadonlyMap<number, number> = new Map(),
): AsyncGenerator<LoadedItem> {
  const reading = new RecordReading(aliases);
  let line = 0;
  const lines = new LineSplitter();
  const itemsOf = function* (texts: string[]): Generator<LoadedItem> {
    for (const text of texts) {
      line++;
      const item = ndjsonItem(text, line, file, reading, invalidUtf8);
      if (item !== null) yield item;
    }
  };
  // Lines are split chunk by chunk in one synchronous pass: no await per line.
  for await (const chunk of chunks) yield* itemsOf(lines.push(chunk));
  yield* itemsOf(lines.end());
}

function ndjsonItem(
  text: string,
  line: number,
  file: string,
  reading: RecordReading,
  invalidUtf8: ReadonlyMap<number, number>,
): LoadedItem | null {
  if (text.trim() === '') return null;
  const badByte = invalidUtf8.get(line);
  if (badByte !== undefined)
    return { kind: 'rejected', rejection: { file, line, reason: { code: 'invalid_utf8', offset: badByte } } };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return {
      kind: 'rejected',
      rejection: { file, line, reason: { code: 'not_json', detail: (error as Error).message } },
    };
  }
  const faults = recordFaults(text);
  const duplicate = faults.duplicates[0];
  const fields =
    faults.tooDeep.length > 0
      ? tooDeep(faults.tooDeep[0]!.line, line)
      : duplicate
        ? repeatedKey(duplicate, line)
        : recordFields(value, reading);
  if (fields instanceof NotARow) return { kind: 'rejected', rejection: { file, line, reason: fields.reason } };
  return { kind: 'row', row: { source: { file, line }, fields } };
}

/** The reason a record with a key written twice is rejected: JSON.parse kept the last value without a word. */
function repeatedKey(duplicate: DuplicateKey, firstLine = 1): NotARow {
  return new NotARow({ code: 'repeated_key', key: duplicate.key, againOnLine: duplicate.line + firstLine - 1 });
}

/** The reason a record nested past MAX_RECORD_DEPTH is rejected before any recursive walk of its value. */
function tooDeep(lineInText: number, firstLine = 1): NotARow {
  return new NotARow({ code: 'nested_too_deep', levels: MAX_RECORD_DEPTH, atLine: lineInText + firstLine - 1 });
}

/** A record that gives no row, and why (a class: a row's fields can hold any key, `code` included). */
export class NotARow {
  constructor(readonly reason: RejectionReason) {}
}

/** The JSON type of a value, as the rejection labels word it. */
function jsonType(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'array' : typeof value;
}

/**
 * Lines ended by LF (a CR before it is dropped), as every other reader and the UTF-8 offset map count them:
 * a lone CR inside a record is not a line end, so line numbers stay the file's own.
 */
class LineSplitter {
  // The start of a line whose end has not arrived, in pieces: joined once when it ends, not copied per chunk.
  private partial: string[] = [];

  push(chunk: string): string[] {
    const lines: string[] = [];
    let start = 0;
    for (let nl = chunk.indexOf('\n'); nl !== -1; nl = chunk.indexOf('\n', start)) {
      let text = chunk.slice(start, nl);
      if (this.partial.length > 0) {
        this.partial.push(text);
        text = this.partial.join('');
        this.partial = [];
      }
      lines.push(text.endsWith('\r') ? text.slice(0, -1) : text);
      start = nl + 1;
    }
    if (start < chunk.length) this.partial.push(chunk.slice(start));
    return lines;
  }

  end(): string[] {
    const pending = this.partial.join('');
    this.partial = [];
    return pending === '' ? [] : [pending.endsWith('\r') ? pending.slice(0, -1) : pending];
  }
}

/** Where JSON.parse stopped, as a line and a message ("truncated or invalid JSON"). */
export function jsonErrorPlace(text: string, error: Error): { line?: number; message: string } {
  const m = /position (\d+)/.exec(error.message);
  const message = `truncated or invalid JSON: ${error.message}`;
  if (!m) return { message };
  const pos = Number(m[1]);
  let line = 1;
  for (let i = 0; i < pos && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return { line, message };
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
