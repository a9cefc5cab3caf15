// Reads a JSON roster (an array of person objects) into rows, reporting each element's problems at its line.
import type { Problem } from '../shared/errors.js';
import { canonicalColumn, headerKey } from './csv-dialect.js';
import { MAX_RECORD_DEPTH, recordFaults } from './json-duplicate-keys.js';
import { arrayElementLines, jsonErrorPlace } from './json-records.js';
import { cellAccounts } from './roster-accounts.js';
import { COLUMN_ALIASES, isRosterPlatform, type AccountEntry, type RosterRow } from './roster-row.js';

const JSON_EXAMPLE = '[{"nip": "198609262015051001", "name": "Budi Santoso", "instagram": "budi.santoso"}]';

/**
 * Each JSON row to `onRow`; false when the file is not a JSON array. Keys go into a Map, so `__proto__` in the data
 * stays data.
 */
export function readJsonRows(
  text: string,
  file: string,
  problems: Problem[],
  onRow: (row: RosterRow) => void,
): boolean {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const { line } = jsonErrorPlace(text, error as Error);
    problems.push({ file, line, message: `the JSON cannot be read: ${(error as Error).message}` });
    return false;
  }
  if (!Array.isArray(data)) {
    problems.push({ file, message: `expected a JSON array of persons, e.g. ${JSON_EXAMPLE}` });
    return false;
  }
  const lines = arrayElementLines(text);
  // JSON.parse keeps the last of two equal keys without a word; a person's NIP or account could be the lost one.
  const faults = recordFaults(text);
  for (const duplicate of faults.duplicates)
    problems.push({
      file,
      line: duplicate.line,
      field: duplicate.element >= 0 ? `[${duplicate.element}].${duplicate.key}` : duplicate.key,
      message: `key "${duplicate.key}" appears twice in this object: which value is meant is ambiguous; keep one of them`,
    });
  // A person nested that deep is no person, and quoting its values in a message would exhaust the stack.
  const deep = new Set<number>();
  for (const record of faults.tooDeep) {
    deep.add(record.element);
    problems.push({
      file,
      line: record.line,
      field: record.element >= 0 ? `[${record.element}]` : undefined,
      message: `objects and arrays are nested deeper than ${MAX_RECORD_DEPTH} levels: expected a person object`,
    });
  }
  data.forEach((element: unknown, index) => {
    if (deep.has(index)) return;
    const row = jsonRow(element, `[${index}]`, lines[index] ?? 1, file, problems);
    if (row) onRow(row);
  });
  return true;
}

function jsonRow(element: unknown, at: string, line: number, file: string, problems: Problem[]): RosterRow | null {
  if (typeof element !== 'object' || element === null || Array.isArray(element)) {
    problems.push({
      file,
      line,
      field: at,
      message: `expected an object with "nip" and "name", found ${Array.isArray(element) ? 'an array' : element === null ? 'null' : `a ${typeof element}`}`,
    });
    return null;
  }
  const values = new Map<string, unknown>();
  for (const [key, value] of Object.entries(element)) {
    const column = canonicalColumn(headerKey(key), COLUMN_ALIASES);
    if (values.has(column))
      problems.push({
        file,
        line,
        field: `${at}.${key}`,
        message: `two keys of this object mean "${column}"; keep one of them`,
      });
    values.set(column, value);
  }
  const text = (column: string): string => {
    const value = values.get(column);
    if (value === undefined || value === null) return '';
    if (typeof value === 'string') return value.trim();
    problems.push({
      file,
      line,
      field: `${at}.${column}`,
      message: `expected a string, found ${JSON.stringify(value)}`,
    });
    return '';
  };
  let nip: string | null = null;
  const rawNip = values.get('nip');
  if (typeof rawNip === 'number') {
    // JSON numbers keep about 16 significant digits: an 18-digit NIP written as a number has already lost its end.
    problems.push({
      file,
      line,
      field: `${at}.nip`,
      message: `the NIP is a JSON number (${rawNip}), which cannot hold 18 digits exactly; write it as a string`,
    });
  } else if (rawNip === undefined) {
    problems.push({ file, line, field: at, message: 'missing "nip"' });
  } else nip = text('nip');
  if (!values.has('name')) problems.push({ file, line, field: at, message: 'missing "name"' });
  const accounts: AccountEntry[] = [];
  for (const [column, value] of values)
    accounts.push(...jsonAccounts(column, value, `${at}.${column}`, line, file, problems));
  return {
    line,
    at,
    nip,
    name: values.has('name') ? text('name') : null,
    agency: text('agency'),
    position: text('position'),
    accounts,
  };
}

/** Accounts from a JSON value: a string (as in a CSV cell), an array of strings, or `accounts: [{platform, handle}]`. */
function jsonAccounts(
  column: string,
  value: unknown,
  field: string,
  line: number,
  file: string,
  problems: Problem[],
): AccountEntry[] {
  const isAccountColumn = column === 'accounts' || isRosterPlatform(column);
  if (!isAccountColumn || value === null || value === undefined) return [];
  if (typeof value === 'string') return cellAccounts(column, value, field);
  if (typeof value === 'number' && column !== 'accounts') {
    problems.push({ file, line, field, message: unquotedNumberHandle(value) });
    return [];
  }
  if (!Array.isArray(value)) {
    problems.push({ file, line, field, message: `expected a string or an array, found ${JSON.stringify(value)}` });
    return [];
  }
  return value.flatMap((item: unknown, i): AccountEntry[] => {
    if (typeof item === 'string') return cellAccounts(column, item, `${field}[${i}]`);
    if (typeof item === 'number' && column !== 'accounts') {
      problems.push({ file, line, field: `${field}[${i}]`, message: unquotedNumberHandle(item) });
      return [];
    }
    if (column === 'accounts' && typeof item === 'object' && item !== null && !Array.isArray(item)) {
      const platform = Object.hasOwn(item, 'platform') ? (item as Record<string, unknown>).platform : undefined;
      const handle = Object.hasOwn(item, 'handle') ? (item as Record<string, unknown>).handle : undefined;
      if (typeof platform === 'string' && typeof handle === 'string')
        return [{ platform: platform.trim(), value: handle.trim(), field: `${field}[${i}]` }];
    }
    const expected = column === 'accounts' ? '"platform:handle" or {"platform": …, "handle": …}' : 'a handle (string)';
    problems.push({
      file,
      line,
      field: `${field}[${i}]`,
      message: `expected ${expected}, found ${JSON.stringify(item)}`,
    });
    return [];
  });
}

/** JSON.parse has already rounded a long number, so the message cannot quote the digits written, only ask for quotes. */
function unquotedNumberHandle(value: number): string {
  return Number.isSafeInteger(value)
    ? `expected an account handle or a numeric X id in quotes ("${value}"); an unquoted number is read as a number and, past 15 digits, loses digits`
    : `expected an account handle or a numeric X id in quotes; an unquoted number loses digits (this one reads as ${value})`;
}
