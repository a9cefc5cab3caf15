// What one condition kind of the rule language is: its schema, how it compiles, whether it concerns a candidate, and its words.
import type { z } from 'zod';
import type { Candidate, Election, Lang, Stance } from '../../shared/types.js';
import type { ActivityView, TokenSpan } from '../activity-view.js';
import type { Gate } from '../gate.js';
import type { Lexicon } from '../rule-schema.js';
import type { TermMatcher } from '../term-matcher.js';
import type { Condition } from './index.js';

/** What a condition records when it holds: which part of it matched, in which field, on what value. */
export interface Evidence {
  condition: string;
  field: string;
  value: string;
  /** Where in the normalised text the words were found, so an exception can take them out; not reported. */
  spans?: TokenSpan[];
  /** The stance the words carry toward the candidate, for conditions that read one. */
  stance?: Stance;
}

/** A compiled condition: true when it holds for the activity; it pushes what matched onto `evidence`. */
export type Predicate = (view: ActivityView, evidence: Evidence[]) => boolean;

export interface CompileContext {
  election: Election;
  vocabulary: Readonly<Record<string, string[]>>;
  lexicons: Readonly<Record<string, Lexicon>>;
  /** The candidate the rule is being bound to, or null for a rule that concerns none. */
  candidate: Candidate | null;
  /** Builds the matcher of a term list, expanded for this candidate. */
  matcher: (terms: readonly string[]) => TermMatcher;
  /** Compiles a nested condition (for the combinators). */
  compile: (condition: Condition) => Predicate;
  /** The necessary words of a nested condition (for the combinators); null when it needs none. */
  gate: (condition: Condition) => Gate | null;
}

/** Questions a kind answers about a condition tree without compiling it. */
export interface TreeQueries {
  /** True when a term refers to the candidate, directly or through a vocabulary list. */
  refers: (term: string) => boolean;
  concernsCandidate: (condition: Condition) => boolean;
  activityTypes: (condition: Condition) => ReadonlySet<string> | null;
  timeBound: (condition: Condition) => boolean;
}

export interface ConditionKind<C> {
  /** The zod schema of the condition as written in a rule file; `condition` is the schema of any condition, for nesting. */
  schema: (condition: z.ZodType<Condition>) => z.ZodType<C>;
  compile: (condition: C, ctx: CompileContext) => Predicate;
  /** Whether the rule must be evaluated once per candidate because this condition speaks of "the" candidate. */
  concernsCandidate: (condition: C, tree: TreeQueries) => boolean;
  /** The activity types the condition can hold for at all; null = any. Lets the engine skip a rule by type. */
  activityTypes?: (condition: C, tree: TreeQueries) => ReadonlySet<string> | null;
  /**
   * Whether the condition can hold only at some times of the election (in its phases); absent: false. A rule with
   * no such condition and no candidate applies at any time, and `--since`/`--until` must not hide its findings.
   */
  timeBound?: (condition: C, tree: TreeQueries) => boolean;
  /**
   * Words at least one of which the act's text must hold for the condition to hold (gate.ts); absent or null: the
   * condition can hold whatever the text says. It must never leave out a word the condition can match on.
   */
  gate?: (condition: C, ctx: CompileContext) => Gate | null;
  /** How `explain` says what this kind's evidence means. */
  explain: Record<Lang, (evidence: Evidence) => string>;
  /** The row of the README's condition table (English): how it is written, and when it is true. */
  doc: { syntax: string; trueWhen: string };
}

/** The generic wording, for kinds that record no evidence of their own (types, platforms, has, the combinators) or need no more. */
export const GENERIC_EXPLAIN: ConditionKind<never>['explain'] = {
  id: (e) => `"${e.value}" di kolom ${e.field} (kondisi ${e.condition})`,
  en: (e) => `"${e.value}" in the ${e.field} column (condition ${e.condition})`,
};
