// Token-level steps of text normalisation: splitting clean text into raw tokens, joining spelled-out letters, reading finger counts.
import { pushWordTokens } from './text-words.js';
import { FINGER_NUMBER_WORDS } from './text-lexicon.js';

const FINGER_DIGITS: ReadonlyMap<string, string> = new Map([
  ['jari1', '1'],
  ['jari2', '2'],
  ['jari3', '3'],
]);

function isAsciiAlnum(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** `.,:/-` join digits into one number (1.500.000, 27/11/2024, 14.30, 0812-3456-7890); `@` and `$` stay inside words for leetspeak. */
function joinsAt(text: string, i: number, code: number): boolean {
  const before = text.charCodeAt(i - 1);
  const after = text.charCodeAt(i + 1);
  if (code === 0x40 || code === 0x24) return isAsciiAlnum(before) && isAsciiAlnum(after);
  if (code === 0x2e || code === 0x2c || code === 0x3a || code === 0x2f || code === 0x2d) {
    return isDigit(before) && isDigit(after);
  }
  return false;
}

/**
 * Normalised word tokens of folded, lower-cased text. Token characters are ASCII letters and digits and any
 * remaining non-ASCII character, which is a letter by then (see foldUnicode); everything else separates.
 */
export function wordTokens(text: string): string[] {
  const out: string[] = [];
  let start = -1;
  let gap = 0;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 0x20;
    if (isAsciiAlnum(code) || code > 0x7f) {
      if (start < 0) {
        start = i;
        // A wide gap between spelled-out letters separates words: `D U K U N G   D H A R M A`.
        if (gap >= 2 && out.length > 0) out.push(WORD_GAP);
      }
    } else if (start >= 0 && !joinsAt(text, i, code)) {
      pushWordTokens(text.slice(start, i), out);
      start = -1;
      gap = 0;
    }
    if (start < 0 && i < text.length) gap++;
  }
  return out;
}

/** Marks a wide gap between tokens for joinSpelledLetters; never left in its output. */
export const WORD_GAP = '\u0001';

/** 1 for a one-letter token, 2 for a one-digit token that leetspeak reads as a letter (0 1 3 4 5 7), else 0. */
function spelledKind(token: string): number {
  if (token.length !== 1) return 0;
  const code = token.charCodeAt(0);
  if (code >= 97 && code <= 122) return 1;
  return code === 48 || code === 49 || code === 51 || code === 52 || code === 53 || code === 55 ? 2 : 0;
}

/** Appends `run` (one-character tokens), joining its letters into a word when they spell one. */
function pushRun(tokens: readonly string[], from: number, to: number, out: string[]): void {
  let first = from;
  let last = to - 1;
  // Digits at either end are numbers next to the word (`nomor 3 a b c`), not part of it.
  while (first <= last && spelledKind(tokens[first]!) === 2) out.push(tokens[first++]!);
  while (last >= first && spelledKind(tokens[last]!) === 2) last--;
  let letters = 0;
  for (let i = first; i <= last; i++) if (spelledKind(tokens[i]!) === 1) letters++;
  const length = last - first + 1;
  if (letters >= 3 && letters * 2 > length) pushWordTokens(tokens.slice(first, last + 1).join(''), out);
  else for (let i = first; i <= last; i++) out.push(tokens[i]!);
  for (let i = last + 1; i < to; i++) out.push(tokens[i]!);
}

/**
 * Runs of three or more one-letter tokens joined: `D U K U N G`, `c.o.b.l.o.s`, `c 0 b l 0 s` → one word.
 * Two letters stay apart (`s.d.`, `a.n.`), and a run of digits alone is a list of numbers, not a word.
 */
export function joinSpelledLetters(tokens: readonly string[]): string[] {
  const out: string[] = [];
  let runStart = -1;
  for (let i = 0; i <= tokens.length; i++) {
    const token = tokens[i];
    const spelled = token !== undefined && (spelledKind(token) !== 0 || (token === WORD_GAP && runStart >= 0));
    if (spelled) {
      if (runStart < 0) runStart = i;
      continue;
    }
    if (runStart >= 0) {
      pushRunWithGaps(tokens.slice(runStart, i), out);
      runStart = -1;
    }
    if (token !== undefined && token !== WORD_GAP) out.push(token);
  }
  return out;
}

/**
 * A run split by wide gaps becomes several words only when every piece spells one (three letters or more);
 * otherwise the gaps are ignored, so that normalising the output again gives the same tokens.
 */
function pushRunWithGaps(run: readonly string[], out: string[]): void {
  const pieces: string[][] = [[]];
  for (const token of run) {
    if (token === WORD_GAP) pieces.push([]);
    else pieces[pieces.length - 1]!.push(token);
  }
  const nonEmpty = pieces.filter((p) => p.length > 0);
  const spellsWord = (piece: string[]) => piece.filter((t) => spelledKind(t) === 1).length >= 3;
  if (nonEmpty.length > 1 && nonEmpty.every(spellsWord)) {
    for (const piece of nonEmpty) pushRun(piece, 0, piece.length, out);
  } else {
    const joined = nonEmpty.flat();
    pushRun(joined, 0, joined.length, out);
  }
}

/**
 * Finger-count tokens right after a number word become the digit (`coblos no ✌️` → coblos nomor 2); elsewhere
 * they stay `jari1`…`jari3`, so a V-sign selfie does not produce a bare 2.
 */
export function readFingerCounts(tokens: string[]): void {
  for (let i = 1; i < tokens.length; i++) {
    const digit = FINGER_DIGITS.get(tokens[i]!);
    if (digit !== undefined && FINGER_NUMBER_WORDS.has(tokens[i - 1]!)) tokens[i] = digit;
  }
}
