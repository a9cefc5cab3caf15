// Binds a rule pack to an election: each rule becomes one predicate per candidate it can concern (or one without).
import type { Rule } from './rule-schema.js';
import type { Candidate, Election } from '../shared/types.js';
import { AuditError, type Problem } from '../shared/errors.js';
import {
  activityTypesOf,
  conditionCompiler,
  concernsCandidate,
  type Predicate,
  timeBound,
} from './conditions/index.js';
import type { Gate } from './gate.js';
import { refersToCandidate, RuleReferenceError } from './references.js';
import type { PackRule, RulePack } from './rule-pack.js';

export interface Binding {
  candidate: Candidate | null;
  when: Predicate;
  /** Words at least one of which the act must hold for `when` to hold; null when it can hold without (gate.ts). */
  gate: Gate | null;
  unless: Predicate[];
  qualifiers: Predicate[];
}

export interface CompiledRule {
  rule: Rule;
  file: string;
  /** Activity types the rule can match at all (from its `types` conditions); null = any. */
  types: ReadonlySet<string> | null;
  /**
   * The rule concerns no candidate and none of its conditions depends on the phase: it applies at any time (party
   * membership), so `--since`/`--until` never hide its findings.
   */
  anyTime: boolean;
  bindings: Binding[];
}

export function compileRules(pack: RulePack, election: Election): CompiledRule[] {
  const problems: Problem[] = [];
  const compiled: CompiledRule[] = [];
  for (const entry of pack.rules) {
    try {
      compiled.push(compileRule(entry, pack, election));
    } catch (error) {
      if (!(error instanceof RuleReferenceError)) throw error;
      problems.push({ file: entry.file, field: `rules[${entry.index}] (${entry.rule.id})`, message: error.message });
    }
  }
  if (problems.length > 0) throw new AuditError(problems);
  return compiled;
}

function compileRule(entry: PackRule, pack: RulePack, election: Election): CompiledRule {
  const { rule } = entry;
  const refers = (term: string) => termRefersToCandidate(term, pack.vocabulary, 0);
  const bound =
    concernsCandidate(rule.when, refers) ||
    [...rule.unless, ...rule.qualifiers].some((c) => concernsCandidate(c, refers));
  if (rule.basis === 'by_status' && !bound) {
    throw new RuleReferenceError(
      'basis "by_status" needs a rule that concerns a candidate (a $candidate reference or a target condition)',
    );
  }
  const candidates: (Candidate | null)[] = bound ? election.candidates : [null];
  const bindings = candidates.map((candidate) => {
    const compiler = conditionCompiler({ election, vocabulary: pack.vocabulary, lexicons: pack.lexicons, candidate });
    return {
      candidate,
      when: compiler.compile(rule.when),
      gate: compiler.gate(rule.when),
      unless: rule.unless.map(compiler.compile),
      qualifiers: rule.qualifiers.map(compiler.compile),
    };
  });
  const anyTime = !bound && ![rule.when, ...rule.unless, ...rule.qualifiers].some(timeBound);
  return { rule, file: entry.file, types: activityTypesOf(rule.when), anyTime, bindings };
}

/** A term refers to the candidate directly, or through a vocabulary list that does. */
function termRefersToCandidate(term: string, vocabulary: Readonly<Record<string, string[]>>, depth: number): boolean {
  if (refersToCandidate(term)) return true;
  if (!term.startsWith('@') || depth > 8) return false;
  return (vocabulary[term.slice(1)] ?? []).some((t) => termRefersToCandidate(t, vocabulary, depth + 1));
}
