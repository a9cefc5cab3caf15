// Finding the roster's NIPs, names and handles in a text in one linear pass: the text is cut into digit runs, words
// and handle-like runs, and each candidate is looked up in a Map. A regular expression with one alternative per
// person took minutes at 1,000 persons and overflowed at 2,000 (and its error message quoted every name and NIP).

/** How a person's value is looked up: NIP digits, name words joined by one space, or the handle; lower case. */
export interface Spelling {
  kind: 'nip' | 'name' | 'handle';
  /** The normalised value (see `normalise` in redact.ts). */
  value: string;
  replacement: string;
}

interface Candidate {
  start: number;
  end: number;
  replacement: string;
}

const ASCII = /^[\x00-\x7f]*$/;
/** Between two words of a name: spaces, `_ . + - '`, also percent-encoded in a URL (`budi_santoso`, `Budi%20Santoso`). */
const NAME_GAP = /^(?:[\s_.+\-'\u2019]|%(?:20|27|2[bde]|5f))+$/iu;
/** The hex digits of those percent-encoded separators, which a word run would otherwise begin with (`%20Santoso`). */
const PERCENT_GAP = /^(?:20|27|2[bde]|5f)$/i;
const NAME_WORD = /[\p{L}\p{M}\p{N}]+/gu;
/** What a handle cannot be next to without being part of a longer handle. */
const HANDLE_CHAR = /[\p{L}\p{M}\p{N}_]/u;
const NIP_SEPARATOR = /[\s.-]/u;

export function withoutAccents(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .normalize('NFC');
}

/** The form both sides are compared in: lower case, compatibility forms folded, accents dropped ("Dédé" is "dede"). */
function folded(text: string): string {
  const lower = text.toLowerCase();
  return ASCII.test(lower) ? lower : withoutAccents(lower.normalize('NFKC'));
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

export class RosterMatcher {
  private readonly nips = new Map<string, string>();
  private readonly nipLengths = new Set<number>();
  private readonly names = new Map<string, string>();
  private maxNameWords = 0;
  private readonly handles = new Map<string, string>();
  private maxHandleLength = 0;

  /** The first spelling given for a value wins, so the outcome follows the roster's order. */
  constructor(spellings: Iterable<Spelling>) {
    for (const { kind, value, replacement } of spellings) {
      if (kind === 'nip') {
        if (value === '' || this.nips.has(value)) continue;
        this.nips.set(value, replacement);
        this.nipLengths.add(value.length);
      } else if (kind === 'name') {
        const words = folded(value)
          .split(/[^\p{L}\p{N}]+/u)
          .filter((w) => w !== '');
        const key = words.join(' ');
        if (key === '' || this.names.has(key)) continue;
        this.names.set(key, replacement);
        this.maxNameWords = Math.max(this.maxNameWords, words.length);
      } else {
        const key = folded(value);
        if (key === '' || this.handles.has(key)) continue;
        this.handles.set(key, replacement);
        // Folding may shorten a handle (NFKC ligatures); the text's run is looked up folded too, so allow the raw length.
        this.maxHandleLength = Math.max(this.maxHandleLength, value.length, key.length);
      }
    }
  }

  get empty(): boolean {
    return this.nips.size === 0 && this.names.size === 0 && this.handles.size === 0;
  }

  /** The text with every occurrence replaced, leftmost first and the longest at one place (a handle `budi.santoso88`
   *  before a shorter `budi`); a replacement is never matched again. */
  redact(text: string): string {
    if (this.empty || text === '') return text;
    const candidates = [...this.nipCandidates(text), ...this.nameCandidates(text), ...this.handleCandidates(text)];
    if (candidates.length === 0) return text;
    candidates.sort((a, b) => a.start - b.start || b.end - a.end);
    let out = '';
    let at = 0;
    for (const c of candidates) {
      if (c.start < at) continue;
      out += text.slice(at, c.start) + c.replacement;
      at = c.end;
    }
    return out + text.slice(at);
  }

  /** NIPs written with or without one separator between digits (`19860926 201505 1 001`), not inside longer numbers. */
  private *nipCandidates(text: string): Generator<Candidate> {
    if (this.nips.size === 0) return;
    const longest = Math.max(...this.nipLengths);
    for (let start = 0; start < text.length; start++) {
      if (!isDigit(text.charCodeAt(start)) || (start > 0 && isDigit(text.charCodeAt(start - 1)))) continue;
      let digits = '';
      let i = start;
      while (digits.length < longest) {
        digits += text[i];
        i++;
        const next = text.charCodeAt(i);
        if (this.nipLengths.has(digits.length) && !isDigit(next)) {
          const replacement = this.nips.get(digits);
          if (replacement !== undefined) yield { start, end: i, replacement };
        }
        if (isDigit(next)) continue;
        if (i + 1 < text.length && NIP_SEPARATOR.test(text[i]!) && isDigit(text.charCodeAt(i + 1))) i++;
        else break;
      }
    }
  }

  /** Full names, word by word, in any case and with or without accents. */
  private *nameCandidates(text: string): Generator<Candidate> {
    if (this.names.size === 0) return;
    const words: { start: number; end: number; key: string }[] = [];
    for (const match of text.matchAll(NAME_WORD)) {
      let start = match.index;
      // `%20` is a space in a URL, not the start of a word `20Santoso`.
      if (text[start - 1] === '%' && PERCENT_GAP.test(text.slice(start, start + 2))) start += 2;
      const end = match.index + match[0].length;
      if (start < end) words.push({ start, end, key: folded(text.slice(start, end)) });
    }
    for (let first = 0; first < words.length; first++) {
      let key = '';
      for (let last = first; last < words.length && last - first < this.maxNameWords; last++) {
        if (last > first && !NAME_GAP.test(text.slice(words[last - 1]!.end, words[last]!.start))) break;
        key = last === first ? words[first]!.key : `${key} ${words[last]!.key}`;
        const replacement = this.names.get(key);
        if (replacement !== undefined) yield { start: words[first]!.start, end: words[last]!.end, replacement };
      }
    }
  }

  /** Handles as whole runs: not preceded or followed by a letter, digit or `_` (`@budi.santoso88,` but not `xbudi`). */
  private *handleCandidates(text: string): Generator<Candidate> {
    if (this.handles.size === 0) return;
    const flags = new Uint8Array(text.length + 1);
    for (let i = 0; i < text.length; i++) flags[i] = HANDLE_CHAR.test(text[i]!) ? 1 : 0;
    const inHandle = (i: number) => i >= 0 && flags[i] === 1;
    for (let start = 0; start < text.length; start++) {
      // Platform handles begin with a letter, digit or `_` (the `@` is not part of them).
      if (!inHandle(start) || inHandle(start - 1)) continue;
      const limit = Math.min(text.length, start + this.maxHandleLength);
      for (let end = start + 1; end <= limit; end++) {
        if (inHandle(end)) continue;
        const replacement = this.handles.get(folded(text.slice(start, end)));
        if (replacement !== undefined) yield { start, end, replacement };
      }
    }
  }
}
