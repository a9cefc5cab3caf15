// Validates an NIP (PNS) or NI PPPK, both 18 digits, by its structure, and names numbers Excel has mangled (domain.md §9.1–9.4).
import { MONTH_NAMES_EN } from './timestamp.js';

export type NipCheck =
  | {
      ok: true;
      /** 18 digits, no spaces. */
      nip: string;
      kind: 'pns' | 'pppk';
      /** YYYY-MM-DD, from digits 1–8. */
      birthDate: string;
      gender: 'male' | 'female';
    }
  | { ok: false; reason: string };

const EARLIEST_BIRTH_YEAR = 1940;
const MINIMUM_AGE = 18;

// `1.98609E+17`, or `1,98609E+17` where the decimal symbol is a comma (Indonesian Windows).
const SCIENTIFIC_NOTATION = /^\d+(?:[.,]\d+)?e\+?\d+$/i;

/**
 * Checks an NIP as written in a roster: spaces, dots, dashes and Excel's leading apostrophe are allowed.
 * `today` bounds the birth year and the appointment date; pass a fixed date for repeatable results.
 */
export function checkNip(value: string, today: Date = new Date()): NipCheck {
  const written = value.trim().replace(/^'/, '').trim();
  if (written === '') return fail('the NIP is empty');
  if (SCIENTIFIC_NOTATION.test(written)) {
    return fail(
      'Excel turned this NIP into a number in scientific notation; format the column as text and export again',
    );
  }
  const digits = written.replace(/[\s.-]/g, '');
  const stray = digits.match(/\D/);
  if (stray) return fail(`expected 18 digits (spaces, dots and dashes allowed); found "${stray[0]}"`);
  if (digits.length !== 18) return fail(wrongLength(digits));
  if (digits.endsWith('000')) {
    return fail(
      'ends in 000: Excel keeps only 15 significant digits, so the last digits were lost; format the column as text and enter the NIPs again',
    );
  }

  const todayYear = today.getUTCFullYear();
  const todayMonth = today.getUTCMonth() + 1;
  const birthYear = num(digits, 0, 4);
  const birthMonth = num(digits, 4, 6);
  const birthDay = num(digits, 6, 8);
  const birthProblem = dateProblem(birthYear, birthMonth, birthDay);
  if (birthProblem)
    return fail(`digits 1–8 should be the birth date YYYYMMDD; found ${digits.slice(0, 8)}: ${birthProblem}`);
  if (birthYear < EARLIEST_BIRTH_YEAR || birthYear > todayYear) {
    return fail(
      `digits 1–8 should be the birth date YYYYMMDD; found ${digits.slice(0, 8)}: year ${birthYear} is not between ${EARLIEST_BIRTH_YEAR} and ${todayYear}`,
    );
  }

  // Digits 13–14 of an NI PPPK are the marker `2` and a frequency 1–9: a PNS reading would see "month 21".
  const kind = digits[12] === '2' && digits[13] !== '0' ? 'pppk' : 'pns';
  const appointmentProblem =
    kind === 'pppk'
      ? pppkAppointmentProblem(digits, birthYear, todayYear)
      : pnsAppointmentProblem(digits, birthYear, birthMonth, todayYear, todayMonth);
  if (appointmentProblem) return fail(appointmentProblem);

  const genderDigit = digits[14];
  if (genderDigit !== '1' && genderDigit !== '2')
    return fail(`digit 15 should be the gender, 1 (male) or 2 (female); found ${genderDigit}`);

  return {
    ok: true,
    nip: digits,
    kind,
    birthDate: `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`,
    gender: genderDigit === '1' ? 'male' : 'female',
  };
}

function wrongLength(digits: string): string {
  const found = `expected 18 digits; found ${digits.length}`;
  return digits.length === 16
    ? `${found} (16 digits is the length of a NIK, the population ID number, not of an NIP)`
    : found;
}

/** PNS digits 9–14: TMT CPNS year and month, between the 18th birthday and today. */
function pnsAppointmentProblem(
  digits: string,
  birthYear: number,
  birthMonth: number,
  todayYear: number,
  todayMonth: number,
): string | null {
  const year = num(digits, 8, 12);
  const month = num(digits, 12, 14);
  const expected = `digits 9–14 should be the TMT CPNS year and month YYYYMM; found ${digits.slice(8, 14)}`;
  if (month < 1 || month > 12) return `${expected}: month ${digits.slice(12, 14)} does not exist`;
  const tmt = year * 12 + month;
  if (tmt < (birthYear + MINIMUM_AGE) * 12 + birthMonth) {
    return `${expected}: ${monthLabel(year, month)} is before the ${MINIMUM_AGE}th birthday (${monthLabel(birthYear + MINIMUM_AGE, birthMonth)})`;
  }
  if (tmt > todayYear * 12 + todayMonth) return `${expected}: ${monthLabel(year, month)} is in the future`;
  return null;
}

/** PPPK digits 9–12: year of appointment, between the 18th birthday year and today. */
function pppkAppointmentProblem(digits: string, birthYear: number, todayYear: number): string | null {
  const year = num(digits, 8, 12);
  const expected = `digits 9–12 of an NI PPPK should be the year of appointment; found ${year}`;
  if (year < birthYear + MINIMUM_AGE)
    return `${expected}, before the ${MINIMUM_AGE}th birthday (${birthYear + MINIMUM_AGE})`;
  if (year > todayYear) return `${expected}, which is in the future`;
  return null;
}

/** Why year-month-day is not a calendar date, or null. */
function dateProblem(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12) return `month ${String(month).padStart(2, '0')} does not exist`;
  const days = daysInMonth(year, month);
  if (day < 1 || day > days) return `${MONTH_NAMES_EN[month - 1]} ${year} has ${days} days, not ${day}`;
  return null;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function monthLabel(year: number, month: number): string {
  return `${MONTH_NAMES_EN[month - 1]} ${year}`;
}

function num(digits: string, from: number, to: number): number {
  return Number(digits.slice(from, to));
}

function fail(reason: string): NipCheck {
  return { ok: false, reason };
}
