// Runs the compiled rules over one activity: what matched, with its evidence, stance and time check, and what an
// exception or a stronger contrary finding cancelled, so that no cancelled finding is silent.
import { confidenceRank, severityRank } from '../shared/types.js';
import type { Basis, Candidate, Confidence, Stance } from '../shared/types.js';
import type { ActivityView } from './activity-view.js';
import { type Condition, type Evidence, keyOf } from './conditions/index.js';
import type { CompiledRule } from './compile.js';
import type { Rule } from './rule-schema.js';
import { GateIndex } from './gate.js';
import type { BindingTrace, EvaluationTrace, ExceptionTrace } from './trace.js';

export interface Match {
  rule: CompiledRule;
  candidate: Candidate | null;
  /** For candidate rules with a stance: for or against the candidate. */
  stance: Stance | null;
  basis: Basis;
  confidence: Confidence;
  evidence: Evidence[];
  time: TimeCheck;
}

export type TimeCheck =
  | { kind: 'undated' }
  | { kind: 'no_candidate'; at: number }
  | { kind: 'bakal_calon'; at: number; since: number }
  | { kind: 'calon'; at: number; designated: number };

/** A finding the rule would have raised but did not, and why. */
export interface Cancellation {
  match: Match;
  reason: CancelReason;
}

export type CancelReason =
  /** An `unless` condition held and, once its words are taken out, the rule no longer holds (or it has no words). */
  | { kind: 'exception'; condition: string; matched: string }
  /** The same act gives a stronger finding of the opposite stance toward the same candidate. */
  | { kind: 'contradicted'; by: string };

export interface Evaluation {
  matches: Match[];
  cancelled: Cancellation[];
}

export function evaluateActivity(view: ActivityView, rules: readonly CompiledRule[]): Match[] {
  return evaluate(view, rules).matches;
}

export interface EvaluateOptions {
  /**
   * Skip a binding whose necessary words (gate.ts) the act does not hold, without running its conditions: the same
   * matches, cheaper. Default true; a traced evaluation runs every binding, so that explain shows each one failing.
   */
  gated?: boolean;
  /** Only the rules that apply at any time (`CompiledRule.anyTime`): an act outside `--since`/`--until`. */
  anyTimeOnly?: boolean;
}

/** The gate index of a rule list, by binding slot (rules in order, their bindings in order), built on first use. */
const gateIndexes = new WeakMap<readonly CompiledRule[], GateIndex>();

function gateIndexOf(rules: readonly CompiledRule[]): GateIndex {
  let index = gateIndexes.get(rules);
  if (!index) {
    index = new GateIndex(rules.flatMap((r) => r.bindings.map((b) => b.gate)));
    gateIndexes.set(rules, index);
  }
  return index;
}

/**
 * All findings of one act, and the ones cancelled. With a `trace` (explain --row), the same evaluation also records
 * every rule it applied, each condition that held or failed, each exception and the resolution (trace.ts).
 */
export function evaluate(
  view: ActivityView,
  rules: readonly CompiledRule[],
  trace?: EvaluationTrace,
  options: EvaluateOptions = {},
): Evaluation {
  const matches: Match[] = [];
  const cancelled: Cancellation[] = [];
  const type = view.activity.type;
  const on = trace ? trace.view(view) : view;
  const gates = !trace && options.gated !== false ? gateIndexOf(rules) : null;
  let marked = false;
  let slot = 0;
  for (const compiled of rules) {
    if ((compiled.types && !compiled.types.has(type)) || (options.anyTimeOnly && !compiled.anyTime)) {
      trace?.skip(compiled);
      slot += compiled.bindings.length;
      continue;
    }
    const ruleTrace = trace?.rule(compiled);
    for (const binding of compiled.bindings) {
      const bindingSlot = slot++;
      const time = timeCheck(view.time, binding.candidate);
      const bindingTrace = ruleTrace && trace!.binding(ruleTrace, binding.candidate, time);
      // Acts before the candidate's `since` date are not violations toward them (an old photo with an official who later ran).
      if (time === null) continue;
      if (gates && binding.gate) {
        // The act's words are looked up once, at the first binding that has a gate.
        if (!marked) {
          gates.mark(view);
          marked = true;
        }
        if (!gates.isOpen(bindingSlot)) continue;
      }
      const evidence: Evidence[] = [];
      if (!holds(trace, bindingTrace, () => binding.when(on, evidence))) continue;
      const match: Match = {
        rule: compiled,
        candidate: binding.candidate,
        stance: binding.candidate ? (compiled.rule.stance ?? null) : null,
        basis: basisOf(compiled.rule.basis, time),
        confidence: time.kind === 'undated' ? 'low' : compiled.rule.confidence,
        evidence: dedupe(evidence),
        time,
      };
      if (bindingTrace) trace!.matched(bindingTrace, match);
      const exception = applyingException(on, binding, compiled, trace, bindingTrace);
      if (exception) cancelled.push({ match, reason: exception });
      else matches.push(match);
    }
  }
  const evaluation = {
    matches: strongestPerGround(resolveSupport(resolveStances(matches, cancelled), cancelled)),
    cancelled,
  };
  trace?.finish(evaluation);
  return evaluation;
}

/** Runs a rule's `when`, recording its trace when tracing. */
function holds(trace: EvaluationTrace | undefined, binding: BindingTrace | undefined, when: () => boolean): boolean {
  if (!trace || !binding) return when();
  const { held, node } = trace.run(when);
  binding.when = node;
  return held;
}

/**
 * The first exception that cancels the finding. An `unless` condition cancels whenever it holds. A qualifier (a
 * civic phrase, "RW 02") cancels only when the rule no longer holds with its words taken out, so "Jangan golput!
 * Coblos 03" stays a finding; a qualifier that holds without words to take out cancels like an `unless`.
 */
function applyingException(
  view: ActivityView,
  binding: CompiledRule['bindings'][number],
  compiled: CompiledRule,
  trace?: EvaluationTrace,
  bindingTrace?: BindingTrace,
): CancelReason | null {
  const { rule } = compiled;
  // Traced, each exception is run through the trace and recorded; the decisions are the same either way.
  const run = (predicate: () => boolean) => (trace ? trace.run(predicate) : { held: predicate(), node: null });
  for (const [index, exception] of binding.unless.entries()) {
    const found: Evidence[] = [];
    const { held, node } = run(() => exception(view, found));
    bindingTrace?.exceptions.push({ kind: 'unless', condition: rule.unless[index]!, node, held });
    if (held) return cancelledBy(rule.unless[index]!, found);
  }
  for (const [index, qualifier] of binding.qualifiers.entries()) {
    const found: Evidence[] = [];
    const { held, node } = run(() => qualifier(view, found));
    const record: ExceptionTrace = { kind: 'qualifier', condition: rule.qualifiers[index]!, node, held };
    bindingTrace?.exceptions.push(record);
    if (!held) continue;
    const spans = found.flatMap((e) => e.spans ?? []);
    if (spans.length > 0) {
      const left = run(() => binding.when(view.without(spans), []));
      record.stillHolds = left.held;
      record.without = left.node;
      if (left.held) continue;
    }
    return cancelledBy(rule.qualifiers[index]!, found);
  }
  return null;
}

function cancelledBy(condition: Condition, found: readonly Evidence[]): CancelReason {
  return { kind: 'exception', condition: keyOf(condition), matched: found.map((e) => e.value).join(', ') };
}

/**
 * One act never says both that a person supports a candidate and that they campaign against them: the stance of
 * the strongest finding stands (by confidence; on a tie, the explicit negation of "jangan pilih 03" outweighs the
 * "pilih 03" it negates), and the findings of the other stance are cancelled, naming the finding that outweighed them.
 */
function resolveStances(matches: Match[], cancelled: Cancellation[]): Match[] {
  const winner = new Map<string, Match>();
  for (const m of matches) {
    if (m.stance === null || m.candidate === null) continue;
    const best = winner.get(m.candidate.id);
    if (!best || outweighs(m, best)) winner.set(m.candidate.id, m);
  }
  const kept: Match[] = [];
  for (const m of matches) {
    const best = m.candidate && m.stance ? winner.get(m.candidate.id) : undefined;
    if (best && best.stance !== m.stance)
      cancelled.push({ match: m, reason: { kind: 'contradicted', by: best.rule.rule.id } });
    else kept.push(m);
  }
  return kept;
}

/**
 * Support for two candidates in one act is only believable when it is equally certain: "pilih 02, jokowi ngemis
 * gaji" is a call for 02 that names 01, and the mere mention of 01 must not become support of 01 too. Support
 * findings less certain than the act's most certain one are cancelled, naming it.
 */
function resolveSupport(matches: Match[], cancelled: Cancellation[]): Match[] {
  let best: Match | null = null;
  for (const m of matches)
    if (
      m.stance === 'support' &&
      m.candidate &&
      (!best || confidenceRank(m.confidence) > confidenceRank(best.confidence))
    )
      best = m;
  if (!best) return matches;
  const top = best;
  return matches.filter((m) => {
    const weaker =
      m.stance === 'support' &&
      m.candidate !== null &&
      m.candidate.id !== top.candidate!.id &&
      confidenceRank(m.confidence) < confidenceRank(top.confidence);
    if (weaker) cancelled.push({ match: m, reason: { kind: 'contradicted', by: top.rule.rule.id } });
    return !weaker;
  });
}

/**
 * One finding per ground: when several rules of one category say the same of one act (a call to vote that also
 * carries the campaign hashtag and names the candidate), the most severe and most certain stands. The others add
 * nothing a reviewer needs and are not cancellations: nothing was excused.
 */
function strongestPerGround(matches: Match[]): Match[] {
  const best = new Map<string, Match>();
  for (const m of matches) {
    const key = `${m.rule.rule.category}\u0000${m.candidate?.id ?? ''}\u0000${m.stance ?? ''}`;
    const current = best.get(key);
    if (!current || stronger(m, current)) best.set(key, m);
  }
  const kept = new Set(best.values());
  return matches.filter((m) => kept.has(m));
}

function stronger(a: Match, b: Match): boolean {
  const bySeverity = severityRank(a.rule.rule.severity) - severityRank(b.rule.rule.severity);
  if (bySeverity !== 0) return bySeverity > 0;
  return confidenceRank(a.confidence) > confidenceRank(b.confidence);
}

function outweighs(a: Match, b: Match): boolean {
  const byConfidence = confidenceRank(a.confidence) - confidenceRank(b.confidence);
  if (byConfidence !== 0) return byConfidence > 0;
  return a.stance === 'against' && b.stance === 'support';
}

function timeCheck(at: number | null, candidate: Candidate | null): TimeCheck | null {
  if (at === null) return { kind: 'undated' };
  if (!candidate) return { kind: 'no_candidate', at };
  if (at < candidate.since) return null;
  if (candidate.designated !== null && at >= candidate.designated)
    return { kind: 'calon', at, designated: candidate.designated };
  return { kind: 'bakal_calon', at, since: candidate.since };
}

/** The same act is kode etik toward a bakal calon and disiplin toward a designated calon (domain.md §2–3). */
function basisOf(ruleBasis: Rule['basis'], time: TimeCheck): Basis {
  if (ruleBasis !== 'by_status') return ruleBasis;
  // Undated acts cannot be placed after designation, so they get the milder track; the evidence says so.
  return time.kind === 'calon' ? 'disiplin' : 'kode_etik';
}

function dedupe(evidence: Evidence[]): Evidence[] {
  const seen = new Set<string>();
  return evidence.filter((e) => {
    const key = `${e.condition}|${e.field}|${e.value}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
