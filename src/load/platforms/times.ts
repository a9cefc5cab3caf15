// Converts the platforms' time notations to ISO 8601 UTC instants (`…Z`), or null when there is none.

/** Meta writes `timestamp: 0` or `1` as placeholders; no real activity predates 2001-09-09 (1e9 s). */
const EARLIEST_PLAUSIBLE_SECONDS = 1e9;

const MONTHS: Record<string, string> = {
  jan: '01',
  feb: '02',
  mar: '03',
  apr: '04',
  may: '05',
  jun: '06',
  jul: '07',
  aug: '08',
  sep: '09',
  oct: '10',
  nov: '11',
  dec: '12',
};

/** Zone abbreviations seen in monitoring-tool exports (CrowdTangle writes the dashboard user's zone). */
const ZONE_OFFSETS: Record<string, string> = {
  UTC: '+00:00',
  GMT: '+00:00',
  WIB: '+07:00',
  WITA: '+08:00',
  WIT: '+09:00',
  BRT: '-03:00',
  BRST: '-02:00',
  EST: '-05:00',
  EDT: '-04:00',
  CST: '-06:00',
  CDT: '-05:00',
  MST: '-07:00',
  MDT: '-06:00',
  PST: '-08:00',
  PDT: '-07:00',
  AKST: '-09:00',
  AKDT: '-08:00',
  HST: '-10:00',
  BST: '+01:00',
  CET: '+01:00',
  CEST: '+02:00',
  EET: '+02:00',
  EEST: '+03:00',
  IST: '+05:30',
  SGT: '+08:00',
  MYT: '+08:00',
  PHT: '+08:00',
  JST: '+09:00',
  KST: '+09:00',
  AEST: '+10:00',
  AEDT: '+11:00',
  NZST: '+12:00',
  NZDT: '+13:00',
};

/** `2024-06-01T10:00:00.000Z` → `2024-06-01T10:00:00Z`: whole seconds stay short, fractions are kept. */
function toIso(date: Date): string | null {
  if (Number.isNaN(date.getTime())) return null;
  return date.toISOString().replace('.000Z', 'Z');
}

/** Unix seconds (Meta's `timestamp`, `start_timestamp`); placeholders and non-numbers give null. */
export function isoFromUnixSeconds(value: unknown): string | null {
  const seconds = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < EARLIEST_PLAUSIBLE_SECONDS) return null;
  return toIso(new Date(seconds * 1000));
}

/**
 * X's legacy API date `Sun Oct 07 07:39:51 +0000 2012` (tweets.js), or the classic archive's
 * `2013-11-28 13:37:46 +0000`. Parsed explicitly: `Date.parse` of the first form is not standard.
 */
export function isoFromXDate(value: string): string | null {
  const legacy = /^\w{3} (\w{3}) (\d{2}) (\d{2}:\d{2}:\d{2}) ([+-]\d{2})(\d{2}) (\d{4})$/.exec(value.trim());
  if (legacy) {
    const [, month, day, time, offsetHours, offsetMinutes, year] = legacy;
    const monthNumber = MONTHS[(month ?? '').toLowerCase()];
    if (!monthNumber) return null;
    return toIso(new Date(`${year}-${monthNumber}-${day}T${time}${offsetHours}:${offsetMinutes}`));
  }
  const classic = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}) ([+-]\d{2})(\d{2})$/.exec(value.trim());
  if (classic) return toIso(new Date(`${classic[1]}T${classic[2]}${classic[3]}:${classic[4]}`));
  return isoFromIsoText(value);
}

/** ISO 8601 text that carries `Z` or an offset (X's other files, YouTube Takeout); any precision. */
export function isoFromIsoText(value: string): string | null {
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?)(\.\d+)?(Z|[+-]\d{2}:?\d{2})$/.exec(value.trim());
  if (!match) return null;
  const fraction = match[2] ? match[2].slice(0, 4) : '';
  return toIso(new Date(`${match[1]}${fraction}${match[3]}`));
}

/**
 * A wall-clock time with no zone, `YYYY-MM-DD HH:MM:SS`, read as UTC. TikTok writes its dates this way;
 * export-formats.md §4.2 says to treat them as UTC, since nothing in the file names a zone; a report
 * should say that TikTok times rest on this assumption.
 */
export function isoFromNaiveUtc(value: string): string | null {
  const match = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2})?)$/.exec(value.trim());
  return match ? toIso(new Date(`${match[1]}T${match[2]}Z`)) : null;
}

/** `2021-07-05 18:02:45 BRT`: a wall-clock time followed by a zone abbreviation from {@link ZONE_OFFSETS}. */
export function isoFromZoneAbbreviation(value: string): string | null {
  const match = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}(?::\d{2})?) ([A-Z]{2,5})$/.exec(value.trim());
  const offset = match ? ZONE_OFFSETS[match[3] ?? ''] : undefined;
  return match && offset ? toIso(new Date(`${match[1]}T${match[2]}${offset}`)) : null;
}
