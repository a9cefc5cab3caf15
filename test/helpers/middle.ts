// A small election, activities and rule packs built in memory, for unit tests of the middle (src/rules, src/aggregate)
// without files or the CLI: the same normalisation and compilation a scan runs, on inputs a test names in one line.
import { normalizeActivity } from '../../src/normalize/activity.js';
import { prepareElection } from '../../src/load/election.js';
import { electionSchema } from '../../src/schemas/election-schema.js';
import { ActivityView } from '../../src/rules/activity-view.js';
import { type CompiledRule, compileRules } from '../../src/rules/compile.js';
import { type Condition, compileCondition, type Evidence } from '../../src/rules/conditions/index.js';
import { evaluate, type Evaluation } from '../../src/rules/evaluate.js';
import type { RulePack } from '../../src/rules/rule-pack.js';
import { type Lexicon, ruleSchema } from '../../src/rules/rule-schema.js';
import { textModelOf } from '../../src/rules/text-model.js';
import type { Activity, Candidate, Election } from '../../src/shared/types.js';

/**
 * Two pairs: `andi` (01, designated 2024-09-22) and `citra` (02, never designated), a campaign phase and a quiet
 * period. Andi counts from 2024-08-01: an act before it is not a violation toward him.
 */
export const ELECTION: Election = prepareElection(
  electionSchema.parse({
    name: 'Pilkada Uji 2024',
    timezone: 'Asia/Jakarta',
    phases: [
      { id: 'kampanye', from: '2024-09-25', to: '2024-11-23' },
      { id: 'tenang', from: '2024-11-24', to: '2024-11-26' },
    ],
    candidates: [
      {
        id: 'andi',
        number: 1,
        names: ['Andi Wijaya'],
        aliases: ['Bang Andi'],
        accounts: { instagram: ['andiwijaya'], x: ['andi_w'] },
        hashtags: ['#AndiMenang', { tag: '#AsalBukanAndi', stance: 'against' }],
        slogans: ['Kota Maju Bersama'],
        parties: ['Partai Bulan'],
        since: '2024-08-01',
        designated: '2024-09-22',
      },
      {
        id: 'citra',
        number: 2,
        names: ['Citra Lestari'],
        aliases: ['Bu Citra'],
        accounts: { instagram: ['citralestari'] },
        hashtags: ['#CitraJuara'],
        since: '2024-08-15',
      },
    ],
    campaign_accounts: [{ candidate: 'andi', platform: 'facebook', handle: 'relawanandi', kind: 'group' }],
    context: ['27 november'],
    parties: [{ name: 'Partai Bulan', aliases: ['PB'] }],
  }),
  'test-election.yaml',
  '0'.repeat(64),
);

export function candidate(id: string): Candidate {
  const found = ELECTION.candidates.find((c) => c.id === id);
  if (!found) throw new Error(`no candidate ${id} in the test election`);
  return found;
}

/**
 * Fields of a raw row; the rest default to an Instagram post of 2024-10-15 10:00 WIB (campaign, Andi designated).
 * `timestamp: ''` is an undated act, as a platform download that does not date likes gives it.
 */
export type Fields = Record<string, string>;
const DEFAULTS: Fields = { platform: 'instagram', account: 'asn_uji', type: 'post', timestamp: '2024-10-15 10:00' };

let nextLine = 0;
/** An activity as the scan normalises it, read from `uji.csv` at the given line (by default, the next one). */
export function activity(fields: Fields = {}, line = ++nextLine): Activity {
  const result = normalizeActivity(
    { source: { file: 'uji.csv', line }, fields: { ...DEFAULTS, ...fields }, undatedAllowed: fields.timestamp === '' },
    ELECTION.timeZone,
  );
  if (!result.ok) throw new Error(`not a valid activity: ${result.reason}`);
  return result.activity;
}

export const VOCABULARY: Record<string, string[]> = {
  pilih_kata: ['pilih', 'coblos'],
  nama_calon: ['$candidate.names'],
};

export const LEXICONS: Record<string, Lexicon> = {
  opini: { about: 'test lexicon', terms: { hebat: [2, 1.5], mantap: [1, 1], bodoh: [2, -2], gagal: [1.5, -1.5] } },
};

/** What one condition says of one activity, compiled for a candidate (or none). */
export function check(
  condition: Condition,
  fields: Fields,
  candidateId: string | null = null,
): { holds: boolean; evidence: Evidence[] } {
  const predicate = compileCondition(condition, {
    election: ELECTION,
    vocabulary: VOCABULARY,
    lexicons: LEXICONS,
    candidate: candidateId === null ? null : candidate(candidateId),
  });
  const evidence: Evidence[] = [];
  const holds = predicate(new ActivityView(activity(fields), ELECTION), evidence);
  return { holds, evidence };
}

/** A rule as in a rule file; what a test leaves out gets harmless defaults (examples are not run here). */
export function rule(fields: Record<string, unknown>) {
  return ruleSchema.parse({
    category: 'endorsement_post',
    basis: 'kode_etik',
    severity: 'medium',
    title: { id: 'Judul', en: 'Title' },
    message: { id: 'Pesan {candidate}', en: 'Message {candidate}' },
    legal: {
      kode_etik: { skb: 'KE1', sanction: 'sanksi_moral', refs: ['SKB 2/2022'] },
      disiplin: { skb: 'DS1', sanction: 'hukuman_disiplin_berat', refs: ['PP 94/2021'] },
    },
    examples: { match: [{ text: 'x' }], no_match: [{ text: 'y' }] },
    ...fields,
  });
}

export function pack(rules: Record<string, unknown>[]): RulePack {
  return {
    files: ['uji-rules.yaml'],
    sha256: '0'.repeat(64),
    rules: rules.map((r, index) => ({ rule: rule(r), file: 'uji-rules.yaml', index })),
    vocabulary: VOCABULARY,
    lexicons: LEXICONS,
  };
}

/** Compiles the rules and evaluates one activity, as the scan does (with the pack's text model). */
export function evaluateRules(
  rules: Record<string, unknown>[],
  fields: Fields,
  line?: number,
): Evaluation & { act: Activity } {
  const p = pack(rules);
  const compiled: CompiledRule[] = compileRules(p, ELECTION);
  const act = activity(fields, line);
  return { ...evaluate(new ActivityView(act, ELECTION, textModelOf(p, ELECTION)), compiled), act };
}
