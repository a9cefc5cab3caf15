import { describe, expect, test } from 'vitest';
import { checkNip } from '../../src/normalize/nip.js';

const TODAY = new Date('2025-06-15T00:00:00Z');

describe('checkNip accepts', () => {
  test.each([
    ['19860926 201505 1 001', '198609262015051001', 'pns', '1986-09-26', 'male'],
    ['198609262015051001', '198609262015051001', 'pns', '1986-09-26', 'male'],
    ['19860926.201505.2.003', '198609262015052003', 'pns', '1986-09-26', 'female'],
    ['19860926-201505-1-001', '198609262015051001', 'pns', '1986-09-26', 'male'],
    ["'198609262015051001", '198609262015051001', 'pns', '1986-09-26', 'male'],
    ['  19860926 201505 1 001  ', '198609262015051001', 'pns', '1986-09-26', 'male'],
    // TMT in the very month of the 18th birthday, and in the current month
    ['19800229 199802 1 001', '198002291998021001', 'pns', '1980-02-29', 'male'],
    ['19900101 202506 2 010', '199001012025062010', 'pns', '1990-01-01', 'female'],
    ['19400101 196001 1 001', '194001011960011001', 'pns', '1940-01-01', 'male'],
    // NI PPPK: digits 13–14 are `2` and a frequency, not "month 21"
    ['19900115 2022 2 1 2 005', '199001152022212005', 'pppk', '1990-01-15', 'female'],
    ['199001152024291001', '199001152024291001', 'pppk', '1990-01-15', 'male'],
  ])('%s', (input, nip, kind, birthDate, gender) => {
    expect(checkNip(input, TODAY)).toEqual({ ok: true, nip, kind, birthDate, gender });
  });
});

describe('checkNip rejects', () => {
  test.each([
    ['', 'the NIP is empty'],
    ["'", 'the NIP is empty'],
    [
      '1.98609E+17',
      'Excel turned this NIP into a number in scientific notation; format the column as text and export again',
    ],
    [
      '1,98609E+17',
      'Excel turned this NIP into a number in scientific notation; format the column as text and export again',
    ],
    [
      '1.98609262015051E+17',
      'Excel turned this NIP into a number in scientific notation; format the column as text and export again',
    ],
    [
      '198609262015051000',
      'ends in 000: Excel keeps only 15 significant digits, so the last digits were lost; format the column as text and enter the NIPs again',
    ],
    [
      '198609262015050000',
      'ends in 000: Excel keeps only 15 significant digits, so the last digits were lost; format the column as text and enter the NIPs again',
    ],
    ['19860926201505100', 'expected 18 digits; found 17'],
    [
      '3174012609860001',
      'expected 18 digits; found 16 (16 digits is the length of a NIK, the population ID number, not of an NIP)',
    ],
    ['198609262015051', 'expected 18 digits; found 15'],
    ['1986092620150510011', 'expected 18 digits; found 19'],
    ['19860926 201505 1 OO1', 'expected 18 digits (spaces, dots and dashes allowed); found "O"'],
    [
      '198602302015051001',
      'digits 1–8 should be the birth date YYYYMMDD; found 19860230: February 1986 has 28 days, not 30',
    ],
    ['198613262015051001', 'digits 1–8 should be the birth date YYYYMMDD; found 19861326: month 13 does not exist'],
    ['198600262015051001', 'digits 1–8 should be the birth date YYYYMMDD; found 19860026: month 00 does not exist'],
    [
      '193901012015051001',
      'digits 1–8 should be the birth date YYYYMMDD; found 19390101: year 1939 is not between 1940 and 2025',
    ],
    [
      '202601012015051001',
      'digits 1–8 should be the birth date YYYYMMDD; found 20260101: year 2026 is not between 1940 and 2025',
    ],
    [
      '198609262015131001',
      'digits 9–14 should be the TMT CPNS year and month YYYYMM; found 201513: month 13 does not exist',
    ],
    [
      '198609262015001001',
      'digits 9–14 should be the TMT CPNS year and month YYYYMM; found 201500: month 00 does not exist',
    ],
    [
      '198609262015201001',
      'digits 9–14 should be the TMT CPNS year and month YYYYMM; found 201520: month 20 does not exist',
    ],
    [
      '198609262004081001',
      'digits 9–14 should be the TMT CPNS year and month YYYYMM; found 200408: August 2004 is before the 18th birthday (September 2004)',
    ],
    [
      '198609262025071001',
      'digits 9–14 should be the TMT CPNS year and month YYYYMM; found 202507: July 2025 is in the future',
    ],
    ['198609262015053001', 'digit 15 should be the gender, 1 (male) or 2 (female); found 3'],
    ['198609262015050001', 'digit 15 should be the gender, 1 (male) or 2 (female); found 0'],
    [
      '200501152020212005',
      'digits 9–12 of an NI PPPK should be the year of appointment; found 2020, before the 18th birthday (2023)',
    ],
    [
      '199001152026212005',
      'digits 9–12 of an NI PPPK should be the year of appointment; found 2026, which is in the future',
    ],
    ['199001152022213005', 'digit 15 should be the gender, 1 (male) or 2 (female); found 3'],
  ])('%s', (input, reason) => {
    expect(checkNip(input, TODAY)).toEqual({ ok: false, reason });
  });
});

test('the default "today" is the current date', () => {
  const nextYear = new Date().getUTCFullYear() + 1;
  expect(checkNip(`19860926${nextYear}011001`)).toMatchObject({
    ok: false,
    reason: expect.stringContaining('is in the future'),
  });
  expect(checkNip('198609262015051001')).toMatchObject({ ok: true });
});
