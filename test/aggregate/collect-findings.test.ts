// Collecting on its own: what ScanResult keeps of each row, before any ordering or counting.
import { describe, expect, it } from 'vitest';
import { MAX_EVIDENCE_CHARS, ScanResult } from '../../src/aggregate/collect-findings.js';
import { NO_REVIEW_INPUTS } from '../../src/aggregate/review-state.js';
import { REJECTED_LISTED } from '../../src/schemas/report-schema.js';
import type { Person } from '../../src/shared/types.js';
import { ELECTION, evaluateRules } from '../helpers/middle.js';

const ANI: Person = {
  nip: '198001012005012001',
  name: 'Ani',
  agency: 'Dinas',
  position: 'Staf',
  accounts: [{ platform: 'instagram', handle: 'contoh.asn' }],
} as Person;

const RULES = [
  { id: 'by-name', severity: 'high', when: { terms: ['$candidate.names'] } },
  { id: 'by-tag', category: 'partisan_photo', severity: 'low', when: { tags: ['with:$candidate.id'] } },
];

describe('collecting findings', () => {
  it('keeps several findings of one act, and the same act read again once, at its first source', () => {
    const result = new ScanResult(ELECTION, 'en', NO_REVIEW_INPUTS);
    const fields = { text: 'Citra Lestari', tags: 'with:citra', timestamp: '2024-10-04 08:00' };
    const first = evaluateRules(RULES, fields, 7);
    expect(first.matches.length).toBe(2);
    for (const m of first.matches) result.add(ANI, first.act, m);
    const again = evaluateRules(RULES, fields, 70);
    for (const m of again.matches) result.add(ANI, { ...again.act, source: { file: 'other.csv', line: 70 } }, m);
    const kept = [...result.findingsByNip.get(ANI.nip)!.values()];
    expect(kept.map((f) => f.rule).sort()).toEqual(['by-name', 'by-tag']);
    expect(new Set(kept.map((f) => f.fingerprint)).size).toBe(2);
    expect(kept.map((f) => f.activity.source.line)).toEqual([7, 7]);
  });

  it('counts every rejection, lists the first REJECTED_LISTED with their code and words them in its language', () => {
    const result = new ScanResult(ELECTION, 'id', NO_REVIEW_INPUTS);
    for (let line = 2; line < REJECTED_LISTED + 7; line++)
      result.reject({ file: 'a.csv', line, reason: { code: 'missing_type' } });
    expect(result.counts.rowsRejected).toBe(REJECTED_LISTED + 5);
    expect(result.rejected).toHaveLength(REJECTED_LISTED);
    expect(result.rejected[0]).toEqual({
      file: 'a.csv',
      line: 2,
      code: 'missing_type',
      reason: 'jenis aktivitas (type) tidak diisi',
    });
  });

  it('keeps the start of a text longer than MAX_EVIDENCE_CHARS and says how much more the source holds', () => {
    const result = new ScanResult(ELECTION, 'en', NO_REVIEW_INPUTS);
    const text = `Citra Lestari ${'x'.repeat(MAX_EVIDENCE_CHARS)}`;
    const { matches, act } = evaluateRules(RULES, { text, timestamp: '2024-10-04 08:00' }, 2);
    result.add(ANI, act, matches[0]!);
    const kept = [...result.findingsByNip.get(ANI.nip)!.values()][0]!;
    expect(kept.activity.text).toBe(`${text.slice(0, MAX_EVIDENCE_CHARS)} […14 more characters in the source row]`);
  });
});
