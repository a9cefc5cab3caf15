// The helpers under the platform parsers: mojibake repair, time conversions, and line numbers of records.
import { describe, expect, it } from 'vitest';
import { readCsvRecords } from '../../src/load/platforms/csv-rows.js';
import { JsonLines } from '../../src/load/platforms/json-lines.js';
import { fixMetaMojibake, repairMetaStrings } from '../../src/load/platforms/mojibake.js';
import {
  isoFromIsoText,
  isoFromNaiveUtc,
  isoFromUnixSeconds,
  isoFromXDate,
  isoFromZoneAbbreviation,
} from '../../src/load/platforms/times.js';

describe('fixMetaMojibake', () => {
  it.each([
    ['accented letters', 'Beno\u00c3\u00aet', 'Benoît'],
    ['a four-byte emoji', '\u00f0\u009f\u0091\u008d', '👍'],
    ['a star and a dash', '\u00e2\u0098\u0085 \u00e2\u0080\u0093', '★ –'],
    ['plain ASCII', 'Jakarta Menyala', 'Jakarta Menyala'],
    ['text that is real Unicode already', 'Benoît 👍', 'Benoît 👍'],
    ['genuine Latin-1 that is not UTF-8', 'caf\u00e9', 'café'],
    ['decomposed text, normalised to NFC', 'Beno\u0069\u0302t', 'Benoît'],
  ])('repairs %s', (_what, broken, repaired) => {
    expect(fixMetaMojibake(broken)).toBe(repaired);
  });

  it('repairs keys and nested values, and keeps __proto__ as plain data', () => {
    const parsed: unknown = JSON.parse('{"Pemilik \\u00c3\\u00a9": [{"v": "\\u00c3\\u00a9"}], "__proto__": {"x": 1}}');
    const repaired = repairMetaStrings(parsed) as Record<string, unknown>;
    expect(Object.keys(repaired)).toEqual(['Pemilik é', '__proto__']);
    expect(repaired['Pemilik é']).toEqual([{ v: 'é' }]);
    expect(Object.getPrototypeOf(repaired)).toBe(Object.prototype);
    expect(Object.hasOwn(repaired, '__proto__')).toBe(true);
  });
});

describe('time conversions', () => {
  it.each([
    [isoFromUnixSeconds, 1727500000, '2024-09-28T05:06:40Z'],
    [isoFromUnixSeconds, '1727500000', '2024-09-28T05:06:40Z'],
    [isoFromUnixSeconds, 0, null],
    [isoFromUnixSeconds, 1, null],
    [isoFromUnixSeconds, null, null],
    [isoFromXDate, 'Sun Oct 07 07:39:51 +0000 2012', '2012-10-07T07:39:51Z'],
    [isoFromXDate, 'Sun Oct 07 07:39:51 +0700 2012', '2012-10-07T00:39:51Z'],
    [isoFromXDate, '2013-11-28 13:37:46 +0000', '2013-11-28T13:37:46Z'],
    [isoFromXDate, '2022-05-06T10:00:00.000Z', '2022-05-06T10:00:00Z'],
    [isoFromXDate, 'Sun Foo 07 07:39:51 +0000 2012', null],
    [isoFromIsoText, '2024-08-17T20:04:52.096899+00:00', '2024-08-17T20:04:52.096Z'],
    [isoFromIsoText, '2024-10-06T01:00:00+07:00', '2024-10-05T18:00:00Z'],
    [isoFromIsoText, '2024-10-06T01:00:00', null],
    [isoFromNaiveUtc, '2024-12-15 19:03:14', '2024-12-15T19:03:14Z'],
    [isoFromNaiveUtc, 'N/A', null],
    [isoFromZoneAbbreviation, '2021-07-05 18:02:45 BRT', '2021-07-05T21:02:45Z'],
    [isoFromZoneAbbreviation, '2024-10-10 19:30:00 WIB', '2024-10-10T12:30:00Z'],
    [isoFromZoneAbbreviation, '2024-10-10 19:30:00 WITA', '2024-10-10T11:30:00Z'],
    [isoFromZoneAbbreviation, '2024-10-10 19:30:00 XYZ', null],
  ] as const)('%o(%o) → %o', (convert, input, expected) => {
    expect((convert as (value: unknown) => string | null)(input)).toBe(expected);
  });
});

describe('JsonLines', () => {
  it('finds the line where each array element begins, behind a wrapper, whatever the layout', () => {
    const text =
      'window.YTD.like.part0 = [ {\n  "like" : { "a": "x, y ] }" }\n}, {\n  "like" : {}\n},\n\n  7, "eight"\n]';
    const lines = new JsonLines(text, text.indexOf('['));
    expect([0, 1, 2, 3].map((index) => lines.lineOf([index]))).toEqual([1, 3, 7, 7]);
  });

  it('follows nested paths, escaped keys, and falls back to the nearest recorded ancestor', () => {
    const text = '{\n "a\\"b": {\n  "list": [\n   {"x": [1,\n 2]},\n   {}\n  ]\n }\n}';
    const lines = new JsonLines(text);
    expect(lines.lineOf(['a"b', 'list', 1])).toBe(6);
    expect(lines.lineOf(['a"b', 'list', 0, 'x', 1])).toBe(5);
    expect(lines.lineOf(['missing'])).toBe(1);
  });
});

describe('readCsvRecords', () => {
  it('gives each record the line it begins on, across quoted newlines, CRLF and blank lines', () => {
    const text = '\uFEFFName,Note\r\na,"one\r\ntwo"\r\n\r\nb,three\r\n';
    const records = readCsvRecords(text);
    expect(
      records.map((record) => [record.line, record.cell('name'), record.cell('note'), record.cell('absent')]),
    ).toEqual([
      [2, 'a', 'one\r\ntwo', ''],
      [5, 'b', 'three', ''],
    ]);
  });
});
