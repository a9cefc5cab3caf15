import { describe, expect, it } from 'vitest';
import { renderScore, truncate } from '../../tools/eval/render-score.js';
import { scoreRows } from '../../tools/eval/score.js';
import type { Category } from '../../src/shared/types.js';

describe('renderScore', () => {
  const rows = [
    { id: 'ev001', expected: new Set<Category>(['banner']), display: 'Spanduk Pram-Doel dipasang di pos ronda' },
    { id: 'ev002', expected: new Set<Category>(), display: 'Lagi ambil nomor antrean 3 di Samsat' },
    { id: 'ev003', expected: new Set<Category>(['campaign_follow']), display: '[follow @ridwankamil]' },
  ];
  const predicted = new Map<string, Set<Category>>([
    ['ev002', new Set<Category>(['endorsement_post'])],
    ['ev003', new Set<Category>(['campaign_follow'])],
  ]);
  const text = renderScore(scoreRows(rows, predicted), { textWidth: 20 });

  it('prints one table row per category and the micro-averaged overall', () => {
    expect(text).toMatch(/^category\s+expected\s+found\s+TP\s+FP\s+FN\s+precision\s+recall\s+F1$/m);
    expect(text).toMatch(/^banner\s+1\s+0\s+0\s+0\s+1\s+—\s+0\.000\s+—$/m);
    expect(text).toMatch(/^campaign_follow\s+1\s+1\s+1\s+0\s+0\s+1\.000\s+1\.000\s+1\.000$/m);
    expect(text).toMatch(/^overall \(micro\)\s+2\s+2\s+1\s+1\s+1\s+0\.500\s+0\.500\s+0\.500$/m);
  });

  it('lists misses and false positives with id, category and truncated text', () => {
    expect(text).toContain('Misses: expected but not found (1)\n  ev001  banner  Spanduk Pram-Doel d…');
    expect(text).toContain(
      'False positives: found but not expected (1)\n  ev002  endorsement_post  Lagi ambil nomor an…',
    );
  });
});

describe('truncate', () => {
  it('never splits an emoji', () => {
    expect(truncate('ab🔥🔥🔥', 4)).toBe('ab🔥…');
    expect(truncate('short', 10)).toBe('short');
  });
});
