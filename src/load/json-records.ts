// Reads JSON arrays and NDJSON of canonical records into raw rows, keeping the line where each record begins.
import { AuditError } from '../shared/errors.js';
import type { RejectionReason } from '../shared/types.js';
import type { LoadedItem } from './loaded-item.js';
import { canonicalColumn, headerKey } from './csv-dialect.js';
import { duplicateKeys, type DuplicateKey } from './json-duplicate-keys.js';

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

/** A record's values as strings under canonical column names; prototype keys cannot leak (null-prototype object). */
export function recordFields(
  value: unknown,
  aliases: Readonly<Record<string, string>>,
): Record<string, string> | RejectionReason {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return { code: 'not_an_object', found: jsonType(value) };
  const fields: Record<string, string> = Object.create(null);
  const keyOf: Record<string, string> = Object.create(null);
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    const name = canonicalColumn(headerKey(key), aliases);
    // As a CSV header may not name one column twice: the record cannot say which value is meant.
    if (keyOf[name] !== undefined) return { code: 'ambiguous_keys', first: keyOf[name], second: key, means: name };
    keyOf[name] = key;
    const lossy = typeof v === 'number' ? lossyNumber(name, key, v) : null;
    if (lossy) return lossy;
    if (v === null || v === undefined) fields[name] = '';
    else if (Array.isArray(v))
      fields[name] = v.map((x) => (typeof x === 'object' ? JSON.stringify(x) : String(x))).join(';');
    else if (typeof v === 'object') fields[name] = JSON.stringify(v);
    else fields[name] = String(v);
  }
  return fields;
}

/** Fields that name a person or an account: a JSON number there may already have lost digits, so it is never read. */
const IDENTITY_FIELDS = new Set(['nip', 'account', 'target_account']);

/**
 * Why a JSON number cannot be read as this field, or null. JSON numbers keep about 16 significant digits: an 18-digit
 * NIP written as a number has lost its end and can read as another valid NIP of the roster.
 */
function lossyNumber(name: string, key: string, value: number): RejectionReason | null {
  if (name === 'nip') return { code: 'nip_as_number', key, read: String(value) };
  if (IDENTITY_FIELDS.has(name) && !Number.isSafeInteger(value))
    return { code: 'number_too_large', key, read: String(value) };
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
  const repeated = new Map<number, DuplicateKey>();
  for (const duplicate of duplicateKeys(text))
    if (!repeated.has(duplicate.element)) repeated.set(duplicate.element, duplicate);
  for (let i = 0; i < data.length; i++) {
    const line = lines[i] ?? 1;
    const duplicate = repeated.get(i);
    const fields = duplicate ? repeatedKey(duplicate) : recordFields(data[i], aliases);
    if (isReason(fields)) yield { kind: 'rejected', rejection: { file, line, reason: fields } };
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
  let line = 0;
  for await (const text of linesOf(chunks)) {
    line++;
    if (text.trim() === '') continue;
    const badByte = invalidUtf8.get(line);
    if (badByte !== undefined) {
      yield { kind: 'rejected', rejection: { file, line, reason: { code: 'invalid_utf8', offset: badByte } } };
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      yield {
        kind: 'rejected',
        rejection: { file, line, reason: { code: 'not_json', detail: (error as Error).message } },
      };
      continue;
    }
    const duplicate = duplicateKeys(text)[0];
    const fields = duplicate ? repeatedKey(duplicate, line) : recordFields(value, aliases);
    if (isReason(fields)) yield { kind: 'rejected', rejection: { file, line, reason: fields } };
    else yield { kind: 'row', row: { source: { file, line }, fields } };
  }
}

/** The reason a record with a key written twice is rejected: JSON.parse kept the last value without a word. */
function repeatedKey(duplicate: DuplicateKey, firstLine = 1): RejectionReason {
  return { code: 'repeated_key', key: duplicate.key, againOnLine: duplicate.line + firstLine - 1 };
}

/**
 * Lines ended by LF (a CR before it is dropped), as every other reader and the UTF-8 offset map count them:
 * a lone CR inside a record is not a line end, so line numbers stay the file's own.
 */
async function* linesOf(chunks: AsyncIterable<string>): AsyncGenerator<string> {
  let pending = '';
  for await (const chunk of chunks) {
    pending += chunk;
    let start = 0;
    for (let nl = pending.indexOf('\n'); nl !== -1; nl = pending.indexOf('\n', start)) {
      const end = nl > start && pending.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      yield pending.slice(start, end);
      start = nl + 1;
    }
    pending = pending.slice(start);
  }
  if (pending !== '') yield pending.endsWith('\r') ? pending.slice(0, -1) : pending;
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

/** Fields are a null-prototype object (recordFields), a reason an ordinary one: a column may be named `code`. */
function isReason(read: Record<string, string> | RejectionReason): read is RejectionReason {
  return Object.getPrototypeOf(read) !== null;
}

/** The JSON type of a value, as the rejection labels word it. */
function jsonType(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'array' : typeof value;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
