// Reads the roster (CSV or JSON): the audited ASN, their NIP and their accounts, reporting every problem in the file at once.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { parse as parseCsv } from 'csv-parse/sync';
import type { Problem } from '../shared/errors.js';
import { AuditError } from '../shared/errors.js';
import type { Account, Person, Platform } from '../shared/types.js';
import { checkNip } from '../normalize/nip.js';
import { normalizeHandle } from '../normalize/handle.js';
import { decodeText, looksBinary } from './encoding.js';
import { canonicalHeaders, detectDelimiter, duplicateHeaders, headerKey } from './csv-dialect.js';

export interface Roster {
  /** The path as given. */
  file: string;
  /** Hex SHA-256 of the file's bytes, for the report's `inputs`. */
  sha256: string;
  persons: Person[];
  /** `${platform}:${handle}` → person NIP */
  byAccount: Map<string, string>;
  byNip: Map<string, Person>;
}

export interface RosterOptions {
  /** Bounds NIP birth and appointment dates; default: now. */
  today?: Date;
}

type RosterPlatform = Exclude<Platform, 'offline'>;
const ROSTER_PLATFORMS: readonly RosterPlatform[] = ['facebook', 'instagram', 'x', 'tiktok', 'youtube', 'threads', 'whatsapp'];
const PLATFORM_LIST = 'facebook, instagram, x (or twitter), tiktok, youtube, threads, whatsapp';

/** Header names (after `headerKey`) → canonical column. Platform columns map to the platform's name. */
const COLUMN_ALIASES: Readonly<Record<string, string>> = {
  nip: 'nip', nip_baru: 'nip', ni_pppk: 'nip', nomor_induk_pegawai: 'nip',
  name: 'name', nama: 'name', nama_lengkap: 'name', nama_pegawai: 'name',
  agency: 'agency', instansi: 'agency', unit_kerja: 'agency', opd: 'agency', skpd: 'agency', satuan_kerja: 'agency', satker: 'agency',
  position: 'position', jabatan: 'position',
  accounts: 'accounts', akun: 'accounts', akun_media_sosial: 'accounts',
  facebook: 'facebook', fb: 'facebook',
  instagram: 'instagram', ig: 'instagram',
  x: 'x', twitter: 'x',
  tiktok: 'tiktok', tik_tok: 'tiktok',
  youtube: 'youtube', yt: 'youtube',
  threads: 'threads',
  whatsapp: 'whatsapp', wa: 'whatsapp',
};
const REQUIRED_COLUMNS = ['nip', 'name'] as const;

// Handles never contain these, so they separate several handles in one cell whatever the file's own separator.
const HANDLE_SEPARATORS = /[;|,\r\n]+/;
// What people type into a cell for "no account": reading it as a handle would make everyone with a `-` share one.
const NO_ACCOUNT = /^(?:[-–—.]+|tidak ada|tdk ada|tidak punya|belum ada|kosong|n\/?a|none|null|nil)$/i;
const LOOKS_LIKE_URL = /^(https?:\/\/|www\.|[a-z0-9-]+(\.[a-z0-9-]+)*\.(com|net|me|be|am|id)\/)/i;
const PLATFORM_HOSTS: readonly [RegExp, RosterPlatform][] = [
  [/(^|\.)(facebook\.com|fb\.com|fb\.me)$/, 'facebook'],
  [/(^|\.)(instagram\.com|instagr\.am)$/, 'instagram'],
  [/(^|\.)(x\.com|twitter\.com)$/, 'x'],
  [/(^|\.)tiktok\.com$/, 'tiktok'],
  [/(^|\.)(youtube\.com|youtu\.be)$/, 'youtube'],
  [/(^|\.)threads\.(net|com)$/, 'threads'],
  [/(^|\.)(wa\.me|whatsapp\.com)$/, 'whatsapp'],
];

/** One account as written: the platform named by its column or prefix (null: take it from the URL) and the handle text. */
interface AccountEntry {
  platform: string | null;
  value: string;
  field: string;
}

/** A person row before validation. `at` is the JSON array index (`[3]`) or '' for CSV; null `nip`/`name`: already reported missing. */
interface RosterRow {
  line: number;
  at: string;
  nip: string | null;
  name: string | null;
  agency: string;
  position: string;
  accounts: AccountEntry[];
}

/** Reads and validates a roster; throws AuditError (exit 2) listing every problem found. */
export async function loadRoster(path: string, options: RosterOptions = {}): Promise<Roster> {
  const bytes = await readRosterBytes(path);
  if (bytes.length === 0) throw new AuditError({ file: path, message: 'the roster file is empty: expected a CSV or JSON list of persons' });
  if (looksBinary(bytes)) {
    throw new AuditError(
      { file: path, message: 'this is not a text file (a spreadsheet, a zip or an image?): the roster must be CSV or JSON' },
      'In Excel: File → Save As → "CSV UTF-8 (Comma delimited)".',
    );
  }
  const { text } = decodeText(bytes);
  const problems: Problem[] = [];
  const rows = isJson(path, text) ? readJsonRows(text, path, problems) : readCsvRows(text, path, problems);
  const persons = rows ? buildPersons(rows, path, problems, options.today ?? new Date()) : [];
  if (rows && rows.length === 0 && problems.length === 0) {
    problems.push({ file: path, message: 'the roster lists no persons: expected one row per ASN after the header line' });
  }
  if (problems.length > 0) throw new AuditError(problems);
  return {
    file: path,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    persons,
    byAccount: new Map(persons.flatMap((p) => p.accounts.map((a) => [`${a.platform}:${a.handle}`, p.nip] as const))),
    byNip: new Map(persons.map((p) => [p.nip, p])),
  };
}

async function readRosterBytes(path: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message =
      code === 'ENOENT' ? 'roster file not found'
      : code === 'EISDIR' ? 'this is a directory, not a roster file'
      : code === 'EACCES' || code === 'EPERM' ? 'the roster file cannot be read: permission denied'
      : `the roster file cannot be read: ${(error as Error).message}`;
    throw new AuditError({ file: path, message });
  }
}

function isJson(path: string, text: string): boolean {
  return /\.json$/i.test(path) || /^\s*[[{]/.test(text);
}

/** CSV rows; null when the file's structure is too broken to read persons from. */
function readCsvRows(text: string, file: string, problems: Problem[]): RosterRow[] | null {
  // Excel honours and sometimes writes a first line `sep=;` naming the separator.
  const sepLine = /^sep=(.)\r?\n/i.exec(text);
  const body = sepLine ? text.slice(sepLine[0].length) : text;
  const lineOffset = sepLine ? 1 : 0;
  const delimiter = sepLine?.[1] ?? detectDelimiter(body.split('\n', 1)[0] ?? '');
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parseCsv(body, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, info: true }) as unknown as typeof records;
  } catch (error) {
    const { message, lines } = error as Error & { lines?: number };
    problems.push({ file, line: lines === undefined ? undefined : lines + lineOffset, message: `the CSV cannot be read: ${message}` });
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
      const quoteHint = fields.length > header.length ? '; a value containing the separator must be in double quotes' : '';
      problems.push({ file, line, message: `this line has ${fields.length} fields but the header has ${header.length}${quoteHint}` });
      continue;
    }
    const value = (column: string): string => fields[header.indexOf(column)]?.trim() ?? '';
    const accounts: AccountEntry[] = [];
    header.forEach((column, i) => accounts.push(...cellAccounts(column, fields[i] ?? '')));
    rows.push({ line, at: '', nip: value('nip'), name: value('name'), agency: value('agency'), position: value('position'), accounts });
  }
  return rows;
}

/** The line a record starts on: csv-parse reports where it ends, and a quoted value may span lines. */
function startLine(entry: { record: string[]; info: { lines: number } }): number {
  let breaks = 0;
  for (const field of entry.record) for (const ch of field) if (ch === '\n') breaks++;
  return entry.info.lines - breaks;
}

function checkHeader(names: string[], header: string[], file: string, line: number, problems: Problem[]): boolean {
  const before = problems.length;
  for (const column of REQUIRED_COLUMNS) {
    if (header.includes(column)) continue;
    const accepted = Object.keys(COLUMN_ALIASES).filter((k) => COLUMN_ALIASES[k] === column).join(', ');
    problems.push({ file, line, message: `missing column "${column}" (accepted names: ${accepted}); the header has: ${names.join(', ')}` });
  }
  for (const column of duplicateHeaders(header)) {
    const spelled = names.filter((_, i) => header[i] === column).map((n) => `"${n.trim()}"`);
    problems.push({ file, line, message: `columns ${spelled.join(' and ')} both mean "${column}"; keep one of them` });
  }
  return problems.length === before;
}

/** The accounts a CSV cell or JSON value holds, if its column is a platform column or `accounts`. */
function cellAccounts(column: string, cell: string, field: string = column): AccountEntry[] {
  const isPlatformColumn = (ROSTER_PLATFORMS as readonly string[]).includes(column);
  if (!isPlatformColumn && column !== 'accounts') return [];
  const items = cell.split(HANDLE_SEPARATORS).map((s) => s.trim()).filter((s) => s !== '' && !NO_ACCOUNT.test(s));
  if (isPlatformColumn) return items.map((value) => ({ platform: column, value, field }));
  return items.map((item) => accountsItem(item, field));
}

/** `instagram:budi`, `instagram:https://…`, or a bare profile URL, which names its platform itself. */
function accountsItem(item: string, field: string): AccountEntry {
  const colon = item.indexOf(':');
  if (LOOKS_LIKE_URL.test(item) || colon <= 0) return { platform: null, value: item, field };
  return { platform: item.slice(0, colon).trim(), value: item.slice(colon + 1).trim(), field };
}

const JSON_EXAMPLE = '[{"nip": "198609262015051001", "name": "Budi Santoso", "instagram": "budi.santoso"}]';

/** JSON rows; null when the file is not a JSON array. Keys go into a Map, so `__proto__` in the data stays data. */
function readJsonRows(text: string, file: string, problems: Problem[]): RosterRow[] | null {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    const line = position ? lineAt(text, Number(position[1])) : undefined;
    problems.push({ file, line, message: `the JSON cannot be read: ${message}` });
    return null;
  }
  if (!Array.isArray(data)) {
    problems.push({ file, message: `expected a JSON array of persons, e.g. ${JSON_EXAMPLE}` });
    return null;
  }
  const lines = arrayElementLines(text);
  const rows: RosterRow[] = [];
  data.forEach((element: unknown, index) => {
    const row = jsonRow(element, `[${index}]`, lines[index] ?? 1, file, problems);
    if (row) rows.push(row);
  });
  return rows;
}

function jsonRow(element: unknown, at: string, line: number, file: string, problems: Problem[]): RosterRow | null {
  if (typeof element !== 'object' || element === null || Array.isArray(element)) {
    problems.push({ file, line, field: at, message: `expected an object with "nip" and "name", found ${Array.isArray(element) ? 'an array' : element === null ? 'null' : `a ${typeof element}`}` });
    return null;
  }
  const values = new Map<string, unknown>();
  for (const [key, value] of Object.entries(element)) {
    const column = COLUMN_ALIASES[headerKey(key)] ?? headerKey(key);
    if (values.has(column)) problems.push({ file, line, field: `${at}.${key}`, message: `two keys of this object mean "${column}"; keep one of them` });
    values.set(column, value);
  }
  const text = (column: string): string => {
    const value = values.get(column);
    if (value === undefined || value === null) return '';
    if (typeof value === 'string') return value.trim();
    problems.push({ file, line, field: `${at}.${column}`, message: `expected a string, found ${JSON.stringify(value)}` });
    return '';
  };
  let nip: string | null = null;
  const rawNip = values.get('nip');
  if (typeof rawNip === 'number') {
    // JSON numbers keep about 16 significant digits: an 18-digit NIP written as a number has already lost its end.
    problems.push({ file, line, field: `${at}.nip`, message: `the NIP is a JSON number (${rawNip}), which cannot hold 18 digits exactly; write it as a string` });
  } else if (rawNip === undefined) {
    problems.push({ file, line, field: at, message: 'missing "nip"' });
  } else nip = text('nip');
  if (!values.has('name')) problems.push({ file, line, field: at, message: 'missing "name"' });
  const accounts: AccountEntry[] = [];
  for (const [column, value] of values) accounts.push(...jsonAccounts(column, value, `${at}.${column}`, line, file, problems));
  return { line, at, nip, name: values.has('name') ? text('name') : null, agency: text('agency'), position: text('position'), accounts };
}

/** Accounts from a JSON value: a string (as in a CSV cell), an array of strings, or `accounts: [{platform, handle}]`. */
function jsonAccounts(column: string, value: unknown, field: string, line: number, file: string, problems: Problem[]): AccountEntry[] {
  const isAccountColumn = column === 'accounts' || (ROSTER_PLATFORMS as readonly string[]).includes(column);
  if (!isAccountColumn || value === null || value === undefined) return [];
  if (typeof value === 'string') return cellAccounts(column, value, field);
  if (!Array.isArray(value)) {
    problems.push({ file, line, field, message: `expected a string or an array, found ${JSON.stringify(value)}` });
    return [];
  }
  return value.flatMap((item: unknown, i): AccountEntry[] => {
    if (typeof item === 'string') return cellAccounts(column, item, `${field}[${i}]`);
    if (column === 'accounts' && typeof item === 'object' && item !== null && !Array.isArray(item)) {
      const platform = Object.hasOwn(item, 'platform') ? (item as Record<string, unknown>).platform : undefined;
      const handle = Object.hasOwn(item, 'handle') ? (item as Record<string, unknown>).handle : undefined;
      if (typeof platform === 'string' && typeof handle === 'string') return [{ platform: platform.trim(), value: handle.trim(), field: `${field}[${i}]` }];
    }
    const expected = column === 'accounts' ? '"platform:handle" or {"platform": …, "handle": …}' : 'a handle (string)';
    problems.push({ file, line, field: `${field}[${i}]`, message: `expected ${expected}, found ${JSON.stringify(item)}` });
    return [];
  });
}

/** 1-based line on which each element of the top-level JSON array starts. */
function arrayElementLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let expectElement = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n') line++;
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (depth === 1 && expectElement && ch !== undefined && !/[\s,\]]/.test(ch)) {
      lines.push(line);
      expectElement = false;
    }
    if (ch === '"') inString = true;
    else if (ch === '[' || ch === '{') depth++;
    else if (ch === ']' || ch === '}') depth--;
    if (depth === 1 && (ch === '[' || ch === ',')) expectElement = true;
  }
  return lines;
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text[i] === '\n') line++;
  return line;
}

/** Validates rows into persons: NIP, name, accounts, and no NIP or handle shared between two rows. */
function buildPersons(rows: RosterRow[], file: string, problems: Problem[], today: Date): Person[] {
  const persons: Person[] = [];
  const rowByNip = new Map<string, RosterRow>();
  const claims = new Map<string, RosterRow>();
  for (const row of rows) {
    const located = (field: string, message: string): Problem => ({ file, line: row.line, field: row.at ? `${row.at}.${field}` : field, message });
    let person: Person | null = null;
    if (row.nip !== null) {
      const check = row.nip === '' ? null : checkNip(row.nip, today);
      if (!check) problems.push(located('nip', 'the NIP is empty'));
      else if (!check.ok) problems.push(located('nip', `invalid NIP "${row.nip}": ${check.reason}`));
      else {
        const first = rowByNip.get(check.nip);
        if (first) problems.push(located('nip', `NIP ${check.nip} appears twice: ${describeRow(first)} and ${describeRow(row)}`));
        else rowByNip.set(check.nip, row);
        person = { nip: check.nip, name: row.name ?? '', agency: row.agency, position: row.position, accounts: [], kind: check.kind, source: { file, line: row.line } };
      }
    }
    if (row.name === '') problems.push(located('name', 'the name is empty'));
    const accounts = new Map<string, Account>();
    for (const entry of row.accounts) {
      const account = resolveAccount(entry);
      if (typeof account === 'string') {
        problems.push({ file, line: row.line, field: entry.field, message: account });
        continue;
      }
      const key = `${account.platform}:${account.handle}`;
      if (accounts.has(key)) continue;
      accounts.set(key, account);
      const claimant = claims.get(key);
      if (claimant) problems.push({ file, line: row.line, field: entry.field, message: `handle ${key} is claimed by ${describeRow(claimant)} and ${describeRow(row)}: a wrong match would accuse the wrong person` });
      else claims.set(key, row);
    }
    if (person) persons.push({ ...person, accounts: [...accounts.values()] });
  }
  return persons;
}

function describeRow(row: RosterRow): string {
  return `line ${row.line} (${row.name || 'no name'})`;
}

/** The account an entry names, or why it names none. */
function resolveAccount(entry: AccountEntry): Account | string {
  const fromUrl = LOOKS_LIKE_URL.test(entry.value) ? platformOfUrl(entry.value) : null;
  let platform: RosterPlatform;
  if (entry.platform === null) {
    if (!fromUrl) return `account "${entry.value}" names no platform: write platform:handle, e.g. instagram:${normalizeHandle(entry.value) || 'budi'}`;
    platform = fromUrl;
  } else {
    const named = rosterPlatform(entry.platform);
    if (!named) return `unknown platform "${entry.platform}" in account "${entry.platform}:${entry.value}": expected one of ${PLATFORM_LIST}`;
    if (fromUrl && fromUrl !== named) return `"${entry.value}" is a ${fromUrl} address, but the account is given as ${named}`;
    platform = named;
  }
  const handle = normalizeHandle(entry.value);
  if (handle === '') return `account "${entry.value}" has no handle`;
  return { platform, handle };
}

function rosterPlatform(name: string): RosterPlatform | null {
  const column = COLUMN_ALIASES[headerKey(name)];
  return (ROSTER_PLATFORMS as readonly string[]).includes(column ?? '') ? (column as RosterPlatform) : null;
}

function platformOfUrl(value: string): RosterPlatform | null {
  let host: string;
  try {
    host = new URL(/^https?:\/\//i.test(value) ? value : `https://${value}`).hostname.toLowerCase();
  } catch {
    return null;
  }
  return PLATFORM_HOSTS.find(([pattern]) => pattern.test(host))?.[1] ?? null;
}
