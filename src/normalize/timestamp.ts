// Reads the timestamps activity exports contain (ISO 8601, day-first dates, Indonesian long dates, unix time) as UTC instants.
import { wallClockMs, zonedTimeToUtc } from '../shared/timezone.js';

export { isValidTimeZone, zonedTimeToUtc } from '../shared/timezone.js';

export type TimestampResult = { ok: true; iso: string } | { ok: false; reason: string };

/** Calendar fields as written, with the offset when the text names one (minutes east of UTC). */
interface WrittenTime {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
  ms: number;
  hasTime: boolean;
  offsetMinutes: number | null;
  weekday: string | null;
}

const DAY_MS = 86_400_000;
const EXPECTED_FORMATS = "expected ISO 8601, YYYY-MM-DD HH:mm, DD/MM/YYYY HH:mm or '19 Juni 2024 14:30'";
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** For messages about dates (nip.ts too): English, like the rest of the messages. */
export const MONTH_NAMES_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const ZONE = String.raw`(Z|UTC|GMT|WIB|WITA|WIT|(?:UTC|GMT)?[+-]\d{1,2}(?::?\d{2})?)`;
const TIME = String.raw`(\d{1,2})[:.](\d{2})(?:[:.](\d{2})(?:[.,](\d{1,9}))?)?`;
// The common shape, tried first: 2024-10-03T19:22:00.123+07:00, 2024-10-03 19:22, 2024-10-03.
const ISO_LIKE = new RegExp(String.raw`^(\d{4})-(\d{2})-(\d{2})(?:(?:T|\s+)${TIME})?\s*${ZONE}?$`, 'i');
// 27/11/2024, 27-11-2024 14.05, 27/11/2024 14:05:09 WIB: always day first.
const DAY_FIRST = new RegExp(
  String.raw`^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?:(?:T|,?\s+)(?:pukul\s+|jam\s+)?${TIME})?\s*${ZONE}?$`,
  'i',
);
// Rabu, 27 November 2024 pukul 14.05 WIB; 19 Juni 2024 14:30; 19 Jun 2024.
const DAY_MONTH_NAME = new RegExp(
  String.raw`^(?:([a-z']+),?\s+)?(\d{1,2})\s+([a-z]+)\.?\s+(\d{4})(?:,?\s+(?:pukul\s+|jam\s+|at\s+)?${TIME})?\s*${ZONE}?$`,
  'i',
);
// June 19, 2024 14:30 (English order).
const MONTH_NAME_DAY = new RegExp(
  String.raw`^(?:([a-z']+),?\s+)?([a-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})(?:,?\s+(?:at\s+)?${TIME})?\s*${ZONE}?$`,
  'i',
);
const UNIX_TIME = /^\d{10}(?:\d{3})?$/;

const MONTHS: ReadonlyMap<string, number> = new Map(
  Object.entries({
    januari: 1,
    january: 1,
    jan: 1,
    februari: 2,
    february: 2,
    feb: 2,
    pebruari: 2,
    maret: 3,
    march: 3,
    mar: 3,
    april: 4,
    apr: 4,
    mei: 5,
    may: 5,
    juni: 6,
    june: 6,
    jun: 6,
    juli: 7,
    july: 7,
    jul: 7,
    agustus: 8,
    august: 8,
    agu: 8,
    agt: 8,
    ags: 8,
    aug: 8,
    september: 9,
    sep: 9,
    sept: 9,
    oktober: 10,
    october: 10,
    okt: 10,
    oct: 10,
    november: 11,
    nov: 11,
    nopember: 11,
    desember: 12,
    december: 12,
    des: 12,
    dec: 12,
  }),
);

// getUTCDay() order: Sunday first.
const WEEKDAYS: ReadonlyMap<string, number> = new Map(
  Object.entries({
    minggu: 0,
    ahad: 0,
    sunday: 0,
    sun: 0,
    senin: 1,
    monday: 1,
    mon: 1,
    selasa: 2,
    tuesday: 2,
    tue: 2,
    tues: 2,
    rabu: 3,
    wednesday: 3,
    wed: 3,
    kamis: 4,
    thursday: 4,
    thu: 4,
    thurs: 4,
    jumat: 5,
    "jum'at": 5,
    friday: 5,
    fri: 5,
    sabtu: 6,
    saturday: 6,
    sat: 6,
  }),
);
const WEEKDAY_LABELS = [
  'Sunday (Minggu)',
  'Monday (Senin)',
  'Tuesday (Selasa)',
  'Wednesday (Rabu)',
  'Thursday (Kamis)',
  'Friday (Jumat)',
  'Saturday (Sabtu)',
];

const ZONE_ABBREVIATIONS: Readonly<Record<string, number>> = { Z: 0, UTC: 0, GMT: 0, WIB: 420, WITA: 480, WIT: 540 };

/** Parse an activity timestamp. Returns ISO UTC `YYYY-MM-DDTHH:mm:ss.sssZ`, or an error reason. No offset = `timeZone`. */
export function parseTimestamp(value: string, timeZone: string): TimestampResult {
  const text = value.trim();
  if (UNIX_TIME.test(text)) return { ok: true, iso: isoUtc(text.length === 10 ? Number(text) * 1000 : Number(text)) };
  const written = readWrittenTime(text);
  if (typeof written === 'string') return { ok: false, reason: written };
  return { ok: true, iso: isoUtc(toInstant(written, timeZone)) };
}

/**
 * Parse a date (YYYY-MM-DD, also DD/MM/YYYY) or date-time given in the election's zone, as epoch ms; null when unreadable.
 * For a date without a time, `endOfDay` gives the last ms of that day instead of its first.
 */
export function parseDateBoundary(value: string, timeZone: string, endOfDay = false): number | null {
  const written = readWrittenTime(value.trim());
  if (typeof written === 'string') return null;
  if (written.hasTime || !endOfDay) return toInstant(written, timeZone);
  // The next midnight minus 1 ms: right even on a day that is 23 or 25 hours long.
  const next = new Date(Date.UTC(written.y, written.mo - 1, written.d + 1));
  const nextMidnight = zonedTimeToUtc(
    next.getUTCFullYear(),
    next.getUTCMonth() + 1,
    next.getUTCDate(),
    0,
    0,
    0,
    0,
    timeZone,
  );
  return nextMidnight - 1;
}

const TWO_DIGITS = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));
const THREE_DIGITS = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));
let isoDay = Number.NaN;
let isoDayPrefix = '';

/** `Date#toISOString`, several times faster: rows come roughly in time order, so the date part is reused. */
function isoUtc(ms: number): string {
  const day = Math.floor(ms / DAY_MS);
  if (day !== isoDay) {
    const midnight = new Date(day * DAY_MS).toISOString();
    if (midnight.length !== 24) return new Date(ms).toISOString(); // years before 0 or after 9999
    isoDay = day;
    isoDayPrefix = midnight.slice(0, 11);
  }
  let rest = ms - day * DAY_MS;
  const h = Math.floor(rest / 3_600_000);
  rest -= h * 3_600_000;
  const mi = Math.floor(rest / 60_000);
  rest -= mi * 60_000;
  const s = Math.floor(rest / 1000);
  return `${isoDayPrefix}${TWO_DIGITS[h]}:${TWO_DIGITS[mi]}:${TWO_DIGITS[s]}.${THREE_DIGITS[rest - s * 1000]}Z`;
}

function toInstant(t: WrittenTime, timeZone: string): number {
  if (t.offsetMinutes === null) return zonedTimeToUtc(t.y, t.mo, t.d, t.h, t.mi, t.s, t.ms, timeZone);
  return wallClockMs(t.y, t.mo, t.d, t.h, t.mi, t.s, t.ms) - t.offsetMinutes * 60_000;
}

/** The fields of a timestamp in any accepted format, or why it cannot be read. */
function readWrittenTime(text: string): WrittenTime | string {
  let m = ISO_LIKE.exec(text);
  if (m) return checked(text, [m[1], m[2], m[3]], m.slice(4, 9), null);
  m = DAY_FIRST.exec(text);
  if (m) {
    const fields = checked(text, [m[4], m[3], m[1]], m.slice(5, 10), null);
    return typeof fields === 'string' && fields.includes(': month ')
      ? `${fields}; dates are read day first, DD/MM/YYYY`
      : fields;
  }
  m = DAY_MONTH_NAME.exec(text);
  if (m) return withMonthName(text, m[1], m[2], m[3], m[4], m.slice(5, 10));
  m = MONTH_NAME_DAY.exec(text);
  if (m) return withMonthName(text, m[1], m[3], m[2], m[4], m.slice(5, 10));
  if (text === '') return 'the timestamp is empty';
  return `unrecognised timestamp format: ${EXPECTED_FORMATS}; found "${text}"`;
}

function withMonthName(
  text: string,
  weekday: string | undefined,
  day: string | undefined,
  monthName: string | undefined,
  year: string | undefined,
  rest: (string | undefined)[],
): WrittenTime | string {
  const month = MONTHS.get((monthName ?? '').toLowerCase());
  if (month === undefined)
    return `${text}: "${monthName}" is not a month name (Indonesian or English, e.g. Juni, Agu, Okt, Des)`;
  return checked(text, [year, String(month), day], rest, weekday ?? null);
}

/** Builds the fields from regex groups (date: year, month, day; time: hour, minute, second, fraction, zone) and checks every range. */
function checked(
  text: string,
  date: (string | undefined)[],
  time: (string | undefined)[],
  weekday: string | null,
): WrittenTime | string {
  const [year, month, day] = date;
  const [hour, minute, second, fraction, zone] = time;
  const t: WrittenTime = {
    y: Number(year),
    mo: Number(month),
    d: Number(day),
    h: Number(hour ?? 0),
    mi: Number(minute ?? 0),
    s: Number(second ?? 0),
    ms: fraction ? Number(fraction.slice(0, 3).padEnd(3, '0')) : 0,
    hasTime: hour !== undefined,
    offsetMinutes: null,
    weekday,
  };
  if (t.mo < 1 || t.mo > 12) return `${text}: month ${t.mo} out of range (1–12)`;
  const days = t.mo === 2 ? daysInFebruary(t.y) : DAYS_IN_MONTH[t.mo - 1]!;
  if (t.d < 1 || t.d > days) return `${text}: ${MONTH_NAMES_EN[t.mo - 1]} ${t.y} has ${days} days`;
  if (t.h > 23) return `${text}: hour ${t.h} out of range (0–23)`;
  if (t.mi > 59) return `${text}: minute ${t.mi} out of range (0–59)`;
  if (t.s > 59) return `${text}: second ${t.s} out of range (0–59)`;
  if (zone !== undefined) {
    const offset = offsetMinutes(zone);
    if (offset === null) return `${text}: offset ${zone} out of range (−14:00 to +14:00)`;
    t.offsetMinutes = offset;
  }
  if (weekday !== null) {
    const problem = weekdayProblem(t, weekday);
    if (problem) return `${text}: ${problem}`;
  }
  return t;
}

function daysInFebruary(year: number): number {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

/** A day name that contradicts the date leaves it unclear which of the two is wrong. */
function weekdayProblem(t: WrittenTime, weekday: string): string | null {
  const named = WEEKDAYS.get(weekday.toLowerCase());
  if (named === undefined) return `"${weekday}" is not a day name`;
  const actual = new Date(wallClockMs(t.y, t.mo, t.d, 0, 0, 0, 0)).getUTCDay();
  if (named === actual) return null;
  return `${t.d} ${MONTH_NAMES_EN[t.mo - 1]} ${t.y} is a ${WEEKDAY_LABELS[actual]}, not a ${WEEKDAY_LABELS[named]}`;
}

/** Minutes east of UTC for Z, UTC, WIB/WITA/WIT, ±HH, ±HHMM, ±HH:MM, UTC+7; null when out of range. */
function offsetMinutes(zone: string): number | null {
  const upper = zone.toUpperCase();
  const named = ZONE_ABBREVIATIONS[upper];
  if (named !== undefined) return named;
  const m = /^(?:UTC|GMT)?([+-])(\d{1,2}):?(\d{2})?$/.exec(upper);
  if (!m) return null;
  const hours = Number(m[2]);
  const minutes = Number(m[3] ?? 0);
  if (hours > 14 || minutes > 59) return null;
  return (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
}
