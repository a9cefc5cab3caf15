// Converts a wall-clock time in an IANA zone to a UTC instant, through Intl, cached so millions of rows stay cheap.

const MINUTE = 60_000;
const DAY = 86_400_000;
// Zone transitions fall on whole quarter hours of local time, so one offset serves each 15-minute slice of wall time.
const BUCKET = 15 * MINUTE;

const formatters = new Map<string, Intl.DateTimeFormat>();
const validity = new Map<string, boolean>();
/** Per zone: wall-clock day → its one offset, or null when a transition is near; wall 15-minute slice → offset. */
const offsetCaches = new Map<string, { byDay: Map<number, number | null>; byBucket: Map<number, number> }>();

export function isValidTimeZone(tz: string): boolean {
  let valid = validity.get(tz);
  if (valid === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: tz });
      valid = tz.trim() !== '';
    } catch {
      valid = false;
    }
    validity.set(tz, valid);
  }
  return valid;
}

/**
 * UTC epoch ms of a wall-clock time in an IANA zone (Asia/Jakarta etc.; generic via Intl, correct for zones with DST too).
 * A time that occurs twice (clocks turned back) is read as the first occurrence; a time skipped by clocks turned
 * forward is moved forward by the gap, as Temporal's "compatible" disambiguation does.
 */
export function zonedTimeToUtc(
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s: number,
  ms: number,
  timeZone: string,
): number {
  const wall = wallClockMs(y, mo, d, h, mi, s, ms);
  let cache = offsetCaches.get(timeZone);
  if (!cache) {
    if (!isValidTimeZone(timeZone)) throw new RangeError(`unknown time zone "${timeZone}"`);
    cache = { byDay: new Map(), byBucket: new Map() };
    offsetCaches.set(timeZone, cache);
  }
  const day = Math.floor(wall / DAY);
  let dayOffset = cache.byDay.get(day);
  if (dayOffset === undefined) {
    // Zones change offset at most a few times a year, so a day whose neighbours agree has that one offset throughout.
    const before = offsetAt((day - 1) * DAY, timeZone);
    dayOffset = before === offsetAt((day + 2) * DAY, timeZone) ? before : null;
    cache.byDay.set(day, dayOffset);
  }
  if (dayOffset !== null) return wall - dayOffset;
  const bucket = Math.floor(wall / BUCKET);
  let offset = cache.byBucket.get(bucket);
  if (offset === undefined) {
    offset = resolveOffset(bucket * BUCKET, timeZone);
    cache.byBucket.set(bucket, offset);
  }
  return wall - offset;
}

/** Epoch ms of the wall-clock fields read as if they were UTC; years 0–99 are taken literally, not as 19xx. */
export function wallClockMs(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number): number {
  const t = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  if (y >= 100) return t;
  const date = new Date(t);
  date.setUTCFullYear(y);
  return date.getTime();
}

/** The offset (local − UTC, ms) that turns this wall-clock time into an instant. */
function resolveOffset(wall: number, timeZone: string): number {
  const before = offsetAt(wall - DAY, timeZone);
  const after = offsetAt(wall + DAY, timeZone);
  if (before === after) return before;
  const fitsBefore = offsetAt(wall - before, timeZone) === before;
  const fitsAfter = offsetAt(wall - after, timeZone) === after;
  if (fitsBefore && fitsAfter) return Math.max(before, after); // repeated hour: the earlier instant
  if (fitsBefore) return before;
  if (fitsAfter) return after;
  return before; // skipped hour: the offset in force before the jump moves the time forward
}

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/**
 * Instants already read, per zone: a finding's dates are formatted several times (its sentence, its day, each output
 * format), and the election's dates for every finding, while Intl's formatToParts is the slow step. Bounded.
 */
const wallClocks = new Map<string, Map<number, Readonly<WallClock>>>();
const WALL_CLOCKS_LIMIT = 4096;

/** The wall-clock fields of an instant in a zone (the one Intl formatter the project keeps per zone). */
export function wallClockAt(instant: number, timeZone: string): WallClock {
  let known = wallClocks.get(timeZone);
  if (known === undefined) {
    known = new Map();
    wallClocks.set(timeZone, known);
  }
  const cached = known.get(instant);
  if (cached !== undefined) return { ...cached };
  const read = readWallClock(instant, timeZone);
  if (known.size >= WALL_CLOCKS_LIMIT) known.clear();
  known.set(instant, { ...read });
  return read;
}

function readWallClock(instant: number, timeZone: string): WallClock {
  const parts = formatterFor(timeZone).formatToParts(new Date(instant));
  const field = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const year = parts.find((p) => p.type === 'era')?.value === 'BC' ? 1 - field('year') : field('year');
  return {
    year,
    month: field('month'),
    day: field('day'),
    hour: field('hour'),
    minute: field('minute'),
    second: field('second'),
  };
}

/** The zone's offset from UTC at an instant, in ms. */
function offsetAt(instant: number, timeZone: string): number {
  const w = wallClockAt(instant, timeZone);
  const local = wallClockMs(w.year, w.month, w.day, w.hour, w.minute, w.second, 0);
  return local - (instant - mod(instant, 1000));
}

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function mod(a: number, b: number): number {
  return ((a % b) + b) % b;
}
