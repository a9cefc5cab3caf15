// Character-level clean-up of free text: emoji digits, compatibility forms, invisible characters, case and look-alike letters.
import { codePointPattern } from './text-code-points.js';
import { CAPITAL_LOOKALIKES, ENCLOSED_DIGITS, ENCLOSED_DIGIT_RANGES, LOWER_TABLE } from './text-lookalikes.js';

/** Finger-count emoji → a reserved token; text-tokens.ts turns it into a digit after a number word. */
const FINGER_TOKENS: ReadonlyMap<string, string> = new Map([
  ['\u261D', ' jari1 '], // ☝ index pointing up
  ['\u270C', ' jari2 '], // ✌ victory hand
  ['\u{1F91F}', ' jari3 '], // 🤟 love-you gesture, the nearest emoji to three fingers
]);

const SELECTOR = '[\\uFE0E\\uFE0F]?';
const FINGER = codePointPattern([
  [0x261d, 0x261d],
  [0x270c, 0x270c],
  [0x1f91f, 0x1f91f],
]);
const SKIN_TONE = codePointPattern([[0x1f3fb, 0x1f3ff]]);

/** A run of keycaps: digit, optional U+FE0F, U+20E3. `0️⃣3️⃣` reads as 03, like `03` typed plainly; `3️⃣` alone too. */
const KEYCAPS_RE = /(?:[0-9#*][\uFE0E\uFE0F]?\u20E3)+/g;

/**
 * A run of enclosed digits (②, ❶, ⑫ …), or one finger emoji with its optional presentation selector and skin tone.
 * Regexes here avoid the `u` flag: they run on every post, and V8 scans non-`u` classes much faster.
 */
const EMOJI_NUMBER_RE = new RegExp(
  `${codePointPattern(ENCLOSED_DIGIT_RANGES)}+|(${FINGER})${SELECTOR}${SKIN_TONE}?${SELECTOR}`,
  'g',
);

/** Hangul fillers: letters by category, blank on screen, a known way to hide a space inside a word. */
const FILLERS: ReadonlySet<string> = new Set(['\u115F', '\u1160', '\u3164', '\uFFA0']);

/** Letters of any script except modifier letters (ʼ, ˆ), which count as punctuation. */
const LETTER_RE = /[\p{Ll}\p{Lu}\p{Lt}\p{Lo}]/u;
/** Combining marks (accents, keycap enclosure, variation selectors) and format characters (zero-width, bidi, soft hyphen, tags). */
const INVISIBLE_RE = /[\p{M}\p{Cf}]/u;
const NON_ASCII_RUN_RE = /[^\x00-\x7F]+/g;
const NON_ASCII_RE = /[^\x00-\x7F]/;

function digitsOf(match: string): string {
  let digits = '';
  for (const char of match) {
    const code = char.charCodeAt(0);
    if (code >= 0x30 && code <= 0x39) digits += char;
    else digits += ENCLOSED_DIGITS.get(char) ?? '';
  }
  // An emoji digit is ballot styling, like a typed leading zero: `4️⃣` reads as `04`, as on campaign material.
  return digits.length === 1 ? ` 0${digits} ` : ` ${digits} `;
}

function emojiNumber(match: string, finger: string | undefined): string {
  return finger === undefined ? digitsOf(match) : (FINGER_TOKENS.get(finger) ?? ' ');
}

/**
 * One character after NFKD, folded to ASCII where it is a look-alike (keeping its case, which hashtag
 * splitting still needs), other letters lower-cased, invisible characters dropped, symbols and emoji → space.
 * The cheap range tests come first: most non-ASCII characters in posts are emoji and their selectors.
 */
function foldChar(char: string): string {
  const code = char.charCodeAt(0);
  if (code <= 0x7f) return char;
  const ascii = LOWER_TABLE.get(char) ?? CAPITAL_LOOKALIKES.get(char);
  if (ascii !== undefined) return ascii;
  if (code >= 0xd83c && code <= 0xd83e) return ' '; // U+1F000–U+1FBFF: emoji, pictographs, regional indicators
  if ((code >= 0xfe00 && code <= 0xfe0f) || (code >= 0x200b && code <= 0x200f)) return '';
  const lower = char.toLowerCase();
  const capitalAscii = LOWER_TABLE.get(lower);
  if (capitalAscii !== undefined) return capitalAscii.toUpperCase();
  if (FILLERS.has(char) || INVISIBLE_RE.test(char)) return '';
  return LETTER_RE.test(lower) ? lower : ' ';
}

/**
 * A run of non-ASCII characters: emoji numbers replaced, compatibility forms decomposed (NFKD: fullwidth,
 * mathematical and circled letters, ligatures, accents split off), then folded char by char. NFKD rather than
 * NFKC because accents are dropped anyway, and dropping needs them decomposed. Decomposition never looks
 * across ASCII, so doing it run by run gives the same result as on the whole text, at a fraction of the cost.
 */
function foldRun(run: string): string {
  let folded = '';
  for (const char of run.replace(EMOJI_NUMBER_RE, emojiNumber).normalize('NFKD')) folded += foldChar(char);
  return folded;
}

/** True when the text needs the Unicode steps at all; plain ASCII posts skip them. */
export function hasNonAscii(text: string): boolean {
  return NON_ASCII_RE.test(text);
}

/** Text with every non-ASCII character folded (see foldRun) and keycap digits read as digits. */
export function foldUnicode(text: string): string {
  const keycapsRead = text.includes('\u20E3') ? text.replace(KEYCAPS_RE, digitsOf) : text;
  return keycapsRead.replace(NON_ASCII_RUN_RE, foldRun);
}
