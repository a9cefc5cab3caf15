// Roster accounts: the handle lists a cell holds, the platform each names, and no account claimed by two persons.
import type { Problem } from '../shared/errors.js';
import type { Account } from '../shared/types.js';
import { looksLikeUrl, normalizeHandle, platformOfUrl, readHandle } from '../normalize/handle.js';
import { headerKey } from './csv-dialect.js';
import {
  COLUMN_ALIASES,
  describeRow,
  isRosterPlatform,
  type AccountEntry,
  type RosterPlatform,
  type RosterRow,
  type RowRef,
} from './roster-row.js';

const PLATFORM_LIST = 'facebook, instagram, x (or twitter), tiktok, youtube, threads, whatsapp';
// Handles never contain these, so they separate several handles in one cell whatever the file's own separator.
const HANDLE_SEPARATORS = /[;|,\r\n]+/;
// What people type into a cell for "no account": reading it as a handle would make everyone with a `-` share one.
const NO_ACCOUNT = /^(?:[-–—.]+|tidak ada|tdk ada|tidak punya|belum ada|kosong|n\/?a|none|null|nil)$/i;

/** `${platform}:${handle}` → the row that first listed the account, across the whole roster. */
export type AccountClaims = Map<string, RowRef & { nip: string | null }>;

/** The accounts a CSV cell or JSON value holds, if its column is a platform column or `accounts`. */
export function cellAccounts(column: string, cell: string, field: string = column): AccountEntry[] {
  const isPlatformColumn = isRosterPlatform(column);
  if (!isPlatformColumn && column !== 'accounts') return [];
  const items = cell
    .split(HANDLE_SEPARATORS)
    .map((s) => s.trim())
    .filter((s) => s !== '' && !NO_ACCOUNT.test(s));
  if (isPlatformColumn) return items.map((value) => ({ platform: column, value, field }));
  return items.map((item) => accountsItem(item, field));
}

/** `instagram:budi`, `instagram:https://…`, or a bare profile URL, which names its platform itself. */
function accountsItem(item: string, field: string): AccountEntry {
  const colon = item.indexOf(':');
  if (looksLikeUrl(item) || colon <= 0) return { platform: null, value: item, field };
  return { platform: item.slice(0, colon).trim(), value: item.slice(colon + 1).trim(), field };
}

/**
 * The row's accounts, each once. Reports entries that name no account, and accounts an earlier row already
 * claimed (recorded in `claims` as `claim`, the row's NIP once valid): a wrong match would accuse the wrong person.
 */
export function rowAccounts(
  row: RosterRow,
  claim: RowRef & { nip: string | null },
  claims: AccountClaims,
  file: string,
  problems: Problem[],
): Account[] {
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
    if (claimant)
      problems.push({
        file,
        line: row.line,
        field: entry.field,
        message: `handle ${key} is claimed by ${describeRow(claimant)} and ${describeRow(row)}: a wrong match would accuse the wrong person`,
      });
    else claims.set(key, claim);
  }
  return [...accounts.values()];
}

/** The account an entry names, or why it names none. */
function resolveAccount(entry: AccountEntry): Account | string {
  let platform: RosterPlatform;
  if (entry.platform === null) {
    const fromUrl = looksLikeUrl(entry.value) ? platformOfUrl(entry.value) : null;
    if (!fromUrl)
      return `account "${entry.value}" names no platform: write platform:handle, e.g. instagram:${normalizeHandle(entry.value) || 'budi'}`;
    platform = fromUrl;
  } else {
    const named = rosterPlatform(entry.platform);
    if (!named)
      return `unknown platform "${entry.platform}" in account "${entry.platform}:${entry.value}": expected one of ${PLATFORM_LIST}`;
    platform = named;
  }
  const read = readHandle(platform, entry.value);
  if (!read.ok) return read.reason;
  if (read.handle === '') return `account "${entry.value}" has no handle`;
  return { platform, handle: read.handle };
}

function rosterPlatform(name: string): RosterPlatform | null {
  const key = headerKey(name);
  const column = Object.hasOwn(COLUMN_ALIASES, key) ? COLUMN_ALIASES[key]! : '';
  return isRosterPlatform(column) ? column : null;
}
