// The roster's columns (canonical names and the header spellings accepted for them) and the row both readers produce.
import type { Platform } from '../shared/types.js';

export type RosterPlatform = Exclude<Platform, 'offline'>;
const ROSTER_PLATFORMS: readonly RosterPlatform[] = [
  'facebook',
  'instagram',
  'x',
  'tiktok',
  'youtube',
  'threads',
  'whatsapp',
];

/** Header names (after `headerKey`) → canonical column. Platform columns map to the platform's name. */
export const COLUMN_ALIASES: Readonly<Record<string, string>> = {
  nip: 'nip',
  nip_baru: 'nip',
  ni_pppk: 'nip',
  nomor_induk_pegawai: 'nip',
  name: 'name',
  nama: 'name',
  nama_lengkap: 'name',
  nama_pegawai: 'name',
  agency: 'agency',
  instansi: 'agency',
  unit_kerja: 'agency',
  opd: 'agency',
  skpd: 'agency',
  satuan_kerja: 'agency',
  satker: 'agency',
  position: 'position',
  jabatan: 'position',
  accounts: 'accounts',
  akun: 'accounts',
  akun_media_sosial: 'accounts',
  facebook: 'facebook',
  fb: 'facebook',
  instagram: 'instagram',
  ig: 'instagram',
  x: 'x',
  twitter: 'x',
  tiktok: 'tiktok',
  tik_tok: 'tiktok',
  youtube: 'youtube',
  yt: 'youtube',
  threads: 'threads',
  whatsapp: 'whatsapp',
  wa: 'whatsapp',
};
export const REQUIRED_COLUMNS = ['nip', 'name'] as const;

/** One account as written: the platform named by its column or prefix (null: take it from the URL) and the handle text. */
export interface AccountEntry {
  platform: string | null;
  value: string;
  field: string;
}

/** A person row before validation. `at` is the JSON array index (`[3]`) or '' for CSV; null `nip`/`name`: already reported missing. */
export interface RosterRow {
  line: number;
  at: string;
  nip: string | null;
  name: string | null;
  agency: string;
  position: string;
  accounts: AccountEntry[];
}

/** Whether a canonical column name is one of the platforms a roster can list accounts on. */
export function isRosterPlatform(column: string): column is RosterPlatform {
  return (ROSTER_PLATFORMS as readonly string[]).includes(column);
}

/** What problems about a row name it by; all that is kept of a row once it is read. */
export type RowRef = Pick<RosterRow, 'line' | 'name'>;

/** How problems name a row: `line 4 (Budi Santoso)`. */
export function describeRow(row: RowRef): string {
  return `line ${row.line} (${row.name || 'no name'})`;
}
