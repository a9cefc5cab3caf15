// Instants as wall-clock time in the election's zone: `YYYY-MM-DD HH:mm`, `YYYY-MM-DD`, and the zone's Indonesian name.

const ZONE_NAMES: Readonly<Record<string, string>> = { 'Asia/Jakarta': 'WIB', 'Asia/Pontianak': 'WIB', 'Asia/Makassar': 'WITA', 'Asia/Jayapura': 'WIT' };

/** WIB, WITA or WIT for Indonesia's zones (Keppres 41/1987); the IANA name for any other. */
export function zoneName(timeZone: string): string {
  return ZONE_NAMES[timeZone] ?? timeZone;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function localParts(iso: string, timeZone: string): Record<string, string> | null {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  const parts: Record<string, string> = {};
  for (const part of partsFormatter(timeZone).formatToParts(date)) parts[part.type] = part.value;
  return parts;
}

/** `2024-10-03T12:15:00Z` → `2024-10-03 19:15`; an unparseable value is returned as it is, null as ''. */
export function formatLocalDateTime(iso: string | null, timeZone: string): string {
  if (iso === null) return '';
  const p = localParts(iso, timeZone);
  return p ? `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}` : iso;
}

/** The local calendar day of an instant, `YYYY-MM-DD`, or null when it cannot be read. */
export function localDay(iso: string | null, timeZone: string): string | null {
  if (iso === null) return null;
  // A bare date (the scan window's `since`/`until`) is already a local day.
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  const p = localParts(iso, timeZone);
  return p ? `${p.year}-${p.month}-${p.day}` : null;
}
