// Each condition kind of the registry, on its own: cases keyed by the registry's kinds, so a kind without cases (one
// added to src/rules/conditions/index.ts and not here) fails both the typecheck and the test below.
import { describe, expect, it } from 'vitest';
import { CONDITION_KINDS, type Condition, type ConditionKey } from '../../src/rules/conditions/index.js';
import { check, type Fields } from '../helpers/middle.js';

interface Case {
  name: string;
  condition: Condition;
  fields: Fields;
  /** The candidate the condition is compiled for; none when left out. */
  candidate?: string;
  holds: boolean;
  /** When it holds: the `condition field value` of each piece of evidence, in order. */
  evidence?: string[];
}

const call = (stance: 'support' | 'against'): Condition => ({
  call: [
    ['pilih', 'coblos'],
    ['$candidate.names', '$candidate.numbers'],
  ],
  within: 3,
  negations: ['jangan'],
  stance,
});
const lexicon = (stance: 'support' | 'against'): Condition => ({
  lexicon: 'opini',
  stance,
  min_score: 2,
  min_lean: 1,
});

const CASES: { [K in ConditionKey]: Case[] } = {
  all: [
    {
      name: 'every part holds: the evidence of each',
      condition: { all: [{ types: ['post'] }, { terms: ['coblos'] }, { phases: ['kampanye'] }] },
      fields: { text: 'Ayo coblos!' },
      holds: true,
      evidence: ['terms text coblos', 'phases timestamp kampanye'],
    },
    {
      name: 'one part fails: no evidence of the parts that held',
      condition: { all: [{ terms: ['coblos'] }, { types: ['comment'] }] },
      fields: { text: 'Ayo coblos!' },
      holds: false,
    },
  ],
  any: [
    {
      name: 'one part holds',
      condition: { any: [{ terms: ['dukung'] }, { terms: ['coblos'] }] },
      fields: { text: 'Ayo coblos!' },
      holds: true,
      evidence: ['terms text coblos'],
    },
    {
      name: 'no part holds',
      condition: { any: [{ terms: ['dukung'] }, { types: ['comment'] }] },
      fields: { text: 'Ayo coblos!' },
      holds: false,
    },
  ],
  not: [
    {
      name: 'the nested condition fails: holds, with no evidence of its own',
      condition: { not: { terms: ['golput'] } },
      fields: { text: 'Ayo coblos!' },
      holds: true,
      evidence: [],
    },
    {
      name: 'the nested condition holds',
      condition: { not: { terms: ['coblos'] } },
      fields: { text: 'Ayo coblos!' },
      holds: false,
    },
  ],
  terms: [
    {
      name: 'a term in the normalised text (case, leetspeak)',
      condition: { terms: ['coblos'] },
      fields: { text: 'Ayo C0BL0S!' },
      holds: true,
      evidence: ['terms text coblos'],
    },
    {
      name: 'only on word boundaries',
      condition: { terms: ['pilih'] },
      fields: { text: 'pemilihan ketua RT' },
      holds: false,
    },
    {
      name: 'a $candidate reference, for that candidate',
      condition: { terms: ['$candidate.aliases'] },
      fields: { text: 'Salam dari bang andi' },
      candidate: 'andi',
      holds: true,
      evidence: ['terms text Bang Andi'],
    },
    {
      name: 'a $candidate reference, for another candidate',
      condition: { terms: ['$candidate.aliases'] },
      fields: { text: 'Salam dari bang andi' },
      candidate: 'citra',
      holds: false,
    },
    {
      name: 'a vocabulary list, in the field `in` names',
      condition: { terms: ['@pilih_kata'], in: 'target_text' },
      fields: { type: 'comment', text: 'setuju', target_text: 'pilih dia' },
      holds: true,
      evidence: ['terms target_text pilih'],
    },
    {
      name: 'not in a field `in` leaves out',
      condition: { terms: ['@pilih_kata'], in: 'target_text' },
      fields: { text: 'pilih dia' },
      holds: false,
    },
  ],
  near: [
    {
      name: 'a term of each list within N words, in either order',
      condition: { near: [['coblos'], ['$candidate.names']], within: 2 },
      fields: { text: 'Andi Wijaya, jangan lupa coblos' },
      candidate: 'andi',
      holds: true,
      evidence: ['near text coblos … Andi Wijaya'],
    },
    {
      name: 'too far apart',
      condition: { near: [['coblos'], ['$candidate.names']], within: 1 },
      fields: { text: 'coblos yang mana ya kalau Andi Wijaya' },
      candidate: 'andi',
      holds: false,
    },
    {
      name: "a word inside another candidate's hashtag is theirs, however close",
      condition: { near: [['menang'], ['$candidate.names']], within: 3 },
      fields: { text: 'Citra Lestari keliru #AndiMenang' },
      candidate: 'citra',
      holds: false,
    },
  ],
  call: [
    {
      name: 'support: a cue tied to the candidate',
      condition: call('support'),
      fields: { text: 'Ayo pilih Andi Wijaya' },
      candidate: 'andi',
      holds: true,
      evidence: ['call text pilih … Andi Wijaya'],
    },
    {
      name: 'support: not when the cue is negated',
      condition: call('support'),
      fields: { text: 'Jangan pilih Andi Wijaya' },
      candidate: 'andi',
      holds: false,
    },
    {
      name: 'against: the negated cue',
      condition: call('against'),
      fields: { text: 'Jangan pilih Andi Wijaya' },
      candidate: 'andi',
      holds: true,
      evidence: ['call text jangan … pilih … Andi Wijaya'],
    },
    {
      name: 'support: not across another candidate between cue and mention',
      condition: call('support'),
      fields: { text: 'pilih Citra Lestari, Andi Wijaya' },
      candidate: 'andi',
      holds: false,
    },
    {
      name: 'support: the same text, for the candidate the cue is tied to',
      condition: call('support'),
      fields: { text: 'pilih Citra Lestari, Andi Wijaya' },
      candidate: 'citra',
      holds: true,
      evidence: ['call text pilih … Citra Lestari'],
    },
    {
      name: 'against: a contrast word between the cue and the mention turns the call',
      condition: { ...call('against'), contrasts: ['bukan'] } as Condition,
      fields: { text: 'pilih yg jujur bukan Andi Wijaya' },
      candidate: 'andi',
      holds: true,
      evidence: ['call text pilih … bukan … Andi Wijaya'],
    },
    {
      name: 'support: not when a contrast word turns the call',
      condition: { ...call('support'), contrasts: ['bukan'] } as Condition,
      fields: { text: 'pilih yg jujur bukan Andi Wijaya' },
      candidate: 'andi',
      holds: false,
    },
    {
      name: 'support: a contrast word after the mention does not turn it',
      condition: { ...call('support'), contrasts: ['bukan'] } as Condition,
      fields: { text: 'pilih Andi Wijaya bukan yang lain' },
      candidate: 'andi',
      holds: true,
      evidence: ['call text pilih … Andi Wijaya'],
    },
  ],
  lexicon: [
    {
      name: 'support: praise beside the name, and the words that counted',
      condition: lexicon('support'),
      fields: { text: 'Andi Wijaya hebat sekali' },
      candidate: 'andi',
      holds: true,
      evidence: ['lexicon text hebat +2.00/+1.50 (partisan +2.00, stance +1.50)'],
    },
    {
      name: 'support: not for derision',
      condition: lexicon('support'),
      fields: { text: 'Andi Wijaya bodoh sekali' },
      candidate: 'andi',
      holds: false,
    },
    {
      name: 'against: derision',
      condition: lexicon('against'),
      fields: { text: 'Andi Wijaya bodoh dan gagal' },
      candidate: 'andi',
      holds: true,
      evidence: ['lexicon text bodoh +2.00/-2.00, gagal +1.50/-1.50 (partisan +3.50, stance -3.50)'],
    },
    {
      name: 'not when another candidate is named too',
      condition: lexicon('support'),
      fields: { text: 'Andi Wijaya dan Citra Lestari hebat' },
      candidate: 'andi',
      holds: false,
    },
    {
      name: 'not below the partisan score',
      condition: lexicon('support'),
      fields: { text: 'Andi Wijaya mantap' },
      candidate: 'andi',
      holds: false,
    },
    {
      name: 'never without a candidate',
      condition: lexicon('support'),
      fields: { text: 'Andi Wijaya hebat' },
      holds: false,
    },
  ],
  tags: [
    {
      name: 'a tag with a $candidate reference',
      condition: { tags: ['with:$candidate.id'] },
      fields: { tags: 'photo;With:Andi' },
      candidate: 'andi',
      holds: true,
      evidence: ['tags tags with:andi'],
    },
    {
      name: 'a prefix',
      condition: { tags: ['gesture:*'] },
      fields: { tags: 'gesture:2' },
      holds: true,
      evidence: ['tags tags gesture:2'],
    },
    {
      name: "another candidate's tag",
      condition: { tags: ['with:$candidate.id'] },
      fields: { tags: 'with:citra' },
      candidate: 'andi',
      holds: false,
    },
  ],
  hashtags: [
    {
      name: 'written as a hashtag, case and _ ignored',
      condition: { hashtags: ['$candidate.hashtags'] },
      fields: { text: 'Mantap #andi_menang' },
      candidate: 'andi',
      holds: true,
      evidence: ['hashtags text #andimenang'],
    },
    {
      name: 'the same words in a sentence are not the hashtag',
      condition: { hashtags: ['$candidate.hashtags'] },
      fields: { text: 'andi menang lomba lari' },
      candidate: 'andi',
      holds: false,
    },
  ],
  target: [
    {
      name: "the candidate's own account",
      condition: { target: ['candidate_account'] },
      fields: { type: 'like', target_account: '@AndiWijaya' },
      candidate: 'andi',
      holds: true,
      evidence: ['target target_account instagram:andiwijaya (candidate_account, andi)'],
    },
    {
      name: "another candidate's account",
      condition: { target: ['candidate_account'] },
      fields: { type: 'like', target_account: '@AndiWijaya' },
      candidate: 'citra',
      holds: false,
    },
    {
      name: 'an account of a kind the condition does not list',
      condition: { target: ['candidate_account', 'campaign_account'] },
      fields: { platform: 'facebook', type: 'join_group', target_account: 'relawanandi' },
      candidate: 'andi',
      holds: false,
    },
    {
      name: 'a campaign group',
      condition: { target: ['campaign_group'] },
      fields: { platform: 'facebook', type: 'join_group', target_account: 'relawanandi' },
      candidate: 'andi',
      holds: true,
      evidence: ['target target_account facebook:relawanandi (campaign_group, andi)'],
    },
  ],
  types: [
    {
      name: 'the type, after its alias is mapped (like → reaction)',
      condition: { types: ['reaction'] },
      fields: { type: 'like', target_account: 'siapa' },
      holds: true,
      evidence: [],
    },
    { name: 'another type', condition: { types: ['comment', 'share'] }, fields: {}, holds: false },
  ],
  platforms: [
    {
      name: 'the platform, after its alias is mapped (twitter → x)',
      condition: { platforms: ['x'] },
      fields: { platform: 'twitter' },
      holds: true,
      evidence: [],
    },
    { name: 'another platform', condition: { platforms: ['tiktok'] }, fields: {}, holds: false },
  ],
  phases: [
    {
      name: 'the phase the act falls in',
      condition: { phases: ['tenang', 'kampanye'] },
      fields: { timestamp: '2024-11-25 08:00' },
      holds: true,
      evidence: ['phases timestamp tenang'],
    },
    {
      name: 'outside every listed phase',
      condition: { phases: ['kampanye'] },
      fields: { timestamp: '2024-09-01 08:00' },
      holds: false,
    },
  ],
  other_candidates: [
    {
      name: 'another candidate named besides',
      condition: { other_candidates: 1 },
      fields: { text: 'Debat Andi Wijaya dan Bu Citra malam ini' },
      candidate: 'andi',
      holds: true,
      evidence: [],
    },
    {
      name: 'only the candidate named',
      condition: { other_candidates: 1 },
      fields: { text: 'Debat Andi Wijaya malam ini' },
      candidate: 'andi',
      holds: false,
    },
    {
      name: "by hashtags: another candidate's campaign hashtag",
      condition: { other_candidates: 1, by: 'hashtags' },
      fields: { text: 'Debat malam ini #AndiMenang #CitraJuara' },
      candidate: 'andi',
      holds: true,
      evidence: [],
    },
    {
      name: 'by hashtags: the other candidate only named',
      condition: { other_candidates: 1, by: 'hashtags' },
      fields: { text: 'Bu Citra cuma janji #AndiMenang' },
      candidate: 'andi',
      holds: false,
    },
  ],
  has: [
    {
      name: 'the field is filled in',
      condition: { has: 'target_text' },
      fields: { type: 'share', target_text: 'isi' },
      holds: true,
      evidence: [],
    },
    { name: 'the field is empty', condition: { has: 'target_text' }, fields: { text: 'isi' }, holds: false },
  ],
};

describe('condition kinds', () => {
  it('every kind of the registry has cases that hold and cases that do not, and no case names an unknown kind', () => {
    expect(Object.keys(CASES).sort()).toEqual(Object.keys(CONDITION_KINDS).sort());
    for (const key of Object.keys(CONDITION_KINDS) as ConditionKey[]) {
      const cases = CASES[key] ?? [];
      expect(
        cases.some((c) => c.holds),
        `${key}: a case that holds`,
      ).toBe(true);
      expect(
        cases.some((c) => !c.holds),
        `${key}: a case that does not hold`,
      ).toBe(true);
      for (const c of cases) expect(Object.hasOwn(c.condition, key), `${key}: ${c.name}`).toBe(true);
    }
  });

  for (const [key, cases] of Object.entries(CASES)) {
    describe(key, () => {
      it.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
        const { holds, evidence } = check(c.condition, c.fields, c.candidate ?? null);
        expect(holds).toBe(c.holds);
        if (!c.holds) return;
        if (c.evidence) expect(evidence.map((e) => `${e.condition} ${e.field} ${e.value}`)).toEqual(c.evidence);
      });
    });
  }
});
