import fc from 'fast-check';
import { fcRuns } from '../helpers/fc-runs.js';
import { describe, expect, test } from 'vitest';
import { isValidTimeZone, parseDateBoundary, parseTimestamp, zonedTimeToUtc } from '../../src/normalize/timestamp.js';

const JAKARTA = 'Asia/Jakarta';

describe('parseTimestamp reads', () => {
  test.each([
    // ISO 8601
    ['2024-10-03T19:22:00+07:00', '2024-10-03T12:22:00.000Z'],
    ['2024-10-03T12:22:00Z', '2024-10-03T12:22:00.000Z'],
    ['2024-10-03T12:22:00z', '2024-10-03T12:22:00.000Z'],
    ['2024-10-03T19:22:00.123456+07:00', '2024-10-03T12:22:00.123Z'],
    ['2024-10-03T19:22:00.5+0700', '2024-10-03T12:22:00.500Z'],
    ['2024-10-03T19:22:00+07', '2024-10-03T12:22:00.000Z'],
    ['2024-10-03T08:22:00-04:00', '2024-10-03T12:22:00.000Z'],
    ['2024-10-03T19:22', '2024-10-03T12:22:00.000Z'],
    ['2024-10-03T19:22:05', '2024-10-03T12:22:05.000Z'],
    // YYYY-MM-DD HH:mm[:ss], no offset = the election's zone
    ['2024-10-03 19:22', '2024-10-03T12:22:00.000Z'],
    ['2024-10-03 19:22:05', '2024-10-03T12:22:05.000Z'],
    ['2024-10-03 19.22', '2024-10-03T12:22:00.000Z'],
    ['2024-10-03 19:22 WIB', '2024-10-03T12:22:00.000Z'],
    ['2024-10-03 19:22 WITA', '2024-10-03T11:22:00.000Z'],
    ['2024-10-03 19:22 WIT', '2024-10-03T10:22:00.000Z'],
    ['2024-10-03 19:22 UTC', '2024-10-03T19:22:00.000Z'],
    ['2024-10-03 19:22 UTC+8', '2024-10-03T11:22:00.000Z'],
    ['2024-10-03', '2024-10-02T17:00:00.000Z'],
    ['  2024-10-03 19:22  ', '2024-10-03T12:22:00.000Z'],
    // day first, never US order
    ['03/10/2024', '2024-10-02T17:00:00.000Z'],
    ['3/10/2024 19:22', '2024-10-03T12:22:00.000Z'],
    ['03/10/2024 19:22:05', '2024-10-03T12:22:05.000Z'],
    ['03-10-2024 19.22', '2024-10-03T12:22:00.000Z'],
    ['27/11/2024 14.05 WITA', '2024-11-27T06:05:00.000Z'],
    // Indonesian long dates
    ['19 Juni 2024 14:30', '2024-06-19T07:30:00.000Z'],
    ['19 Juni 2024 pukul 14.30', '2024-06-19T07:30:00.000Z'],
    ['19 juni 2024', '2024-06-18T17:00:00.000Z'],
    ['Rabu, 27 November 2024 14.05 WIB', '2024-11-27T07:05:00.000Z'],
    ['Rabu, 14 Februari 2024 pukul 07.00.00 WIB', '2024-02-14T00:00:00.000Z'],
    ["Jum'at, 16 Februari 2024 08.00", '2024-02-16T01:00:00.000Z'],
    ['1 Mei 2024 10:00', '2024-05-01T03:00:00.000Z'],
    ['17 Agu 2024 10:00', '2024-08-17T03:00:00.000Z'],
    ['17 Agt 2024 10:00', '2024-08-17T03:00:00.000Z'],
    ['17 Ags 2024 10:00', '2024-08-17T03:00:00.000Z'],
    ['17 AGUSTUS 2024 10:00', '2024-08-17T03:00:00.000Z'],
    ['2 Sept 2024 10:00', '2024-09-02T03:00:00.000Z'],
    ['2 Okt 2024 10:00', '2024-10-02T03:00:00.000Z'],
    ['2 Des 2024 10:00', '2024-12-02T03:00:00.000Z'],
    ['2 jan 2024 10:00', '2024-01-02T03:00:00.000Z'],
    // English month names
    ['19 June 2024 14:30', '2024-06-19T07:30:00.000Z'],
    ['June 19, 2024 14:30', '2024-06-19T07:30:00.000Z'],
    ['Wednesday, November 27, 2024', '2024-11-26T17:00:00.000Z'],
    ['2 Oct 2024 10:00 UTC', '2024-10-02T10:00:00.000Z'],
    // unix seconds and milliseconds
    ['1727958120', '2024-10-03T12:22:00.000Z'],
    ['1727958120123', '2024-10-03T12:22:00.123Z'],
    // leap day
    ['29/02/2024', '2024-02-28T17:00:00.000Z'],
  ])('%s', (input, iso) => {
    expect(parseTimestamp(input, JAKARTA)).toEqual({ ok: true, iso });
  });
});

describe('parseTimestamp applies the given zone when the text names none', () => {
  test.each([
    ['2024-10-03 19:22', 'Asia/Makassar', '2024-10-03T11:22:00.000Z'],
    ['2024-10-03 19:22', 'Asia/Jayapura', '2024-10-03T10:22:00.000Z'],
    ['2024-10-03 19:22', 'UTC', '2024-10-03T19:22:00.000Z'],
    ['2024-10-03 19:22+07:00', 'Asia/Jayapura', '2024-10-03T12:22:00.000Z'],
    ['2024-07-01 12:00', 'Europe/Berlin', '2024-07-01T10:00:00.000Z'],
    ['2024-01-01 12:00', 'Europe/Berlin', '2024-01-01T11:00:00.000Z'],
    // New York, clocks forward 10 March 2024 02:00 → 03:00: the skipped 02:30 moves forward an hour
    ['2024-03-10 01:59', 'America/New_York', '2024-03-10T06:59:00.000Z'],
    ['2024-03-10 02:30', 'America/New_York', '2024-03-10T07:30:00.000Z'],
    ['2024-03-10 03:00', 'America/New_York', '2024-03-10T07:00:00.000Z'],
    // clocks back 3 November 2024 02:00 → 01:00: the repeated 01:30 is its first occurrence
    ['2024-11-03 01:30', 'America/New_York', '2024-11-03T05:30:00.000Z'],
    ['2024-11-03 02:00', 'America/New_York', '2024-11-03T07:00:00.000Z'],
    ['2024-10-27 02:30', 'Europe/Berlin', '2024-10-27T00:30:00.000Z'],
    ['2024-10-06 02:30', 'Australia/Lord_Howe', '2024-10-05T15:30:00.000Z'],
    ['2024-10-03 19:22', 'Asia/Kathmandu', '2024-10-03T13:37:00.000Z'],
  ])('%s in %s', (input, zone, iso) => {
    expect(parseTimestamp(input, zone)).toEqual({ ok: true, iso });
  });
});

describe('parseTimestamp rejects', () => {
  const FORMATS =
    "unrecognised timestamp format: expected ISO 8601, YYYY-MM-DD HH:mm, DD/MM/YYYY HH:mm or '19 Juni 2024 14:30'";
  test.each([
    ['31/02/2024', '31/02/2024: February 2024 has 29 days'],
    ['29/02/2023 10:00', '29/02/2023 10:00: February 2023 has 28 days'],
    ['2024-04-31', '2024-04-31: April 2024 has 30 days'],
    ['2024-10-00 10:00', '2024-10-00 10:00: October 2024 has 31 days'],
    ['31 Juni 2024', '31 Juni 2024: June 2024 has 30 days'],
    ['2024-13-01 10:00', '2024-13-01 10:00: month 13 out of range (1–12)'],
    ['11/27/2024', '11/27/2024: month 27 out of range (1–12); dates are read day first, DD/MM/YYYY'],
    ['2024-10-03 25:00', '2024-10-03 25:00: hour 25 out of range (0–23)'],
    ['03/10/2024 24:00', '03/10/2024 24:00: hour 24 out of range (0–23)'],
    ['2024-10-03T19:60', '2024-10-03T19:60: minute 60 out of range (0–59)'],
    ['2024-10-03T19:22:61Z', '2024-10-03T19:22:61Z: second 61 out of range (0–59)'],
    ['2024-10-03T19:22+15:00', '2024-10-03T19:22+15:00: offset +15:00 out of range (−14:00 to +14:00)'],
    [
      '19 Juno 2024 14:30',
      '19 Juno 2024 14:30: "Juno" is not a month name (Indonesian or English, e.g. Juni, Agu, Okt, Des)',
    ],
    [
      'Kamis, 27 November 2024',
      '27 November 2024 is a Wednesday (Rabu), not a Thursday (Kamis)'.replace(/^/, 'Kamis, 27 November 2024: '),
    ],
    ['Besok, 27 November 2024', 'Besok, 27 November 2024: "Besok" is not a day name'],
    ['', 'the timestamp is empty'],
    ['kemarin', `${FORMATS}; found "kemarin"`],
    ['03/10/24 19:22', `${FORMATS}; found "03/10/24 19:22"`],
    ['2024/10/03 19:22', `${FORMATS}; found "2024/10/03 19:22"`],
    ['172795812', `${FORMATS}; found "172795812"`],
    ['2024-10-03 19:22 PST', `${FORMATS}; found "2024-10-03 19:22 PST"`],
  ])('%s', (input, reason) => {
    expect(parseTimestamp(input, JAKARTA)).toEqual({ ok: false, reason });
  });
});

describe('parseDateBoundary', () => {
  test.each([
    ['2024-11-27', false, '2024-11-26T17:00:00.000Z'],
    ['2024-11-27', true, '2024-11-27T16:59:59.999Z'],
    ['27/11/2024', true, '2024-11-27T16:59:59.999Z'],
    ['2024-11-27 23:59', true, '2024-11-27T16:59:00.000Z'],
    ['2024-11-27T10:00:00Z', false, '2024-11-27T10:00:00.000Z'],
    ['31/12/2024', true, '2024-12-31T16:59:59.999Z'],
  ])('%s (end of day: %s)', (input, endOfDay, iso) => {
    expect(new Date(parseDateBoundary(input, JAKARTA, endOfDay)!).toISOString()).toBe(iso);
  });

  test('ends a 23-hour day at its last millisecond', () => {
    expect(new Date(parseDateBoundary('2024-03-10', 'America/New_York', true)!).toISOString()).toBe(
      '2024-03-11T03:59:59.999Z',
    );
  });

  test('returns null for text that is no date', () => {
    expect(parseDateBoundary('soon', JAKARTA)).toBeNull();
    expect(parseDateBoundary('2024-02-30', JAKARTA)).toBeNull();
  });
});

describe('time zones', () => {
  test.each([
    ['Asia/Jakarta', true],
    ['Asia/Makassar', true],
    ['UTC', true],
    ['Asia/Bandung', false],
    ['WIB', false],
    ['', false],
  ])('%s is valid: %s', (zone, valid) => {
    expect(isValidTimeZone(zone)).toBe(valid);
  });

  test('zonedTimeToUtc handles two-digit years literally and rejects an unknown zone', () => {
    expect(new Date(zonedTimeToUtc(24, 1, 1, 0, 0, 0, 0, 'UTC')).toISOString()).toBe('0024-01-01T00:00:00.000Z');
    expect(() => zonedTimeToUtc(2024, 1, 1, 0, 0, 0, 0, 'Asia/Bandung')).toThrow('unknown time zone "Asia/Bandung"');
  });

  test('agrees with Intl for every hour of a year in a DST zone', () => {
    const zone = 'Europe/London';
    const format = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    for (let t = Date.UTC(2024, 0, 1); t < Date.UTC(2025, 0, 1); t += 3_600_000) {
      const p = Object.fromEntries(format.formatToParts(new Date(t)).map((x) => [x.type, Number(x.value)]));
      const back = zonedTimeToUtc(p.year!, p.month!, p.day!, p.hour!, p.minute!, 0, 0, zone);
      // the repeated hour maps to its first occurrence, one hour earlier than the second
      expect(back === t || back === t - 3_600_000).toBe(true);
    }
  });
});

test('agrees with Date for any instant written with any offset', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2100, 0, 1) }),
      fc.integer({ min: -12 * 4, max: 14 * 4 }),
      (instant, quarters) => {
        const offset = quarters * 15;
        const wall = new Date(instant + offset * 60_000).toISOString().slice(0, 23);
        const sign = offset < 0 ? '-' : '+';
        const hhmm = `${String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0')}:${String(Math.abs(offset) % 60).padStart(2, '0')}`;
        expect(parseTimestamp(`${wall}${sign}${hhmm}`, JAKARTA)).toEqual({
          ok: true,
          iso: new Date(instant).toISOString(),
        });
      },
    ),
    { numRuns: fcRuns(100) },
  );
});

test.each([
  ['9999-12-31T23:00-05:00', '+010000-01-01T04:00:00.000Z'],
  ['0000-01-01T00:30+01:00', '-000001-12-31T23:30:00.000Z'],
  ['0001-01-01 00:00', '0001-01-01T00:00:00.000Z'],
])('writes years outside 0000–9999 as Date does: %s', (input, iso) => {
  expect(parseTimestamp(input, 'UTC')).toEqual({ ok: true, iso });
});
