// Terms that refer to the election file: `$candidate.*`, `$parties.names`, `$election.context`, `@vocabulary` lists,
// tags with references; unknown references are errors that name what is known, and a pack names the rule.
import { describe, expect, it } from 'vitest';
import { compileRules } from '../../src/rules/compile.js';
import {
  CANDIDATE_REFS,
  candidateTerms,
  expandTag,
  expandTerms,
  RuleReferenceError,
} from '../../src/rules/references.js';
import { AuditError } from '../../src/shared/errors.js';
import { candidate, ELECTION, pack, VOCABULARY } from '../helpers/middle.js';

const andi = candidate('andi');
const citra = candidate('citra');
const expand = (terms: string[], who = andi) => expandTerms(terms, ELECTION, VOCABULARY, who);

describe('$candidate references', () => {
  const EXPECTED: Record<(typeof CANDIDATE_REFS)[number], (terms: string[]) => void> = {
    names: (t) => expect(t).toEqual(['Andi Wijaya']),
    aliases: (t) => expect(t).toEqual(['Bang Andi']),
    number: (t) => expect(t).toEqual(['1', '01']),
    padded_number: (t) => expect(t).toEqual(['01']),
    numbers: (t) => {
      expect(t).toContain('nomor urut 1');
      expect(t).toContain('paslon 01');
      expect(t).toContain('nomor satu');
      expect(t).not.toContain('1');
    },
    hashtags: (t) => expect(t).toEqual(['#AndiMenang', 'andimenang']),
    hashtags_against: (t) => expect(t).toEqual(['#AsalBukanAndi', 'asalbukanandi']),
    nicknames_support: (t) => expect(t).toEqual([]),
    nicknames_against: (t) => expect(t).toEqual([]),
    slogans: (t) => expect(t).toEqual(['Kota Maju Bersama']),
    accounts: (t) => expect([...t].sort()).toEqual(['andi_w', 'andiwijaya']),
    parties: (t) => expect(t).toEqual(['Partai Bulan']),
    id: (t) => expect(t).toEqual(['andi']),
  };

  it.each([...CANDIDATE_REFS])('$candidate.%s resolves from the election file', (ref) => {
    const terms = expand([`$candidate.${ref}`]);
    EXPECTED[ref](terms);
    expect(terms).toEqual(candidateTerms(andi, ref));
  });

  it('resolves for the candidate the rule is bound to', () => {
    expect(expand(['$candidate.names', '$candidate.number'], citra)).toEqual(['Citra Lestari', '2', '02']);
  });

  it('an unknown reference is an error naming the known ones', () => {
    expect(() => expand(['$candidate.nama'])).toThrow(RuleReferenceError);
    expect(() => expand(['$candidate.nama'])).toThrow(/unknown reference \$candidate\.nama \(expected one of names, /);
    expect(() => expand(['$calon.names'])).toThrow(/unknown reference \$calon\.names \(expected \$candidate\.</);
  });

  it('a $candidate reference without a candidate is an error', () => {
    expect(() => expandTerms(['$candidate.names'], ELECTION, VOCABULARY, null)).toThrow(
      '$candidate.names needs a candidate',
    );
  });
});

describe('other references and lists', () => {
  it('$parties.names and $election.context come from the election file', () => {
    expect(expand(['$parties.names'])).toEqual(['Partai Bulan', 'PB']);
    expect(expand(['$election.context'])).toEqual(['27 november']);
  });

  it('a vocabulary list expands, with the references inside it, and literals stay', () => {
    expect(expand(['ayo', '@pilih_kata', '@nama_calon'])).toEqual(['ayo', 'pilih', 'coblos', 'Andi Wijaya']);
  });

  it('an unknown vocabulary list is an error naming the known lists', () => {
    expect(() => expand(['@kata_pilih'])).toThrow(
      'unknown vocabulary list @kata_pilih (known: @pilih_kata, @nama_calon)',
    );
  });

  it('tags embed references and are lower-cased', () => {
    expect(expandTag('With:$candidate.id', andi)).toEqual(['with:andi']);
    expect(expandTag('gesture:$candidate.number', andi)).toEqual(['gesture:1', 'gesture:01']);
    expect(expandTag('Photo', null)).toEqual(['photo']);
    expect(() => expandTag('with:$candidate.id', null)).toThrow('with:$candidate.id needs a candidate');
  });
});

describe('references when a pack is compiled', () => {
  it('a rule that refers to $candidate, directly or through a list, is bound once per candidate', () => {
    const [direct, viaList, none] = compileRules(
      pack([
        { id: 'direct', when: { terms: ['$candidate.names'] } },
        { id: 'via-list', when: { terms: ['@nama_calon'] } },
        { id: 'none', when: { terms: ['coblos'] } },
      ]),
      ELECTION,
    );
    expect(direct!.bindings.map((b) => b.candidate?.id)).toEqual(['andi', 'citra']);
    expect(viaList!.bindings.map((b) => b.candidate?.id)).toEqual(['andi', 'citra']);
    expect(none!.bindings.map((b) => b.candidate)).toEqual([null]);
  });

  it('all unknown references of a pack are reported together, each naming its rule', () => {
    let error: unknown;
    try {
      compileRules(
        pack([
          { id: 'ok', when: { terms: ['coblos'] } },
          { id: 'bad-ref', when: { terms: ['$candidate.nomor'] } },
          { id: 'bad-list', when: { any: [{ types: ['post'] }, { terms: ['@tidak_ada'] }] } },
          { id: 'bad-lexicon', when: { lexicon: 'tidak_ada', stance: 'support', min_score: 1 } },
        ]),
        ELECTION,
      );
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AuditError);
    const problems = (error as AuditError).problems.map((p) => `${p.field}: ${p.message}`);
    expect(problems).toEqual([
      expect.stringMatching(/^rules\[1\] \(bad-ref\): unknown reference \$candidate\.nomor/),
      expect.stringMatching(/^rules\[2\] \(bad-list\): unknown vocabulary list @tidak_ada/),
      'rules[3] (bad-lexicon): lexicon "tidak_ada" is not defined in the rule pack',
    ]);
  });

  it('basis by_status needs a rule that concerns a candidate', () => {
    expect(() =>
      compileRules(pack([{ id: 'status', basis: 'by_status', when: { terms: ['coblos'] } }]), ELECTION),
    ).toThrow(AuditError);
  });
});
