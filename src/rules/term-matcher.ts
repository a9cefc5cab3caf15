// Finds terms (words and phrases, already normalised into token sequences) in a text's tokens, on word boundaries.
import { tokenize } from '../normalize/text.js';

export interface TermHit {
  term: string;
  start: number;
  end: number; // exclusive token index
  /** True when every word matched as written, none through its root. */
  exact: boolean;
}

/** A set of terms compiled once; `find` reports each term found (first occurrence) with its token span. */
export class TermMatcher {
  private readonly byFirstToken = new Map<string, { tokens: string[]; term: string }[]>();
  readonly size: number;

  constructor(terms: readonly string[]) {
    const seen = new Set<string>();
    for (const term of terms) {
      const tokens = tokenize(term);
      if (tokens.length === 0) continue;
      const key = tokens.join(' ');
      if (seen.has(key)) continue;
      seen.add(key);
      const list = this.byFirstToken.get(tokens[0]!) ?? [];
      list.push({ tokens, term });
      this.byFirstToken.set(tokens[0]!, list);
    }
    for (const list of this.byFirstToken.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
    this.size = seen.size;
  }

  /** The words a term can start with: a text holds a term only where one of them is a token or a token's root. */
  firstTokens(): Iterable<string> {
    return this.byFirstToken.keys();
  }

  /**
   * All occurrences (longest term first at each position). `roots` holds, where known, the root of the token at
   * the same index (`mendukung` → `dukung`): a term's word matches the token or its root.
   */
  findAll(tokens: readonly string[], roots: TokenRoots = NO_ROOTS): TermHit[] {
    const hits: TermHit[] = [];
    if (this.size === 0) return hits;
    for (let i = 0; i < tokens.length; i++) {
      const hit = this.at(tokens, roots, i);
      if (hit) hits.push(hit);
    }
    return hits;
  }

  first(tokens: readonly string[], roots: TokenRoots = NO_ROOTS): TermHit | null {
    if (this.size === 0) return null;
    for (let i = 0; i < tokens.length; i++) {
      const hit = this.at(tokens, roots, i);
      if (hit) return hit;
    }
    return null;
  }

  private at(tokens: readonly string[], roots: TokenRoots, i: number): TermHit | null {
    const root = roots[i];
    const lists = [this.byFirstToken.get(tokens[i]!), root === undefined ? undefined : this.byFirstToken.get(root)];
    for (const list of lists) {
      if (!list) continue;
      for (const candidate of list) {
        if (matchesAt(tokens, roots, i, candidate.tokens)) {
          const end = i + candidate.tokens.length;
          return { term: candidate.term, start: i, end, exact: candidate.tokens.every((t, k) => tokens[i + k] === t) };
        }
      }
    }
    return null;
  }
}

/** Roots of tokens by index; an empty array when the text has none. */
export type TokenRoots = readonly (string | undefined)[];
const NO_ROOTS: TokenRoots = [];

function matchesAt(tokens: readonly string[], roots: TokenRoots, at: number, term: readonly string[]): boolean {
  if (at + term.length > tokens.length) return false;
  for (let k = 1; k < term.length; k++) {
    if (tokens[at + k] !== term[k] && roots[at + k] !== term[k]) return false;
  }
  return true;
}
