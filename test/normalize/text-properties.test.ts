// Properties of normalizeText on arbitrary input: total, idempotent, and always well-formed.
import fc from 'fast-check';
import { fcRuns } from '../helpers/fc-runs.js';
import { describe, expect, test } from 'vitest';
import { normalizeText, tokenize } from '../../src/normalize/text.js';

/** Characters the normaliser treats specially, so random strings hit its branches often. */
const TRICKY = [
  ...'aeiosx02345789 .,:/-@$#_!?\n\t',
  ...'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  'jari2',
  'no',
  'nomor',
  'coblos',
  'hati',
  'yg',
  'www.',
  'http://',
  '.com',
  'aaa',
  '\u200B',
  '\u200D',
  '\u00AD',
  '\uFEFF',
  '\uFE0F',
  '\u20E3',
  '\u0301',
  '\u3164',
  '☝',
  '✌',
  '🤟',
  '🏽',
  '①',
  '⑫',
  '❶',
  '🄋',
  '🔟',
  '👍',
  '🇮🇩',
  '😀',
  'а',
  'о',
  'с',
  'Р',
  'Η',
  'η',
  'ν',
  'ᴄ',
  'ʙ',
  'ı',
  'İ',
  'ß',
  'ẞ',
  'ø',
  'ǅ',
  'ŉ',
  'ʼ',
  'ｃ',
  '𝐜',
  '２',
  '٣',
  '꧑',
  'ب',
  '日',
  '한',
  'ä',
  'é',
  '\uD800',
  '\uDC00',
];

const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.array(fc.constantFrom(...TRICKY), { maxLength: 30 }).map((parts) => parts.join('')),
  fc.array(fc.constantFrom(...TRICKY, ' '), { maxLength: 30 }).map((parts) => parts.join(' ')),
);

describe('normalizeText properties', () => {
  test('never throws and returns single-space-separated non-empty tokens', () => {
    fc.assert(
      fc.property(text, (raw) => {
        const normalized = normalizeText(raw);
        expect(normalized).toMatch(/^(?:\S+(?: \S+)*)?$/u);
        expect(tokenize(raw)).toEqual(normalized === '' ? [] : normalized.split(' '));
      }),
      { numRuns: fcRuns(3000) },
    );
  });

  test('is idempotent', () => {
    fc.assert(
      fc.property(text, (raw) => {
        const once = normalizeText(raw);
        expect(normalizeText(once)).toBe(once);
      }),
      { numRuns: fcRuns(5000) },
    );
  });

  // A pattern that backtracks on long dotted or spelled-out strings would turn one odd post into minutes of scan.
  // Speed itself is measured by `npm run bench` (size n against 8n); here vitest's timeout is only a hang guard.
  test.each([
    ['dotted labels', 'a.'.repeat(40_000)],
    ['dotted words', 'abc.'.repeat(20_000)],
    ['address without host', `${'a.'.repeat(40_000)}@`],
    ['scheme-like run', `${'a+'.repeat(40_000)}://`],
    ['spelled letters', 'a '.repeat(40_000)],
    ['leet', 'a1'.repeat(40_000)],
    ['hashtags', '#Ab'.repeat(30_000)],
    ['emoji', '🔥✌️'.repeat(20_000)],
  ])('finishes on %s and gives well-formed tokens', (_name, raw) => {
    const out = normalizeText(raw);
    expect(out).not.toMatch(/^ | $| {2}/);
  });
});
