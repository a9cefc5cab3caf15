// The real default rule pack, compiled once for an election file, as a function from one act to its findings:
// what `scan` would report for it (the same normaliser, compiled rules and evaluation), in process.
import { resolve } from 'node:path';
import { loadElection } from '../../src/load/election.js';
import { normalizeActivity } from '../../src/normalize/activity.js';
import { ActivityView } from '../../src/rules/activity-view.js';
import { compileRules } from '../../src/rules/compile.js';
import { evaluate, type Evaluation } from '../../src/rules/evaluate.js';
import { loadRulePack } from '../../src/rules/rule-pack.js';
import { textModelOf } from '../../src/rules/text-model.js';

export const ROOT = resolve(import.meta.dirname, '../..');

export interface Act {
  text?: string;
  type?: string;
  /** The account the act was aimed at (a like, a comment, a follow). */
  target?: string;
  platform?: string;
  timestamp?: string;
}

export type Engine = (act: Act) => Evaluation;

export async function stanceEngine(electionFile: string): Promise<Engine> {
  const election = await loadElection(resolve(ROOT, electionFile));
  const pack = await loadRulePack([resolve(ROOT, 'rules')]);
  const rules = compileRules(pack, election);
  const text = textModelOf(pack, election);
  return (act) => {
    const fields: Record<string, string> = {
      platform: act.platform ?? 'instagram',
      account: 'asn_uji',
      type: act.type ?? 'post',
      timestamp: act.timestamp ?? '2024-10-15 10:00',
      text: act.text ?? '',
    };
    if (act.target) fields.target_account = act.target;
    const normalized = normalizeActivity({ source: { file: 'case', line: 1 }, fields }, election.timeZone);
    if (!normalized.ok) throw new Error(`not a valid act: ${normalized.reason} (${JSON.stringify(act)})`);
    return evaluate(new ActivityView(normalized.activity, election, text), rules);
  };
}

/** The findings of an act as a sorted set of `candidate/stance`. */
export function stanceSet(evaluation: Evaluation): string[] {
  return [...new Set(evaluation.matches.map((m) => `${m.candidate?.id ?? '-'}/${m.stance ?? '-'}`))].sort();
}
