// The trace of one evaluation, for `explain --row`: which rules applied to the act, which condition of each held or
// failed and on which words, which exception cancelled a finding and how, and what the stance resolution did. It is
// recorded by evaluation itself (evaluate.ts calls these hooks, and every compiled condition is wrapped by
// `traced`), so it cannot tell a different story from the scan; without a tracer the wrappers only pass through.
import type { Candidate } from '../shared/types.js';
import type { ActivityView } from './activity-view.js';
import type { CompiledRule } from './compile.js';
import type { Condition, Evidence, Predicate } from './conditions/index.js';
import type { CancelReason, Evaluation, Match, TimeCheck } from './evaluate.js';

/** One condition as it was evaluated: whether it held, what it found, and its nested conditions that were evaluated. */
export interface TraceNode {
  condition: Condition;
  held: boolean;
  /** What the condition recorded (its own and its nested conditions'), even when a sibling later failed. */
  evidence: Evidence[];
  children: TraceNode[];
}

/** An `unless` (vetoes when it holds) or a qualifier (cancels only when nothing candidate-specific is left). */
export interface ExceptionTrace {
  kind: 'unless' | 'qualifier';
  condition: Condition;
  node: TraceNode | null;
  held: boolean;
  /** Qualifier that held: whether the rule still held with its words taken out (then it did not cancel). */
  stillHolds?: boolean;
  /** The evaluation of the rule with the qualifier's words taken out. */
  without?: TraceNode | null;
}

export type BindingOutcome =
  /** The act is before the candidate's `since` date: the rule was not evaluated toward them. */
  | { kind: 'before_since' }
  | { kind: 'no_match' }
  | { kind: 'finding'; match: Match }
  /** Another finding of the same category, candidate and stance said the same more strongly. */
  | { kind: 'merged'; match: Match; into: string }
  | { kind: 'cancelled'; match: Match; reason: CancelReason };

export interface BindingTrace {
  candidate: Candidate | null;
  time: TimeCheck | null;
  when: TraceNode | null;
  exceptions: ExceptionTrace[];
  outcome: BindingOutcome;
}

export interface RuleTrace {
  rule: CompiledRule;
  bindings: BindingTrace[];
}

/** Collects the trace of one `evaluate` call; pass it to `evaluate` and read `rules` and `skipped` afterwards. */
export class EvaluationTrace {
  readonly rules: RuleTrace[] = [];
  /** Rules whose activity types exclude this act's type: not evaluated at all. */
  readonly skipped: CompiledRule[] = [];
  private stack: TraceNode[][] = [];
  private readonly matchOf = new Map<Match, BindingTrace>();

  /** The view evaluation runs on while tracing: the same act, carrying this trace so the conditions record into it. */
  view(view: ActivityView): ActivityView {
    return view.withTrace(this);
  }

  skip(rule: CompiledRule): void {
    this.skipped.push(rule);
  }

  rule(rule: CompiledRule): RuleTrace {
    const trace: RuleTrace = { rule, bindings: [] };
    this.rules.push(trace);
    return trace;
  }

  binding(rule: RuleTrace, candidate: Candidate | null, time: TimeCheck | null): BindingTrace {
    const trace: BindingTrace = {
      candidate,
      time,
      when: null,
      exceptions: [],
      outcome: time === null ? { kind: 'before_since' } : { kind: 'no_match' },
    };
    rule.bindings.push(trace);
    return trace;
  }

  /** Runs a top-level predicate (a rule's `when`, an exception) and returns its result with its trace. */
  run(predicate: () => boolean): { held: boolean; node: TraceNode | null } {
    const roots: TraceNode[] = [];
    this.stack.push(roots);
    try {
      const held = predicate();
      return { held, node: roots[0] ?? null };
    } finally {
      this.stack.pop();
    }
  }

  /** Records one condition's evaluation under the condition being evaluated around it. */
  record(condition: Condition, evidence: Evidence[], evaluate: () => boolean): boolean {
    const node: TraceNode = { condition, held: false, evidence: [], children: [] };
    this.stack.at(-1)?.push(node);
    this.stack.push(node.children);
    const before = evidence.length;
    try {
      node.held = evaluate();
      node.evidence = evidence.slice(before);
    } finally {
      this.stack.pop();
    }
    return node.held;
  }

  matched(binding: BindingTrace, match: Match): void {
    binding.outcome = { kind: 'finding', match };
    this.matchOf.set(match, binding);
  }

  /** After resolution: which matches stood, which were cancelled (by an exception or a contrary finding) or merged. */
  finish(evaluation: Evaluation): void {
    const kept = new Set(evaluation.matches);
    for (const { match, reason } of evaluation.cancelled) {
      const binding = this.matchOf.get(match);
      if (binding) binding.outcome = { kind: 'cancelled', match, reason };
    }
    for (const [match, binding] of this.matchOf) {
      if (binding.outcome.kind !== 'finding' || kept.has(match)) continue;
      const into = evaluation.matches.find(
        (m) =>
          m.rule.rule.category === match.rule.rule.category &&
          m.candidate?.id === match.candidate?.id &&
          m.stance === match.stance,
      );
      binding.outcome = { kind: 'merged', match, into: into?.rule.rule.id ?? '' };
    }
  }
}

/** Wraps a compiled condition so that, when the view carries a trace, its evaluation is recorded. */
export function traced(condition: Condition, predicate: Predicate): Predicate {
  return (view, evidence) => {
    const trace = view.trace;
    if (!trace) return predicate(view, evidence);
    return trace.record(condition, evidence, () => predicate(view, evidence));
  };
}
