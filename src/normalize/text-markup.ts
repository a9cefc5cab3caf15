// Social-media markup in free text: links, e-mail addresses and text hearts removed, hashtags split into their words.
import { segmentHashtag } from './hashtag-words.js';

/** Words that an all-lower-case hashtag may be made of, and the length of the longest. */
export interface KnownWords {
  words: ReadonlySet<string>;
  longest: number;
}

/**
 * URLs with a scheme or `www.`, e-mail addresses, `host.tld/path` links, bare hosts under the top-level
 * domains common in Indonesian posts, and the text heart `<3`. A link is evidence, not text: its words must
 * not match terms; and a heart must not read as the number 3.
 * Each pattern runs only when its cheap guard finds a trace of it, so the usual post pays for a few quick scans.
 * The lookbehinds let a match start only where a host or address can begin: with `\b`, every label of
 * `a.b.c.d…` would start a new attempt and a long dotted string would take quadratic time.
 */
const NON_TEXT_PATTERNS: readonly (readonly [guard: RegExp, pattern: RegExp])[] = [
  [/:\/\//, /(?<![a-z0-9+.-])[a-z][a-z0-9+.-]*:\/\/\S*/gi],
  [/www\./i, /\bwww\.\S*/gi],
  [/@/, /(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g],
  [
    /[a-z0-9-]\.[a-z]/i,
    /(?<![a-z0-9.-])(?:[a-z0-9-]+\.)+(?:[a-z]{2,6}\/\S*|(?:com|net|org|id|ly|io|tv)\b(?!\.[a-z0-9]))/gi,
  ],
  [/<\/?3/, /<\/?3+(?![0-9])/g],
];

/** Text with links, e-mail addresses and text hearts replaced by a space. */
export function removeNonText(text: string): string {
  let remaining = text;
  for (const [guard, pattern] of NON_TEXT_PATTERNS) {
    if (guard.test(remaining)) remaining = remaining.replace(pattern, ' ');
  }
  return remaining;
}

/** `#` and a run of word characters; by now any non-ASCII character is a lower-case letter of another script. */
const HASHTAG_RE = /#([\w\u0080-\uffff]+)/g;

/**
 * Hashtags without `#`, camel case split into words (`#JakartaMenyala` → `Jakarta Menyala`). A tag in one case
 * (`#jakartamenyala`, `#JOKOWILAGI`) is split by the known words, when given and when it reads as them; else it
 * stays one word, so rules list that spelling too. Runs before lower-casing, since capitals are word boundaries.
 */
export function splitHashtags(text: string, known?: KnownWords): string {
  if (!text.includes('#')) return text;
  return text.replace(HASHTAG_RE, (_tag, body: string) => {
    const camel = splitCamelCase(body);
    if (camel !== body || !known) return ` ${camel} `;
    const words = segmentHashtag(body.toLowerCase(), known.words, known.longest);
    return ` ${words ? words.join(' ') : body} `;
  });
}

function isUpper(code: number): boolean {
  return code >= 65 && code <= 90;
}

/** Letters of other scripts were lower-cased by foldUnicode. */
function isLower(code: number): boolean {
  return (code >= 97 && code <= 122) || code > 0x7f;
}

/**
 * `JakartaMenyala` → `Jakarta Menyala`, `RIDOMenang` → `RIDO Menang`, `Coblos01SudahTerbukti` →
 * `Coblos 01 Sudah Terbukti`. A run of digits is a word of its own when it is a number: two or more digits that
 * a capital or the tag's end follows, or one digit between a lower-case letter and a capital. A single digit
 * inside a word (`C0bl0s`, `Jok0w1`, `R1DO`) is leetspeak, read as a letter later, and stays in its word.
 */
function splitCamelCase(body: string): string {
  let words = '';
  let from = 0;
  for (let i = 1; i < body.length; i++) {
    const code = body.charCodeAt(i);
    const before = body.charCodeAt(i - 1);
    let boundary = isUpper(code) && (isLower(before) || (isUpper(before) && isLower(body.charCodeAt(i + 1))));
    if (isDigit(code) && !isDigit(before)) {
      let end = i;
      while (end < body.length && isDigit(body.charCodeAt(end))) end++;
      const after = body.charCodeAt(end);
      const number = end - i >= 2 ? end === body.length || isUpper(after) : isLower(before) && isUpper(after);
      if (number) {
        words += `${body.slice(from, i)} ${body.slice(i, end)} `;
        from = end;
        i = end;
        continue;
      }
      // A leading number (`#02Menang`) ends where its capital begins.
    } else if (isUpper(code) && isDigit(before) && from === 0 && /^\d+$/.test(body.slice(0, i))) {
      boundary = true;
    }
    if (boundary) {
      words += `${body.slice(from, i)} `;
      from = i;
    }
  }
  return words + body.slice(from);
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}
