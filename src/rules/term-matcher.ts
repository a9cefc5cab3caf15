// Finds terms (words and phrases, already normalised into token sequences) in a text's tokens, on word boundaries.
import { tokenize } from '../normalize/text.js';

export interface TermHit {
  term: string;
  start: number;
  end: number; // exclusive token index
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

  /** All occurrences (longest term first at each position). */
  findAll(tokens: readonly string[]): TermHit[] {
    const hits: TermHit[] = [];
    if (this.size === 0) return hits;
    for (let i = 0; i < tokens.length; i++) {
      const list = this.byFirstToken.get(tokens[i]!);
      if (!list) continue;
      for (const candidate of list) {
        if (matchesAt(tokens, i, candidate.tokens)) {
          hits.push({ term: candidate.term, start: i, end: i + candidate.tokens.length });
          break;
        }
      }
    }
    return hits;
  }

  first(tokens: readonly string[]): TermHit | null {
    if (this.size === 0) return null;
    for (let i = 0; i < tokens.length; i++) {
      const list = this.byFirstToken.get(tokens[i]!);
      if (!list) continue;
      for (const candidate of list)
        if (matchesAt(tokens, i, candidate.tokens))
          return { term: candidate.term, start: i, end: i + candidate.tokens.length };
    }
    return null;
  }
}

function matchesAt(tokens: readonly string[], at: number, term: readonly string[]): boolean {
  if (at + term.length > tokens.length) return false;
  for (let k = 1; k < term.length; k++) if (tokens[at + k] !== term[k]) return false;
  return true;
}
