// Wall-clock readings are remembered per instant: a remembered one must be the same reading, and a caller that
// changes the object it got must not change what the next caller gets.
import { describe, expect, it } from 'vitest';
import { wallClockAt } from '../../src/shared/timezone.js';

describe('wallClockAt', () => {
  it('reads an instant in its zone, the same when asked again', () => {
    const instant = Date.parse('2024-10-03T12:15:30Z');
    const expected = { year: 2024, month: 10, day: 3, hour: 19, minute: 15, second: 30 };
    expect(wallClockAt(instant, 'Asia/Jakarta')).toEqual(expected);
    const again = wallClockAt(instant, 'Asia/Jakarta');
    expect(again).toEqual(expected);
    again.hour = 0;
    expect(wallClockAt(instant, 'Asia/Jakarta')).toEqual(expected);
    // One instant in two zones is two readings.
    expect(wallClockAt(instant, 'Asia/Jayapura').hour).toBe(21);
  });

  it('reads a time across a daylight-saving change in each zone on its own', () => {
    const beforeChange = Date.parse('2024-03-31T00:30:00Z');
    const afterChange = Date.parse('2024-03-31T01:30:00Z');
    expect(wallClockAt(beforeChange, 'Europe/Berlin').hour).toBe(1);
    expect(wallClockAt(afterChange, 'Europe/Berlin').hour).toBe(3);
  });
});
