// Normalised free text for rule matching: the evasions of domain.md §8.2 read as their plain spelling, ordinary text left intact.
import { joinSpelledLetters, readFingerCounts, wordTokens } from './text-tokens.js';
import { foldUnicode, hasNonAscii } from './text-unicode.js';
import { type KnownWords, removeNonText, splitHashtags } from './text-markup.js';

export type { KnownWords } from './text-markup.js';

/**
 * The steps, in the order that lets each see what it needs:
 * 1. emoji digits and finger counts read, NFKD, accents and invisible characters removed, look-alike letters
 *    folded to ASCII, emoji and other symbols turned into separators (text-unicode.ts);
 * 2. links and text hearts removed, hashtags split at their capitals while the case is still there, or by the
 *    known words when written in one case (text-markup.ts, hashtag-words.ts);
 * 3. lower case; tokens: leetspeak, squeezed letters, reduplication, glued numbers, abbreviations (text-words.ts);
 * 4. spelled-out letters joined, finger counts read as digits after a number word (text-tokens.ts).
 */
export function tokenize(raw: string, hashtagWords?: KnownWords): string[] {
  const folded = hasNonAscii(raw) ? foldUnicode(raw) : raw;
  const text = splitHashtags(removeNonText(folded), hashtagWords).toLowerCase();
  const tokens = joinSpelledLetters(wordTokens(text));
  if (text.includes('jari')) readFingerCounts(tokens);
  return tokens;
}

/** Normalised form of free text: lower-case ASCII-ish tokens separated by single spaces, no leading/trailing space. */
export function normalizeText(raw: string): string {
  return tokenize(raw).join(' ');
}
