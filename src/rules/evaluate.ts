// Runs the compiled rules over one activity and returns what matched, with the evidence and the time check.
import type { Candidate } from '../shared/types.js';
import type { Basis, Confidence } from '../shared/types.js';
import type { ActivityView } from './activity-view.js';
import type { Evidence } from './conditions/index.js';
import type { CompiledRule } from './compile.js';

export interface Match {
  rule: CompiledRule;
  candidate: Candidate | null;
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

export function evaluateActivity(view: ActivityView, rules: readonly CompiledRule[]): Match[] {
  const matches: Match[] = [];
  const type = view.activity.type;
  for (const compiled of rules) {
    if (compiled.types && !compiled.types.has(type)) continue;
    for (const binding of compiled.bindings) {
      const time = timeCheck(view.time, binding.candidate);
      // Acts before the candidate's `since` date are not violations toward them (an old photo with an official who later ran).
      if (time === null) continue;
      const evidence: Evidence[] = [];
      if (!binding.when(view, evidence)) continue;
      if (binding.unless.some((exception) => exception(view, []))) continue;
      matches.push({
        rule: compiled,
        candidate: binding.candidate,
        basis: basisOf(compiled.rule.basis, time),
        confidence: time.kind === 'undated' ? 'low' : compiled.rule.confidence,
        evidence: dedupe(evidence),
        time,
      });
    }
  }
  return matches;
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
function basisOf(ruleBasis: 'kode_etik' | 'disiplin' | 'by_status', time: TimeCheck): Basis {
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
