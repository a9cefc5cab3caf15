// The words a rule pack and an election know, for text normalisation: hashtags written in one case are split by
// them (`#tusukprabowosandi`), and affixed words are read as their roots (`memenangkan` → `menang`).
import { tokenize } from '../normalize/text.js';
import type { Election } from '../shared/types.js';
import type { TextModel } from './activity-view.js';
import { candidateTerms, mentionTerms } from './references.js';
import type { RulePack } from './rule-pack.js';

/** Shorter words are too ambiguous to split a hashtag by, or to be a root an affix was peeled to. */
const MIN_SPLIT_WORD = 2;
const MIN_ROOT = 4;

export function textModelOf(pack: RulePack, election: Election): TextModel {
  const terms: string[] = [];
  for (const list of Object.values(pack.vocabulary)) terms.push(...list);
  for (const { rule } of pack.rules) collectStrings([rule.when, rule.unless, rule.qualifiers], terms);
  for (const c of election.candidates) terms.push(...mentionTerms(c), ...candidateTerms(c, 'slogans'));
  terms.push(...election.context, ...election.parties.flatMap((p) => [p.name, ...p.aliases]));
  const words = new Set<string>();
  const roots = new Set<string>();
  for (const term of terms) {
    if (term.startsWith('@') || term.startsWith('$')) continue;
    const tokens = tokenize(term);
    for (const token of tokens) {
      if (token.length >= MIN_SPLIT_WORD && /^[a-z]+$/.test(token)) words.add(token);
    }
    // Only a term that is one word can be the root of an affixed word: `dukung`, not `hak` of `hak pilih`.
    if (tokens.length === 1 && tokens[0]!.length >= MIN_ROOT) roots.add(tokens[0]!);
  }
  let longest = 0;
  for (const word of words) longest = Math.max(longest, word.length);
  return { hashtagWords: { words, longest }, roots };
}

/** Every string inside a condition tree: the literal terms, and harmless enum values beside them. */
function collectStrings(value: unknown, out: string[]): void {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const item of value) collectStrings(item, out);
  else if (value !== null && typeof value === 'object')
    for (const item of Object.values(value)) collectStrings(item, out);
}
