// `other_candidates: N`: the text also names at least N other candidates (news that names every pair takes no side).
import { z } from 'zod';
import { mentionTerms } from '../references.js';
import { termsGate } from '../gate.js';
import { TermMatcher } from '../term-matcher.js';
import { type CompileContext, GENERIC_EXPLAIN, type ConditionKind } from './kind.js';
import { fieldsOf, inField, type InChoice } from './text-fields.js';

export type OtherCandidatesCondition = { other_candidates: number; in?: InChoice };

export const otherCandidatesKind: ConditionKind<OtherCandidatesCondition> = {
  schema: () => z.strictObject({ other_candidates: z.number().int().min(1), in: inField }),
  compile: (c, ctx) => {
    const others = otherMatchers(ctx);
    const fields = fieldsOf(c.in);
    return (view) => {
      let count = 0;
      for (const matcher of others)
        if (fields.some((f) => matcher.first(view.tokens(f), view.roots(f)) !== null)) count++;
      return count >= c.other_candidates;
    };
  },
  concernsCandidate: () => false,
  // At least one other candidate must be named (N is at least 1).
  gate: (c, ctx) => termsGate(otherMatchers(ctx), fieldsOf(c.in)),
  explain: GENERIC_EXPLAIN,
  doc: {
    syntax: '`other_candidates: N`',
    trueWhen: 'the text also names at least N other candidates (news naming every pair)',
  },
};

function otherMatchers(ctx: CompileContext): TermMatcher[] {
  return (
    ctx.election.candidates
      .filter((other) => other.id !== ctx.candidate?.id)
      // Every way of naming a pair counts, its hashtags and camp nicknames included: `#AniesSandi #AgusSilvy` names two.
      .map((other) => new TermMatcher(mentionTerms(other)))
  );
}
