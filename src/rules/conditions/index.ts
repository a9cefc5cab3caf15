// The condition kinds of the rule language, registered once: the rule schema, the compiler, the candidate binding,
// the type pre-filter, explain's wording and the README table all derive from this registry.
import { z } from 'zod';
import type { Lang } from '../../shared/types.js';
import { expandTerms } from '../references.js';
import { TermMatcher } from '../term-matcher.js';
import { traced } from '../trace.js';
import { type AllCondition, allKind } from './all.js';
import { type AnyCondition, anyKind } from './any.js';
import { type CallCondition, callKind } from './call.js';
import { type HashtagsCondition, hashtagsKind } from './hashtags.js';
import { type HasCondition, hasKind } from './has.js';
import {
  type CompileContext,
  type ConditionKind,
  type Evidence,
  GENERIC_EXPLAIN,
  type Predicate,
  type TreeQueries,
} from './kind.js';
import { type LexiconCondition, lexiconKind } from './lexicon.js';
import { type NearCondition, nearKind } from './near.js';
import { type NotCondition, notKind } from './not.js';
import { type OtherCandidatesCondition, otherCandidatesKind } from './other-candidates.js';
import { type PhasesCondition, phasesKind } from './phases.js';
import { type PlatformsCondition, platformsKind } from './platforms.js';
import { type TagsCondition, tagsKind } from './tags.js';
import { type TargetCondition, targetKind } from './target.js';
import { type TermsCondition, termsKind } from './terms.js';
import { type TypesCondition, typesKind } from './types.js';

export type { CompileContext, Evidence, Predicate } from './kind.js';

/** Each kind by the key that names it in a rule file. Adding a kind: its file, one line here, one in CONDITION_KINDS. */
interface ConditionsByKey {
  all: AllCondition;
  any: AnyCondition;
  not: NotCondition;
  terms: TermsCondition;
  near: NearCondition;
  call: CallCondition;
  lexicon: LexiconCondition;
  tags: TagsCondition;
  hashtags: HashtagsCondition;
  target: TargetCondition;
  types: TypesCondition;
  platforms: PlatformsCondition;
  phases: PhasesCondition;
  other_candidates: OtherCandidatesCondition;
  has: HasCondition;
}

export type ConditionKey = keyof ConditionsByKey;
export type Condition = ConditionsByKey[ConditionKey];

/** Exhaustive: a key of ConditionsByKey without its kind here, or the other way round, does not compile. */
export const CONDITION_KINDS: { readonly [K in ConditionKey]: ConditionKind<ConditionsByKey[K]> } = {
  all: allKind,
  any: anyKind,
  not: notKind,
  terms: termsKind,
  near: nearKind,
  call: callKind,
  lexicon: lexiconKind,
  tags: tagsKind,
  hashtags: hashtagsKind,
  target: targetKind,
  types: typesKind,
  platforms: platformsKind,
  phases: phasesKind,
  other_candidates: otherCandidatesKind,
  has: hasKind,
};

const KEYS = Object.keys(CONDITION_KINDS) as ConditionKey[];

/** The key of the kind a (schema-valid) condition is written in. */
export function keyOf(condition: Condition): ConditionKey {
  const key = KEYS.find((k) => Object.hasOwn(condition, k));
  if (!key) throw new Error(`not a condition: ${JSON.stringify(condition)}`);
  return key;
}

// The kind of a condition, with the condition's type and the kind's parameter tied together for the call.
function kindOf<K extends ConditionKey>(condition: ConditionsByKey[K]): ConditionKind<ConditionsByKey[K]> {
  return CONDITION_KINDS[keyOf(condition) as K] as ConditionKind<ConditionsByKey[K]>;
}

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union(KEYS.map((key) => CONDITION_KINDS[key].schema(conditionSchema)) as [z.ZodType, z.ZodType, ...z.ZodType[]]),
) as z.ZodType<Condition>;

export type BindingContext = Omit<CompileContext, 'compile' | 'matcher' | 'gate'>;

/** Compiles a condition tree into a predicate over one activity, for the context's candidate (or none). */
export function compileCondition(condition: Condition, ctx: BindingContext): Predicate {
  return conditionCompiler(ctx).compile(condition);
}

/**
 * Compiles condition trees for one candidate (or none): their predicates and their necessary words (gate.ts). A
 * term list's matcher is built once and shared by both, as the gate's words are the matcher's first tokens.
 */
export function conditionCompiler(ctx: BindingContext): Pick<CompileContext, 'compile' | 'gate'> {
  const matchers = new Map<readonly string[], TermMatcher>();
  const full: CompileContext = {
    ...ctx,
    // Every condition, nested ones included, is wrapped so that a traced evaluation records it (trace.ts).
    compile: (c) => traced(c, kindOf(c).compile(c, full)),
    gate: (c) => kindOf(c).gate?.(c, full) ?? null,
    matcher: (terms) => {
      let matcher = matchers.get(terms);
      if (!matcher) {
        matcher = new TermMatcher(expandTerms(terms, ctx.election, ctx.vocabulary, ctx.candidate));
        matchers.set(terms, matcher);
      }
      return matcher;
    },
  };
  return { compile: full.compile, gate: full.gate };
}

function treeQueries(refers: (term: string) => boolean): TreeQueries {
  const tree: TreeQueries = {
    refers,
    concernsCandidate: (c) => kindOf(c).concernsCandidate(c, tree),
    activityTypes: (c) => kindOf(c).activityTypes?.(c, tree) ?? null,
    timeBound: (c) => kindOf(c).timeBound?.(c, tree) ?? false,
  };
  return tree;
}

/** Whether a condition speaks of "the" candidate, so that its rule is evaluated once per candidate. */
export function concernsCandidate(condition: Condition, refers: (term: string) => boolean): boolean {
  return treeQueries(refers).concernsCandidate(condition);
}

/** Whether a condition holds only at some times of the election (a `phases` condition anywhere in it). */
export function timeBound(condition: Condition): boolean {
  return treeQueries(() => false).timeBound(condition);
}

/** The activity types a condition can hold for at all; null = any. */
export function activityTypesOf(condition: Condition): ReadonlySet<string> | null {
  return treeQueries(() => false).activityTypes(condition);
}

/** What a piece of evidence means, as `explain` says it. */
export function explainEvidence(evidence: Evidence, lang: Lang): string {
  const key = KEYS.find((k) => k === evidence.condition);
  return (key ? CONDITION_KINDS[key].explain : GENERIC_EXPLAIN)[lang](evidence);
}

/** The README's condition table, generated so that it cannot drift from the registry. */
export function conditionTable(): string {
  const rows = KEYS.map((key) => `| ${CONDITION_KINDS[key].doc.syntax} | ${CONDITION_KINDS[key].doc.trueWhen} |`);
  return ['| condition | true when |', '| --- | --- |', ...rows].join('\n');
}
