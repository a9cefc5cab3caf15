// Tables of characters that stand in for ASCII letters and digits but that Unicode compatibility normalisation leaves alone.
import type { CodePointRanges } from './text-code-points.js';

/**
 * Lower-case (or caseless) look-alikes → ASCII. Applied after `toLowerCase`, so capital Cyrillic letters
 * arrive here in their lower-case form. Only shapes that read as the Latin letter in running text are listed:
 * the point is to undo deliberate disguise (`соblоs` with Cyrillic о), not to transliterate other scripts.
 */
const LOWER_LOOKALIKES: Readonly<Record<string, string>> = {
  // Cyrillic
  а: 'a',
  в: 'b',
  г: 'r',
  е: 'e',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  п: 'n',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  і: 'i',
  ј: 'j',
  ѕ: 's',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  һ: 'h',
  ү: 'y',
  ӏ: 'l',
  // Greek
  α: 'a',
  β: 'b',
  γ: 'y',
  ε: 'e',
  η: 'n',
  ι: 'i',
  κ: 'k',
  μ: 'u',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  ω: 'w',
  ϲ: 'c',
  ϳ: 'j',
  // Armenian
  օ: 'o',
  ս: 'u',
  հ: 'h',
  ո: 'n',
  // small capitals (ᴄᴏʙʟᴏs)
  ᴀ: 'a',
  ʙ: 'b',
  ᴄ: 'c',
  ᴅ: 'd',
  ᴇ: 'e',
  ꜰ: 'f',
  ɢ: 'g',
  ʜ: 'h',
  ɪ: 'i',
  ᴊ: 'j',
  ᴋ: 'k',
  ʟ: 'l',
  ᴍ: 'm',
  ɴ: 'n',
  ᴏ: 'o',
  ᴘ: 'p',
  ʀ: 'r',
  ꜱ: 's',
  ᴛ: 't',
  ᴜ: 'u',
  ᴠ: 'v',
  ᴡ: 'w',
  ʏ: 'y',
  ᴢ: 'z',
  // Latin letters without a decomposition
  ı: 'i',
  ȷ: 'j',
  ɑ: 'a',
  ɡ: 'g',
  ɩ: 'i',
  ʋ: 'v',
  ɛ: 'e',
  ø: 'o',
  đ: 'd',
  ł: 'l',
  ħ: 'h',
  ŧ: 't',
  ƀ: 'b',
  ɨ: 'i',
  ʉ: 'u',
  ƶ: 'z',
  ð: 'd',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
};

/**
 * Greek capitals read as Latin capitals, but their lower-case forms read differently (Η is H, η is n),
 * so they are folded before lower-casing.
 */
export const CAPITAL_LOOKALIKES: ReadonlyMap<string, string> = new Map(
  Object.entries({
    Α: 'A',
    Β: 'B',
    Ε: 'E',
    Ζ: 'Z',
    Η: 'H',
    Ι: 'I',
    Κ: 'K',
    Μ: 'M',
    Ν: 'N',
    Ο: 'O',
    Ρ: 'P',
    Τ: 'T',
    Υ: 'Y',
    Χ: 'X',
  }),
);

/** First code point of each block of ten decimal digits in scripts seen in Indonesian posts (Arabic, Javanese, Thai, …). */
const DIGIT_ZEROS = [
  0x0660, 0x06f0, 0x07c0, 0x0966, 0x09e6, 0x0a66, 0x0ae6, 0x0b66, 0x0be6, 0x0c66, 0x0ce6, 0x0d66, 0x0e50, 0x0ed0,
  0x0f20, 0x1040, 0x17e0, 0x1810, 0x1b50, 0x1bb0, 0xa9d0,
];

/** Negative circled (🅐) and negative squared (🅰) letters: symbols with no decomposition. */
const LETTER_SYMBOL_A = [0x1f150, 0x1f170];

function buildLowerTable(): Map<string, string> {
  const table = new Map<string, string>(Object.entries(LOWER_LOOKALIKES));
  for (const zero of DIGIT_ZEROS) {
    for (let digit = 0; digit < 10; digit++) table.set(String.fromCodePoint(zero + digit), String(digit));
  }
  for (const a of LETTER_SYMBOL_A) {
    for (let letter = 0; letter < 26; letter++) {
      table.set(String.fromCodePoint(a + letter), String.fromCharCode(97 + letter));
    }
  }
  return table;
}

/** Every look-alike folded after lower-casing, with its ASCII replacement. */
export const LOWER_TABLE: ReadonlyMap<string, string> = buildLowerTable();

/** Enclosed digit ranges: first code point, last code point, value of the first. */
export const ENCLOSED_DIGIT_RANGES: CodePointRanges = [
  [0x2460, 0x2473, 1], // ① … ⑳
  [0x2474, 0x2487, 1], // ⑴ … ⒇
  [0x2488, 0x249b, 1], // ⒈ … ⒛
  [0x24ea, 0x24ea, 0], // ⓪
  [0x24eb, 0x24f4, 11], // ⓫ … ⓴
  [0x24f5, 0x24fe, 1], // ⓵ … ⓾
  [0x24ff, 0x24ff, 0], // ⓿
  [0x2776, 0x277f, 1], // ❶ … ❿
  [0x2780, 0x2789, 1], // ➀ … ➉
  [0x278a, 0x2793, 1], // ➊ … ➓
  [0x3251, 0x325f, 21], // ㉑ … ㉟
  [0x32b1, 0x32bf, 36], // ㊱ … ㊿
  [0x1f100, 0x1f100, 0], // 🄀 digit zero full stop
  [0x1f101, 0x1f10a, 0], // 🄁 … 🄊 digit zero comma … digit nine comma
  [0x1f10b, 0x1f10b, 0], // 🄋
  [0x1f10c, 0x1f10c, 0], // 🄌
  [0x1f51f, 0x1f51f, 10], // 🔟 keycap ten
];

function buildEnclosedTable(): Map<string, string> {
  const table = new Map<string, string>();
  for (const [first, last, value = 0] of ENCLOSED_DIGIT_RANGES) {
    for (let code = first; code <= last; code++) {
      table.set(String.fromCodePoint(code), String(value + code - first));
    }
  }
  return table;
}

/** Enclosed, circled and keycap-ten digits → their value as ASCII digits. */
export const ENCLOSED_DIGITS: ReadonlyMap<string, string> = buildEnclosedTable();
