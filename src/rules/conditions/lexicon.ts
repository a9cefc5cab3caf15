// `lexicon: NAME`: a post that names the candidate (and no other) scores as partisan on a weighted word list learned
// from labelled posts, and its words lean the given way: praise (`support`) or derision (`against`). Every word that
// counted is shown with its weights, so a reader can see why; nothing is hidden in a model.
import { compareCodeUnits } from '../../shared/compare.js';
import { z } from 'zod';
import { STANCES, type Stance } from '../../shared/types.js';
import type { ActivityView, TextField } from '../activity-view.js';
import { candidateTerms, mentionTerms, RuleReferenceError } from '../references.js';
import type { Candidate } from '../../shared/types.js';
import type { Lexicon } from '../rule-schema.js';
import { TermMatcher, type TermHit } from '../term-matcher.js';
import { emptyGate, termsGate } from '../gate.js';
import type { ConditionKind } from './kind.js';
import { fieldsOf, inField, type InChoice } from './text-fields.js';

export type LexiconCondition = { lexicon: string; stance: Stance; min_score: number; min_lean: number; in?: InChoice };

/** How many of the deciding words evidence lists: the strongest ones; the score counts them all. */
const SHOWN_WORDS = 6;

export const lexiconKind: ConditionKind<LexiconCondition> = {
  schema: () =>
    z.strictObject({
      lexicon: z.string().regex(/^[a-z][a-z0-9_]*$/),
      stance: z.enum(STANCES),
      min_score: z.number(),
      /** How far the stance score must lean the given way (0 = any lean); a post near 0 is left alone. */
      min_lean: z.number().min(0).default(0),
      in: inField,
    }),
  compile: (c, ctx) => {
    const lexicon = ctx.lexicons[c.lexicon];
    if (!lexicon) throw new RuleReferenceError(`lexicon "${c.lexicon}" is not defined in the rule pack`);
    const candidate = ctx.candidate;
    if (!candidate) return () => false;
    const mentions = new TermMatcher(lexiconMentionTerms(candidate));
    const others = new TermMatcher(ctx.election.candidates.filter((o) => o.id !== candidate.id).flatMap(mentionTerms));
    const fields = fieldsOf(c.in);
    return (view, evidence) => {
      for (const field of fields) {
        const tokens = view.tokens(field);
        const roots = view.roots(field);
        const named = mentions.findAll(tokens, roots);
        if (named.length === 0 || others.first(tokens, roots) !== null) continue;
        const score = scoreWords(lexicon, opinionWords(view, field, named));
        if (score.partisan < c.min_score || lean(score, c.stance) < c.min_lean) continue;
        evidence.push({
          condition: 'lexicon',
          field,
          value: describeScore(score),
          spans: named.map((hit) => ({ field, start: hit.start, end: hit.end })),
          stance: c.stance,
        });
        return true;
      }
      return false;
    };
  },
  concernsCandidate: () => true,
  // Only a text that names the candidate is scored; without a candidate it never holds.
  gate: (c, ctx) =>
    ctx.candidate ? termsGate([new TermMatcher(lexiconMentionTerms(ctx.candidate))], fieldsOf(c.in)) : emptyGate(),
  explain: {
    id: (e) =>
      `kata-kata ${e.stance === 'against' ? 'cemooh' : 'pujian'} di dekat nama calon, dari leksikon berbobot (kata: bobot partisan/sikap): ${e.value} (kolom ${e.field})`,
    en: (e) =>
      `${e.stance === 'against' ? 'derision' : 'praise'} words beside the candidate's name, from the weighted lexicon (word: partisan/stance weight): ${e.value} (${e.field} column)`,
  },
  doc: {
    syntax: '`lexicon: NAME`, `stance: support\\|against`, `min_score: X`, `min_lean: Y`',
    trueWhen:
      "the text names the candidate and no other, its words' partisan weights sum to at least X, and their stance weights lean the given way by at least Y",
  },
};

/**
 * What counts as naming the candidate for a lexicon: names, aliases, hashtags and nicknames, but not a bare ballot
 * number, which in "rumah nomor 3" or "jam 03" names nobody. The learner finds posts through the same list.
 */
export function lexiconMentionTerms(candidate: Candidate): string[] {
  return ['names', 'aliases', 'hashtags', 'hashtags_against', 'nicknames_support', 'nicknames_against'].flatMap((ref) =>
    candidateTerms(candidate, ref),
  );
}

export interface LexiconScore {
  partisan: number;
  /** Log-odds of support over against: positive leans to support. */
  stance: number;
  /** The words found, strongest partisan weight first. */
  words: { word: string; partisan: number; stance: number }[];
}

/**
 * The words of a field a lexicon reads: each distinct word (its root when it has one) outside the candidate's
 * mentions, letters only, three or more. The learner (tools/lexicon) reads posts through this same function.
 */
export function opinionWords(view: ActivityView, field: TextField, mentions: readonly TermHit[]): string[] {
  const tokens = view.tokens(field);
  const roots = view.roots(field);
  const masked = new Set<number>();
  for (const hit of mentions) for (let i = hit.start; i < hit.end; i++) masked.add(i);
  const words = new Set<string>();
  tokens.forEach((token, i) => {
    if (masked.has(i)) return;
    const word = roots[i] ?? token;
    if (/^[a-z]{3,}$/.test(word)) words.add(word);
  });
  return [...words].sort();
}

export function scoreWords(lexicon: Lexicon, words: readonly string[]): LexiconScore {
  let partisan = 0;
  let stance = 0;
  const found: LexiconScore['words'] = [];
  for (const word of words) {
    const weights = Object.hasOwn(lexicon.terms, word) ? lexicon.terms[word] : undefined;
    if (!weights) continue;
    partisan += weights[0];
    stance += weights[1];
    found.push({ word, partisan: weights[0], stance: weights[1] });
  }
  found.sort((a, b) => b.partisan - a.partisan || compareCodeUnits(a.word, b.word));
  return { partisan, stance, words: found };
}

/** How far the score leans toward the wanted stance; negative when it leans the other way. */
function lean(score: LexiconScore, stance: Stance): number {
  return stance === 'support' ? score.stance : -score.stance;
}

function describeScore(score: LexiconScore): string {
  const signed = (n: number) => (n >= 0 ? `+${n.toFixed(2)}` : n.toFixed(2));
  const shown = score.words
    .slice(0, SHOWN_WORDS)
    .map((w) => `${w.word} ${signed(w.partisan)}/${signed(w.stance)}`)
    .join(', ');
  return `${shown}${score.words.length > SHOWN_WORDS ? ', …' : ''} (partisan ${signed(score.partisan)}, stance ${signed(score.stance)})`;
}
