// `other_candidates: N`: the text also names at least N other candidates (news that names every pair takes no side).
// With `by: hashtags`, only other candidates' campaign hashtags written as hashtags count: a campaign hashtag beside
// a rival's name is how posts take a side ("… dipimpin @jokowi #YourTurnBro"), beside a rival's hashtag it is not.
import { z } from 'zod';
import { hashtagKey } from '../activity-view.js';
import { hashtagsGate, termsGate } from '../gate.js';
import { candidateTerms, mentionTerms } from '../references.js';
import { TermMatcher } from '../term-matcher.js';
import { type CompileContext, GENERIC_EXPLAIN, type ConditionKind } from './kind.js';
import { fieldsOf, inField, type InChoice } from './text-fields.js';

const BY = ['mentions', 'hashtags'] as const;

export type OtherCandidatesCondition = { other_candidates: number; by?: (typeof BY)[number]; in?: InChoice };

export const otherCandidatesKind: ConditionKind<OtherCandidatesCondition> = {
  schema: () => z.strictObject({ other_candidates: z.number().int().min(1), by: z.enum(BY).optional(), in: inField }),
  compile: (c, ctx) => {
    const fields = fieldsOf(c.in);
    if (c.by === 'hashtags') {
      const others = otherHashtags(ctx);
      return (view) =>
        others.filter((tags) => fields.some((f) => hasAny(view.hashtags(f), tags))).length >= c.other_candidates;
    }
    const others = otherMatchers(ctx);
    return (view) => {
      let count = 0;
      for (const matcher of others)
        if (fields.some((f) => matcher.first(view.tokens(f), view.roots(f)) !== null)) count++;
      return count >= c.other_candidates;
    };
  },
  concernsCandidate: () => false,
  // At least one other candidate must be named (N is at least 1).
  gate: (c, ctx) =>
    c.by === 'hashtags'
      ? hashtagsGate(new Set(otherHashtags(ctx).flatMap((tags) => [...tags])), fieldsOf(c.in))
      : termsGate(otherMatchers(ctx), fieldsOf(c.in)),
  explain: GENERIC_EXPLAIN,
  doc: {
    syntax: '`other_candidates: N`, optional `by: mentions\\|hashtags`',
    trueWhen:
      'the text also names at least N other candidates (news naming every pair); `by: hashtags`: carries the campaign hashtags of N others',
  },
};

function others(ctx: CompileContext) {
  return ctx.election.candidates.filter((other) => other.id !== ctx.candidate?.id);
}

function otherMatchers(ctx: CompileContext): TermMatcher[] {
  // Every way of naming a pair counts, its hashtags and camp nicknames included: `#AniesSandi #AgusSilvy` names two.
  return others(ctx).map((other) => new TermMatcher(mentionTerms(other)));
}

/** Each other candidate's own campaign hashtags, as hashtag keys; a hashtag against a rival takes the same side. */
function otherHashtags(ctx: CompileContext): ReadonlySet<string>[] {
  return others(ctx).map((other) => new Set(candidateTerms(other, 'hashtags').map(hashtagKey)));
}

function hasAny(found: ReadonlySet<string>, wanted: ReadonlySet<string>): boolean {
  for (const tag of found) if (wanted.has(tag)) return true;
  return false;
}
