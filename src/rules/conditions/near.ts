// `near: [[...], [...]]`, `within: N`: a term of each list occurs with at most N words between them.
import { z } from 'zod';
import { candidateTerms, mentionTerms } from '../references.js';
import { TermMatcher, type TermHit } from '../term-matcher.js';
import { narrowestGate, termsGate } from '../gate.js';
import type { ConditionKind } from './kind.js';
import { wordsEvidence } from './text-evidence.js';
import { fieldsOf, inField, term, type InChoice } from './text-fields.js';

export type NearCondition = { near: [string[], string[]]; within: number; in?: InChoice };

export const nearKind: ConditionKind<NearCondition> = {
  schema: () =>
    z.strictObject({
      near: z.tuple([z.array(term).min(1), z.array(term).min(1)]),
      within: z.number().int().min(0).max(50),
      in: inField,
    }),
  compile: (c, ctx) => {
    const left = ctx.matcher(c.near[0]);
    const right = ctx.matcher(c.near[1]);
    const fields = fieldsOf(c.in);
    // Bound to a candidate, a word belongs to the nearest mention: "@prabowo keliru #JokowiMenang" praises Jokowi only.
    const others = ctx.candidate
      ? new TermMatcher(
          ctx.election.candidates
            .filter((o) => o.id !== ctx.candidate!.id)
            .flatMap((o) => [...mentionTerms(o), ...candidateTerms(o, 'number')]),
        )
      : null;
    return (view, evidence) => {
      for (const field of fields) {
        const tokens = view.tokens(field);
        const roots = view.roots(field);
        const a = left.findAll(tokens, roots);
        if (a.length === 0) continue;
        const pair = closePair(a, right.findAll(tokens, roots), c.within, others?.findAll(tokens, roots) ?? []);
        if (pair) {
          evidence.push(wordsEvidence(view, 'near', field, pair));
          return true;
        }
      }
      return false;
    };
  },
  concernsCandidate: (c, tree) => [...c.near[0], ...c.near[1]].some(tree.refers),
  // A term of each list is needed, so either list's words are.
  gate: (c, ctx) => narrowestGate(c.near.map((terms) => termsGate([ctx.matcher(terms)], fieldsOf(c.in)))),
  explain: {
    id: (e) => `"${e.value.replace(' … ', '" dan "')}" muncul berdekatan di kolom ${e.field}`,
    en: (e) => `"${e.value.replace(' … ', '" and "')}" appear close together in the ${e.field} column`,
  },
  doc: {
    syntax: '`near: [[...], [...]]`, `within: N`',
    trueWhen: 'a term of each list occurs with at most N words between them',
  },
};

/**
 * Two hits, one from each side, with at most `within` tokens between them (in either order), and no other
 * candidate's mention between them or nearer to either hit. A word inside another candidate's mention is theirs:
 * the "menang" of "#JokowiMenangTotalDebat" is Jokowi's, however close "@prabowo" stands.
 */
function closePair(a: TermHit[], b: TermHit[], within: number, others: readonly TermHit[]): [TermHit, TermHit] | null {
  for (const x of a) {
    for (const y of b) {
      const d = gap(x, y);
      if (d > within) continue;
      if (others.some((o) => !overlaps(o, y) && (overlaps(o, x) || gap(o, x) < d || gap(o, y) < d))) continue;
      return [x, y];
    }
  }
  return null;
}

function gap(x: TermHit, y: TermHit): number {
  return x.end <= y.start ? y.start - x.end : y.end <= x.start ? x.start - y.end : 0;
}

function overlaps(a: TermHit, b: TermHit): boolean {
  return a.start < b.end && b.start < a.end;
}
