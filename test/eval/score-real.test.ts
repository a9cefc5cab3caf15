import { describe, expect, it } from 'vitest';
import type { LabelledPost } from '../../tools/eval/real/real-labels.js';
import { type PostFinding, scoreReal } from '../../tools/eval/real/score-real.js';

const partisan = (id: string, number: number, stance: 'support' | 'against' = 'support'): LabelledPost => ({
  id,
  label: 'partisan',
  side: { number, stance },
  split: 'tune',
});
const finding = (number: number, stance: 'support' | 'against'): PostFinding => ({
  number,
  stance,
  confidence: 'high',
});

describe('scoreReal candidate columns', () => {
  it('counts a wrong direction about the labelled pair as candidate right but not as direction right', () => {
    const posts = [partisan('a', 3, 'against'), partisan('b', 3), partisan('c', 1), partisan('d', 2)];
    const findings = new Map<string, PostFinding[]>([
      ['a', [finding(3, 'support')]], // the false accusation: right pair, wrong direction
      ['b', [finding(3, 'support')]],
      ['c', [finding(2, 'support')]], // another pair entirely
      ['d', [finding(2, 'support'), finding(1, 'support')]], // right pair, but a support of another beside it
    ]);
    const score = scoreReal(posts, findings, () => 3);
    expect(score.attribution).toBe(1 / 4);
    expect(score.candidateRight).toBe(3 / 4);
    expect(score.wrongDirection).toEqual(['a', 'c', 'd']);
  });

  it('in a two-pair race takes against the other pair as about the labelled side', () => {
    const score = scoreReal([partisan('a', 1)], new Map([['a', [finding(2, 'against')]]]), () => 2);
    expect(score.attribution).toBe(1);
    expect(score.candidateRight).toBe(1);
  });
});
