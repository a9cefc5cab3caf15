import { describe, expect, it } from 'vitest';
import { categoriesById, parseFindingsNdjson } from '../../tools/eval/findings-ndjson.js';
import { metricsOf, scoreRows, thresholdFailures, type LabelledRow } from '../../tools/eval/score.js';
import type { Category } from '../../src/shared/types.js';

const row = (id: string, expected: Category[], display = `text of ${id}`): LabelledRow => ({
  id,
  expected: new Set(expected),
  display,
});

/** What the CLI writes with `--format ndjson`, cut down to the fields that matter here plus a few that must be ignored. */
function ndjsonLine(id: string, category: Category, candidate: string | null = 'rido'): string {
  return JSON.stringify({
    nip: '198503122010011001',
    name: 'Budi',
    agency: 'Dishub',
    fingerprint: 'f',
    rule: 'r',
    category,
    candidate,
    activity: { id, platform: 'x' },
  });
}

describe('parseFindingsNdjson', () => {
  it('reads one finding a line and groups categories by activity id, counting repeats once', () => {
    const ndjson = `${[
      ndjsonLine('a', 'endorsement_post'),
      ndjsonLine('a', 'endorsement_post', 'pramono-rano'),
      ndjsonLine('a', 'partisan_photo'),
      '',
      ndjsonLine('b', 'campaign_follow', null),
    ].join('\n')}\n`;
    const found = parseFindingsNdjson(ndjson);
    expect(found).toHaveLength(4);
    expect(found[1]).toEqual({ id: 'a', category: 'endorsement_post', candidate: 'pramono-rano' });
    const byId = categoriesById(found);
    expect([...(byId.get('a') ?? [])].sort()).toEqual(['endorsement_post', 'partisan_photo']);
    expect([...(byId.get('b') ?? [])]).toEqual(['campaign_follow']);
  });

  it('names the line of output that is not a finding', () => {
    expect(() =>
      parseFindingsNdjson(`${ndjsonLine('a', 'banner')}\n{"category":"gossip","activity":{"id":"b"}}\n`, 'out'),
    ).toThrow(/out:2 category/);
    expect(() => parseFindingsNdjson('not json\n', 'out')).toThrow(/out:1: not JSON/);
  });
});

describe('scoreRows', () => {
  const rows = [
    row('r1', ['endorsement_post', 'partisan_photo']),
    row('r2', ['candidate_reaction']),
    row('r3', []),
    row('r4', []),
    row('r5', ['banner']),
  ];

  it('counts true positives, false positives and misses per (row, category) pair', () => {
    const predicted = new Map<string, Set<Category>>([
      ['r1', new Set<Category>(['endorsement_post'])],
      ['r2', new Set<Category>(['candidate_reaction', 'candidate_comment'])],
      ['r3', new Set<Category>(['endorsement_post'])],
    ]);
    const score = scoreRows(rows, predicted);
    expect(score.byCategory.endorsement_post).toMatchObject({ tp: 1, fp: 1, fn: 0, precision: 0.5, recall: 1 });
    expect(score.byCategory.partisan_photo).toMatchObject({
      tp: 0,
      fp: 0,
      fn: 1,
      precision: null,
      recall: 0,
      f1: null,
    });
    expect(score.byCategory.candidate_comment).toMatchObject({ tp: 0, fp: 1, fn: 0, precision: 0, recall: null });
    expect(score.byCategory.party_membership).toMatchObject({
      tp: 0,
      fp: 0,
      fn: 0,
      precision: null,
      recall: null,
      f1: null,
    });
    // Micro average: 2 TP (r1 endorsement, r2 reaction), 2 FP (r2 comment, r3 endorsement), 2 FN (r1 photo, r5 banner).
    expect(score.overall).toMatchObject({ tp: 2, fp: 2, fn: 2, precision: 0.5, recall: 0.5, f1: 0.5 });
    expect(score.misses.map((d) => `${d.id}:${d.category}`)).toEqual(['r1:partisan_photo', 'r5:banner']);
    expect(score.falsePositives.map((d) => `${d.id}:${d.category}`)).toEqual([
      'r2:candidate_comment',
      'r3:endorsement_post',
    ]);
    expect(score.falsePositives[1]?.display).toBe('text of r3');
  });

  it('scores a parsed NDJSON string end to end and reports ids outside the set', () => {
    const ndjson = [
      ndjsonLine('r2', 'candidate_reaction'),
      ndjsonLine('r5', 'banner'),
      ndjsonLine('zz', 'banner'),
    ].join('\n');
    const score = scoreRows(rows, categoriesById(parseFindingsNdjson(ndjson)));
    expect(score.overall).toMatchObject({ tp: 2, fp: 0, fn: 2, precision: 1, recall: 0.5 });
    expect(score.unknownIds).toEqual(['zz']);
  });

  it('gives perfect scores when the predictions are the labels', () => {
    const predicted = new Map(rows.map((r) => [r.id, new Set(r.expected)]));
    const score = scoreRows(rows, predicted);
    expect(score.overall).toMatchObject({ precision: 1, recall: 1, f1: 1 });
    expect(score.misses).toEqual([]);
    expect(score.falsePositives).toEqual([]);
  });
});

describe('metricsOf', () => {
  it.each([
    [{ tp: 3, fp: 1, fn: 2 }, 0.75, 0.6, 2 / 3],
    [{ tp: 0, fp: 2, fn: 2 }, 0, 0, 0],
    [{ tp: 0, fp: 0, fn: 4 }, null, 0, null],
  ])('%o → precision %s, recall %s, F1 %s', (counts, precision, recall, f1) => {
    const m = metricsOf(counts);
    expect(m.precision).toBe(precision);
    expect(m.recall).toBe(recall);
    if (f1 === null) expect(m.f1).toBeNull();
    else expect(m.f1).toBeCloseTo(f1, 10);
  });
});

describe('thresholdFailures', () => {
  const score = scoreRows(
    [row('a', ['banner']), row('b', [])],
    new Map([
      ['a', new Set<Category>(['banner'])],
      ['b', new Set<Category>(['banner'])],
    ]),
  );

  it('lists the overall thresholds the score falls below', () => {
    expect(score.overall).toMatchObject({ precision: 0.5, recall: 1 });
    expect(thresholdFailures(score, { minPrecision: 0.97, minRecall: 0.95 })).toEqual(['precision 0.500 < 0.97']);
    expect(thresholdFailures(score, { minPrecision: 0.5, minRecall: 1 })).toEqual([]);
    expect(thresholdFailures(score, {})).toEqual([]);
  });
});
