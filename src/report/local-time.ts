// Report times in the election's wall-clock time (WIB by default), as `YYYY-MM-DD HH:mm` and `YYYY-MM-DD`.

/** The report does not carry the election's time zone yet; every Pilkada/Pemilu deadline is stated in WIB. */
export const REPORT_TIME_ZONE = 'Asia/Jakarta';

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
export function formatLocalDateTime(iso: string | null, timeZone = REPORT_TIME_ZONE): string {
  if (iso === null) return '';
  const p = localParts(iso, timeZone);
  return p ? `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}` : iso;
}

/** The local calendar day of an instant, `YYYY-MM-DD`, or null when it cannot be read. */
export function localDay(iso: string | null, timeZone = REPORT_TIME_ZONE): string | null {
  if (iso === null) return null;
  // A bare date (the scan window's `since`/`until`) is already a local day.
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  const p = localParts(iso, timeZone);
  return p ? `${p.year}-${p.month}-${p.day}` : null;
}
