// Runs the examples every rule carries: each `match` example must raise the rule, each `no_match` example must not.
import type { RuleExample } from './rule-schema.js';
import type { Election, ExampleProblem } from '../shared/types.js';
import { normalizeActivity } from '../normalize/activity.js';
import type { RawRow } from '../shared/types.js';
import { compileRules, type CompiledRule } from './compile.js';
import { ActivityView, type TextModel } from './activity-view.js';
import { textModelOf } from './text-model.js';
import { evaluateActivity } from './evaluate.js';
import type { RulePack } from './rule-pack.js';

export interface ExampleFailure {
  rule: string;
  file: string;
  kind: 'match' | 'no_match';
  index: number;
  example: RuleExample;
  problem: ExampleProblem;
}

export interface ExampleOutcome {
  rules: number;
  examples: number;
  failures: ExampleFailure[];
}

/** Default fields of an example: an Instagram post by a monitored ASN during the campaign. */
const DEFAULTS = { platform: 'instagram', account: 'contoh_asn', type: 'post', timestamp: '2024-10-15 10:00' };

/** One example of one rule, ready to check: what `rules test` runs, and what `npm test` names one test after. */
export interface ExampleCase {
  rule: string;
  file: string;
  kind: 'match' | 'no_match';
  index: number;
  example: RuleExample;
  /** Null when the example holds, else what went wrong. */
  check: () => ExampleProblem | null;
}

/** Every example of every rule of the pack, in pack order (match examples of a rule before its no_match ones). */
export function exampleCases(pack: RulePack, election: Election): { rules: number; cases: ExampleCase[] } {
  const compiled = compileRules(pack, election);
  const text = textModelOf(pack, election);
  const cases: ExampleCase[] = [];
  for (const rule of compiled) {
    for (const kind of ['match', 'no_match'] as const) {
      rule.rule.examples[kind].forEach((example, index) => {
        cases.push({
          rule: rule.rule.id,
          file: rule.file,
          kind,
          index,
          example,
          check: () => checkExample(example, kind, rule, election, text),
        });
      });
    }
  }
  return { rules: compiled.length, cases };
}

export function runExamples(pack: RulePack, election: Election): ExampleOutcome {
  const { rules, cases } = exampleCases(pack, election);
  const failures: ExampleFailure[] = [];
  for (const c of cases) {
    const problem = c.check();
    if (problem)
      failures.push({ rule: c.rule, file: c.file, kind: c.kind, index: c.index, example: c.example, problem });
  }
  return { rules, examples: cases.length, failures };
}

/** The words an example is shown by: its text, else the first other field that carries what it is about. */
export function exampleText(example: RuleExample): string {
  return example.text ?? example.target_text ?? example.event ?? example.tags ?? '';
}

/** How an example is named in `rules test` output and in the test suite: `<rule id> no_match[5] "<text>"`. */
export function exampleName(c: Pick<ExampleCase, 'rule' | 'kind' | 'index' | 'example'>): string {
  return `${c.rule} ${c.kind}[${c.index}] ${JSON.stringify(exampleText(c.example))}`;
}

function checkExample(
  example: RuleExample,
  kind: 'match' | 'no_match',
  rule: CompiledRule,
  election: Election,
  text: TextModel,
): ExampleProblem | null {
  const fields: Record<string, string> = { ...DEFAULTS };
  for (const [key, value] of Object.entries(example))
    if (key !== 'note' && key !== 'candidate' && value !== undefined) fields[key] = value;
  const row: RawRow = { source: { file: 'example', line: 1 }, fields };
  const normalized = normalizeActivity(row, election.timeZone);
  if (!normalized.ok) return { code: 'not_an_activity', reason: normalized.reason };
  const matches = evaluateActivity(new ActivityView(normalized.activity, election, text), [rule]);
  if (kind === 'no_match') {
    if (matches.length === 0) return null;
    const candidates = matches.map((m) => m.candidate?.id ?? '-');
    return { code: 'matched_but_must_not', candidates, evidence: matches[0]!.evidence.map((e) => e.value) };
  }
  if (matches.length === 0) return { code: 'did_not_match' };
  if (example.candidate && !matches.some((m) => m.candidate?.id === example.candidate))
    return { code: 'wrong_candidate', got: matches.map((m) => m.candidate?.id ?? '-'), expected: example.candidate };
  return null;
}
