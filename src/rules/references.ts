// Expands the terms of a rule: literal words, `@vocabulary` lists and `$candidate.*` / `$parties.*` references to the election file.
import type { Candidate, Election } from '../shared/types.js';

/** What `$candidate.<ref>` may name in a term: the candidate's fields of the election file. */
export const CANDIDATE_REFS = [
  'names',
  'aliases',
  'number',
  'padded_number',
  'numbers',
  'hashtags',
  'hashtags_against',
  'nicknames_support',
  'nicknames_against',
  'slogans',
  'accounts',
  'parties',
  'id',
] as const;

export class RuleReferenceError extends Error {}

/** True when a term or tag refers to the candidate the rule is evaluated for. */
export function refersToCandidate(term: string): boolean {
  return term.includes('$candidate.');
}

/** Ballot-number phrases that name a candidate unambiguously ("nomor urut 3", "paslon 03"); a bare digit is not one. */
/** Number words in Indonesian, Javanese and Sundanese ("nomer hiji", "nomor telu"), 1 to 9. */
const NUMBER_WORDS: Readonly<Record<number, readonly string[]>> = {
  1: ['satu', 'siji', 'hiji'],
  2: ['dua', 'loro'],
  3: ['tiga', 'telu', 'tilu'],
  4: ['empat', 'papat', 'opat'],
  5: ['lima', 'limo'],
  6: ['enam', 'enem', 'genep'],
  7: ['tujuh', 'pitu', 'tujuh'],
  8: ['delapan', 'wolu', 'dalapan'],
  9: ['sembilan', 'songo', 'salapan'],
};

export function numberPhrases(n: number): string[] {
  const forms = n < 10 ? [String(n), `0${n}`, ...(NUMBER_WORDS[n] ?? [])] : [String(n)];
  return forms.flatMap((f) => [
    `nomor ${f}`,
    `nomor urut ${f}`,
    `urut ${f}`,
    `paslon ${f}`,
    `paslon nomor ${f}`,
    `calon nomor ${f}`,
    `pasangan nomor ${f}`,
  ]);
}

export function candidateTerms(candidate: Candidate, field: string): string[] {
  switch (field) {
    case 'names':
      return candidate.names;
    case 'aliases':
      return candidate.aliases;
    case 'number':
      return candidate.number === null
        ? []
        : candidate.number < 10
          ? [String(candidate.number), `0${candidate.number}`]
          : [String(candidate.number)];
    case 'padded_number':
      // "03" is how ballot numbers are written in campaign material; a bare "3" is too common to count alone.
      return candidate.number === null || candidate.number >= 10 ? [] : [`0${candidate.number}`];
    case 'numbers':
      return candidate.number === null ? [] : numberPhrases(candidate.number);
    case 'hashtags':
      return hashtagSpellings(candidate.hashtags);
    case 'hashtags_against':
      return hashtagSpellings(candidate.hashtagsAgainst);
    case 'nicknames_support':
    case 'nicknames_against': {
      const stance = field === 'nicknames_support' ? 'support' : 'against';
      return candidate.nicknames.filter((n) => n.stance === stance).map((n) => n.name);
    }
    case 'slogans':
      return candidate.slogans;
    case 'accounts':
      return candidate.accounts.map((a) => a.slice(a.indexOf(':') + 1));
    case 'parties':
      return candidate.parties;
    case 'id':
      return [candidate.id];
    default:
      throw new RuleReferenceError(
        `unknown reference $candidate.${field} (expected one of ${CANDIDATE_REFS.join(', ')})`,
      );
  }
}

/** Expands one term list for a candidate (or none); unknown references and vocabularies are errors. */
export function expandTerms(
  terms: readonly string[],
  election: Election,
  vocabulary: Readonly<Record<string, string[]>>,
  candidate: Candidate | null,
): string[] {
  const out: string[] = [];
  for (const term of terms) {
    if (term.startsWith('@')) {
      const list = vocabulary[term.slice(1)];
      if (!list)
        throw new RuleReferenceError(
          `unknown vocabulary list ${term} (known: ${
            Object.keys(vocabulary)
              .map((k) => `@${k}`)
              .join(', ') || 'none'
          })`,
        );
      out.push(...expandTerms(list, election, vocabulary, candidate));
    } else if (term.startsWith('$candidate.')) {
      if (!candidate) throw new RuleReferenceError(`${term} needs a candidate`);
      out.push(...candidateTerms(candidate, term.slice('$candidate.'.length)));
    } else if (term === '$election.context') {
      out.push(...election.context);
    } else if (term === '$parties.names') {
      out.push(...election.parties.flatMap((p) => [p.name, ...p.aliases]));
    } else if (term.startsWith('$')) {
      throw new RuleReferenceError(
        `unknown reference ${term} (expected $candidate.<${CANDIDATE_REFS.join('|')}>, $election.context or $parties.names)`,
      );
    } else {
      out.push(term);
    }
  }
  return out;
}

/** Tags may embed references: `with:$candidate.id`, `gesture:$candidate.number`. */
export function expandTag(tag: string, candidate: Candidate | null): string[] {
  const m = /\$candidate\.(\w+)/.exec(tag);
  if (!m) return [tag.toLowerCase()];
  if (!candidate) throw new RuleReferenceError(`${tag} needs a candidate`);
  return candidateTerms(candidate, m[1]!).map((v) => tag.replace(m[0], v).toLowerCase());
}

/** "#JakartaMenyala" is written as one lower-case word as often as in camel case: both spellings count. */
function hashtagSpellings(tags: readonly string[]): string[] {
  return tags.flatMap((h) => [h, h.replace(/^#/, '').toLowerCase()]);
}

/** Everything that names the candidate in a text: the words by which another candidate's mention is told apart. */
export function mentionTerms(candidate: Candidate): string[] {
  return [
    'names',
    'aliases',
    'numbers',
    'padded_number',
    'hashtags',
    'hashtags_against',
    'nicknames_support',
    'nicknames_against',
  ].flatMap((ref) => candidateTerms(candidate, ref));
}
