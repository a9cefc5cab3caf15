// Instants as wall-clock time in the election's zone: `YYYY-MM-DD HH:mm`, `YYYY-MM-DD`, and the zone's Indonesian name.
import { wallClockAt } from './timezone.js';

const ZONE_NAMES: Readonly<Record<string, string>> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Pontianak': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};

/** WIB, WITA or WIT for Indonesia's zones (Keppres 41/1987); the IANA name for any other. */
export function zoneName(timeZone: string): string {
  return ZONE_NAMES[timeZone] ?? timeZone;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function localParts(iso: string, timeZone: string): { date: string; time: string } | null {
  const instant = Date.parse(iso);
  if (Number.isNaN(instant)) return null;
  const w = wallClockAt(instant, timeZone);
  return { date: `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`, time: `${pad(w.hour)}:${pad(w.minute)}` };
}

/** `2024-10-03T12:15:00Z` → `2024-10-03 19:15`; an unparseable value is returned as it is, null as ''. */
export function formatLocalDateTime(iso: string | null, timeZone: string): string {
  if (iso === null) return '';
  const p = localParts(iso, timeZone);
  return p ? `${p.date} ${p.time}` : iso;
}

/** The local calendar day of an instant, `YYYY-MM-DD`, or null when it cannot be read. */
export function localDay(iso: string | null, timeZone: string): string | null {
  if (iso === null) return null;
  // A bare date (the scan window's `since`/`until`) is already a local day.
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  const p = localParts(iso, timeZone);
  return p ? p.date : null;
}
