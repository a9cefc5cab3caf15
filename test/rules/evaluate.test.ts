// The engine on one act: the candidate's dates, exceptions that veto or qualify, stance, and what happens when several
// rules or candidates hold for the same act (kept, collapsed to one per ground, or cancelled with the reason).
import { describe, expect, it } from 'vitest';
import { ActivityView } from '../../src/rules/activity-view.js';
import { compileRules } from '../../src/rules/compile.js';
import { evaluate, type Evaluation } from '../../src/rules/evaluate.js';
import { textModelOf } from '../../src/rules/text-model.js';
import { activity, ELECTION, evaluateRules, pack } from '../helpers/middle.js';

const names = { terms: ['$candidate.names'] };
const callFor = (stance: 'support' | 'against') => ({
  call: [['pilih', 'coblos'], ['$candidate.names']],
  within: 3,
  negations: ['jangan'],
  stance,
});

const matched = (e: Evaluation) => e.matches.map((m) => `${m.rule.rule.id}:${m.candidate?.id ?? '-'}`);
const cancelled = (e: Evaluation) =>
  e.cancelled.map(
    (c) =>
      `${c.match.rule.rule.id}:${c.match.candidate?.id ?? '-'} ${
        c.reason.kind === 'exception' ? `unless ${c.reason.condition}: ${c.reason.matched}` : `by ${c.reason.by}`
      }`,
  );

describe("the candidate's dates", () => {
  const rules = [{ id: 'name', basis: 'by_status', when: names }];

  it.each([
    ['2024-07-20 10:00', [], null],
    ['2024-09-01 10:00', ['name:andi'], { basis: 'kode_etik', time: 'bakal_calon', confidence: 'high' }],
    ['2024-10-15 10:00', ['name:andi'], { basis: 'disiplin', time: 'calon', confidence: 'high' }],
    ['', ['name:andi'], { basis: 'kode_etik', time: 'undated', confidence: 'low' }],
  ])('an act at %j: %j', (timestamp, expected, details) => {
    const e = evaluateRules(rules, { text: 'Andi Wijaya', timestamp });
    expect(matched(e)).toEqual(expected);
    // Before `since` the act is no violation toward the candidate: not a finding, and not a cancelled one either.
    expect(e.cancelled).toEqual([]);
    if (details) {
      const m = e.matches[0]!;
      expect({ basis: m.basis, time: m.time.kind, confidence: m.confidence }).toEqual(details);
    }
  });

  it('a candidate never designated stays kode etik', () => {
    const e = evaluateRules(rules, { text: 'Citra Lestari', timestamp: '2024-11-01 10:00' });
    expect(e.matches.map((m) => [m.candidate?.id, m.basis, m.time.kind])).toEqual([
      ['citra', 'kode_etik', 'bakal_calon'],
    ]);
  });

  it('a rule of no candidate is not bound by dates', () => {
    const e = evaluateRules([{ id: 'word', when: { terms: ['coblos'] } }], {
      text: 'coblos',
      timestamp: '2020-01-01 10:00',
    });
    expect(e.matches.map((m) => [m.candidate, m.time.kind, m.stance])).toEqual([[null, 'no_candidate', null]]);
  });

  it('a rule restricted to other types is skipped', () => {
    const e = evaluateRules([{ id: 'comment', when: { all: [{ types: ['comment'] }, names] } }], {
      text: 'Andi Wijaya',
    });
    expect(e).toMatchObject({ matches: [], cancelled: [] });
  });
});

describe('exceptions', () => {
  it('an `unless` that holds cancels the finding, naming the condition and what it matched', () => {
    const rules = [{ id: 'name', when: names, unless: [{ terms: ['berita'] }, { other_candidates: 1 }] }];
    expect(cancelled(evaluateRules(rules, { text: 'Berita: Andi Wijaya datang' }))).toEqual([
      'name:andi unless terms: berita',
    ]);
    // Conditions without evidence of their own cancel too; each candidate's finding is cancelled on its own.
    const both = evaluateRules(rules, { text: 'Debat Andi Wijaya dan Citra Lestari' });
    expect(matched(both)).toEqual([]);
    expect(cancelled(both)).toEqual(['name:andi unless other_candidates: ', 'name:citra unless other_candidates: ']);
  });

  const qualified = [
    {
      id: 'vote',
      when: { near: [['pilih'], ['$candidate.names']], within: 4 },
      qualifiers: [{ terms: ['hak pilih'] }],
    },
  ];

  it('a qualifier cancels when the rule no longer holds without its words', () => {
    const e = evaluateRules(qualified, { text: 'Gunakan hak pilih untuk Andi Wijaya' });
    expect(matched(e)).toEqual([]);
    expect(cancelled(e)).toEqual(['vote:andi unless terms: hak pilih']);
  });

  it('a qualifier does not cancel when the rule still holds without its words', () => {
    const e = evaluateRules(qualified, { text: 'Gunakan hak pilih, pilih Andi Wijaya' });
    expect(matched(e)).toEqual(['vote:andi']);
    expect(e.cancelled).toEqual([]);
  });

  it('a qualifier without words to take out cancels like an `unless`', () => {
    const rules = [{ id: 'vote', when: names, qualifiers: [{ platforms: ['instagram'] }] }];
    expect(cancelled(evaluateRules(rules, { text: 'Andi Wijaya' }))).toEqual(['vote:andi unless platforms: ']);
  });
});

describe('stance', () => {
  it('a finding carries the stance of its rule toward its candidate', () => {
    const e = evaluateRules([{ id: 'against', stance: 'against', when: callFor('against') }], {
      text: 'Jangan pilih Andi Wijaya',
    });
    expect(e.matches.map((m) => [m.candidate?.id, m.stance])).toEqual([['andi', 'against']]);
  });

  it('the stronger stance stands and the other is cancelled, naming the rule that outweighed it', () => {
    const rules = [
      { id: 'mention', category: 'candidate_comment', stance: 'support', confidence: 'medium', when: names },
      { id: 'against', stance: 'against', when: callFor('against') },
    ];
    const e = evaluateRules(rules, { text: 'Jangan pilih Andi Wijaya' });
    expect(matched(e)).toEqual(['against:andi']);
    expect(cancelled(e)).toEqual(['mention:andi by against']);
  });

  it('on equal confidence the explicit negation outweighs the support', () => {
    const rules = [
      { id: 'mention', category: 'candidate_comment', stance: 'support', when: names },
      { id: 'against', stance: 'against', when: callFor('against') },
    ];
    const e = evaluateRules(rules, { text: 'Jangan pilih Andi Wijaya' });
    expect(matched(e)).toEqual(['against:andi']);
    expect(cancelled(e)).toEqual(['mention:andi by against']);
  });

  it("less certain support of another candidate than the act's most certain support is cancelled", () => {
    const rules = [
      { id: 'call', stance: 'support', when: callFor('support') },
      { id: 'mention', category: 'candidate_comment', stance: 'support', confidence: 'low', when: names },
    ];
    const e = evaluateRules(rules, { text: 'Coblos Andi Wijaya! Citra Lestari kemarin datang' });
    expect(matched(e)).toEqual(['call:andi', 'mention:andi']);
    expect(cancelled(e)).toEqual(['mention:citra by call']);
  });
});

describe('several findings on one act', () => {
  it('rules of different categories each give a finding, for each candidate they hold for', () => {
    const rules = [
      { id: 'post-name', when: names },
      { id: 'tagged', category: 'partisan_photo', when: { tags: ['with:$candidate.id'] } },
    ];
    const e = evaluateRules(rules, { text: 'Andi Wijaya dan Citra Lestari', tags: 'with:citra' });
    expect(matched(e)).toEqual(['post-name:andi', 'post-name:citra', 'tagged:citra']);
  });

  it('rules of one category saying the same of the act collapse to the most severe, then most certain, without a cancellation', () => {
    const rules = [
      { id: 'weak', severity: 'low', when: names },
      { id: 'strong', severity: 'high', confidence: 'medium', when: names },
      { id: 'certain', severity: 'high', when: names },
    ];
    const e = evaluateRules(rules, { text: 'Andi Wijaya' });
    expect(matched(e)).toEqual(['certain:andi']);
    expect(e.cancelled).toEqual([]);
  });

  it('opposite stances toward two candidates are both kept', () => {
    const rules = [
      { id: 'for', stance: 'support', when: callFor('support') },
      { id: 'against', category: 'candidate_comment', stance: 'against', when: callFor('against') },
    ];
    const e = evaluateRules(rules, { text: 'jangan pilih Citra Lestari, pilih Andi Wijaya' });
    expect(matched(e).sort()).toEqual(['against:citra', 'for:andi']);
    expect(e.cancelled).toEqual([]);
  });

  it('evidence is recorded once per condition, field and value', () => {
    const rules = [
      { id: 'twice', when: { all: [{ terms: ['coblos'] }, { terms: ['@pilih_kata'] }, { terms: ['dia'] }] } },
    ];
    const e = evaluateRules(rules, { text: 'coblos dia' });
    expect(e.matches[0]!.evidence.map((x) => `${x.condition} ${x.value}`)).toEqual(['terms coblos', 'terms dia']);
  });
});

describe('rules that apply at any time', () => {
  const anyTime = (when: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    compileRules(pack([{ id: 'r', when, ...extra }]), ELECTION)[0]!.anyTime;

  it('are the rules with no candidate and no phase anywhere in them', () => {
    expect(anyTime({ terms: ['kader partai'] })).toBe(true);
    expect(anyTime({ all: [{ terms: ['kader'] }, { not: { tags: ['former'] } }] })).toBe(true);
    expect(anyTime(names)).toBe(false);
    expect(anyTime({ all: [{ terms: ['kader'] }, { any: [{ phases: ['kampanye'] }, { tags: ['x'] }] }] })).toBe(false);
    expect(anyTime({ not: { phases: ['kampanye'] } })).toBe(false);
    expect(anyTime({ terms: ['kader'] }, { unless: [{ phases: ['kampanye'] }] })).toBe(false);
  });

  it('are the only ones an act outside --since/--until is evaluated by', () => {
    const p = pack([
      { id: 'party', category: 'party_membership', basis: 'disiplin', when: { terms: ['kader'] } },
      { id: 'name', basis: 'by_status', when: names },
    ]);
    const compiled = compileRules(p, ELECTION);
    const act = activity({ text: 'Saya kader, pilih Andi Wijaya', timestamp: '2024-10-15 10:00' });
    const view = () => new ActivityView(act, ELECTION, textModelOf(p, ELECTION));
    const ids = (e: Evaluation) => e.matches.map((m) => m.rule.rule.id);
    expect(ids(evaluate(view(), compiled))).toEqual(['party', 'name']);
    expect(ids(evaluate(view(), compiled, undefined, { anyTimeOnly: true }))).toEqual(['party']);
  });
});
