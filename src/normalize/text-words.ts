// One raw token → its normalised word(s): leetspeak undone, letters squeezed, abbreviations expanded, glued numbers split.
import { ABBREVIATIONS, NUMBER_PREFIXES, NUMBER_WORDS, REAL_ALPHANUMERICS } from './text-lexicon.js';

const SQUEEZE_RE = /([a-z])\1\1+/g;
/** Trailing number (with its inner separators) after a non-digit: the `3` of `no3`, the `2024` of `pilkada2024`. */
const NUMBER_TAIL_RE = /(?<=[^0-9.,:/-])[0-9][0-9.,:/-]*$/;
const DIGITS_THEN_LETTERS_RE = /^([0-9]+)([a-z]+)$/;
const LETTERS_ONLY_RE = /^[a-z]+$/;
/** `ikut2an` = ikut-ikutan, `anak2nya` = anak-anaknya: reduplication with a suffix after the 2. */
const SUFFIXED_REDUPLICATION_RE = /^([a-z]{3,})2(an|nya|lah|kan|in|ku|mu)$/;
const LEET_SYMBOL_RE = /[@$]+/;

const LEET: Readonly<Record<string, string>> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
};

const RESERVED_TOKENS: ReadonlySet<string> = new Set(['jari1', 'jari2', 'jari3']);

/** True when some letter occurs three or more times in a row; a loop, because this runs on every word. */
function hasTripleLetter(word: string): boolean {
  for (let i = 2; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code === word.charCodeAt(i - 1) && code === word.charCodeAt(i - 2) && isLetter(code)) return true;
  }
  return false;
}

/** A letters-only word with runs of three or more equal letters squeezed and abbreviations expanded. */
export function plainWord(word: string): string {
  const squeezed = hasTripleLetter(word) ? word.replace(SQUEEZE_RE, '$1') : word;
  return ABBREVIATIONS.get(squeezed) ?? squeezed;
}

/**
 * The letters of `body` with leet characters read as letters, or null when `body` is not plausibly leetspeak:
 * it must start and end with a letter, have at least two letters and no fewer letters than leet characters,
 * and use only digits that look like letters (2, 6, 8 and 9 do not).
 */
function deleet(body: string): string | null {
  const first = body.charCodeAt(0);
  const last = body.charCodeAt(body.length - 1);
  if (!isLetter(first) || !isLetter(last)) return null;
  let letters = 0;
  let word = '';
  for (let i = 0; i < body.length; i++) {
    const char = body[i]!;
    if (isLetter(body.charCodeAt(i))) {
      letters++;
      word += char;
    } else {
      const letter = LEET[char];
      if (letter === undefined) return null;
      word += letter;
    }
  }
  return letters >= 2 && letters * 2 >= body.length ? word : null;
}

function countLetters(text: string): number {
  let letters = 0;
  for (let i = 0; i < text.length; i++) if (isLetter(text.charCodeAt(i))) letters++;
  return letters;
}

function isLetter(code: number): boolean {
  return code >= 97 && code <= 122;
}

/**
 * A word glued to a number. After a number word or a prefix of three or more letters the two are split
 * (`no3` → nomor 3, `pilkada2024` → pilkada 2024); a lone 2 after a word marks reduplication (`hati2` →
 * hati hati). Short prefixes stay glued (`mp3`, `s1`, `g20`): they are names, not evasions.
 */
function pushGlued(token: string, prefix: string, word: string, tail: string, out: string[]): void {
  if (NUMBER_WORDS.has(word) || NUMBER_PREFIXES.has(word)) out.push(word, tail);
  else if (prefix.length < 3) out.push(token);
  else if (tail === '2') out.push(word, word);
  else out.push(word, tail);
}

/** `ikut2an` → ikut ikutan; false when `token` is not a suffixed reduplication. */
function pushSuffixedReduplication(token: string, out: string[]): boolean {
  const match = SUFFIXED_REDUPLICATION_RE.exec(token);
  if (match === null) return false;
  const [, base = '', suffix = ''] = match;
  out.push(plainWord(base), plainWord(base + suffix));
  return true;
}

/** `3hari`, `2024ganti` are a number and a word with the space lost; `10rb`, `4g`, `90an` are units and stay. */
function pushDigitsThenLetters(token: string, out: string[]): boolean {
  const match = DIGITS_THEN_LETTERS_RE.exec(token);
  if (match === null) return false;
  const [, digits = '', letters = ''] = match;
  if (letters.length >= 3) out.push(digits, plainWord(letters));
  else out.push(token);
  return true;
}

/** Leetspeak read as letters (`c0bl0s`, `k4m1`, `c0bl0s3` → coblos 3); false when `body` is not leetspeak. */
function pushLeet(token: string, body: string, tail: string, out: string[]): boolean {
  const letters = deleet(body);
  if (letters === null) return false;
  const word = plainWord(letters);
  const finalLeet = tail.length === 1 ? LEET[tail] : undefined;
  // `k4m1` is kami, but `c0bl0s3` is coblos 3: a final leet digit after a number word is the number.
  if (tail === '') out.push(word);
  else if (finalLeet !== undefined && !NUMBER_WORDS.has(word) && countLetters(body) * 2 >= token.length) {
    out.push(plainWord(letters + finalLeet));
  } else pushGlued(token, body, word, tail, out);
  return true;
}

/** Tokens mixing letters with digits, `@` or `$`. */
function pushMixed(token: string, out: string[]): void {
  if (RESERVED_TOKENS.has(token) || REAL_ALPHANUMERICS.has(token)) {
    out.push(token);
    return;
  }
  if (pushSuffixedReduplication(token, out)) return;
  const tail = NUMBER_TAIL_RE.exec(token)?.[0] ?? '';
  const body = token.slice(0, token.length - tail.length);
  if (tail !== '' && LETTERS_ONLY_RE.test(body)) pushGlued(token, body, plainWord(body), tail, out);
  else if (tail === '' && pushDigitsThenLetters(token, out)) return;
  else if (pushLeet(token, body, tail, out)) return;
  else if (LEET_SYMBOL_RE.test(token)) {
    // `@`/`$` that are not leetspeak separate words, as any other punctuation does.
    for (const part of token.split(LEET_SYMBOL_RE)) if (part !== '') pushWordTokens(part, out);
  } else out.push(token);
}

/**
 * Normalised words for one raw token (lower-case; ASCII letters and digits, `@`/`$` between letters,
 * separators between digits, or letters of other scripts) appended to `out`.
 */
export function pushWordTokens(token: string, out: string[]): void {
  let letters = 0;
  let others = 0;
  for (let i = 0; i < token.length; i++) {
    const code = token.charCodeAt(i);
    if (isLetter(code)) letters++;
    else if (code > 0x7f) {
      // Other scripts are kept as they are: rules are written in Latin script.
      out.push(token);
      return;
    } else others++;
  }
  if (letters === 0) out.push(token);
  else if (others === 0) out.push(plainWord(token));
  else pushMixed(token, out);
}
