// Scores predicted finding categories against the labelled set, per category and micro-averaged over (row, category) pairs.
import { CATEGORIES, type Category } from '../../src/shared/types.js';

/** One labelled row: what a reviewer expects, and a short text to show next to a miss or false positive. */
export interface LabelledRow {
  id: string;
  expected: ReadonlySet<Category>;
  /** The row's own text, or a description of the act when it has none (reactions, follows). */
  display: string;
}

/** Activity id → the categories of the findings raised for it. */
export type Predictions = ReadonlyMap<string, ReadonlySet<Category>>;

export interface Metrics {
  tp: number;
  fp: number;
  fn: number;
  /** null when nothing was predicted (precision) or nothing expected (recall); F1 null when either is. */
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

export interface Discrepancy {
  id: string;
  category: Category;
  display: string;
}

export interface EvalScore {
  rows: number;
  byCategory: Record<Category, Metrics>;
  overall: Metrics;
  misses: Discrepancy[];
  falsePositives: Discrepancy[];
  /** Predicted ids that are not rows of the labelled set: a sign the scanner renamed ids. */
  unknownIds: string[];
}

export interface Thresholds {
  minPrecision?: number;
  minRecall?: number;
}

export function scoreRows(rows: readonly LabelledRow[], predictions: Predictions): EvalScore {
  const counts = Object.fromEntries(CATEGORIES.map((c) => [c, { tp: 0, fp: 0, fn: 0 }])) as Record<Category, Counts>;
  const misses: Discrepancy[] = [];
  const falsePositives: Discrepancy[] = [];
  for (const row of rows) {
    const predicted = predictions.get(row.id) ?? new Set<Category>();
    for (const category of CATEGORIES) {
      const expected = row.expected.has(category);
      const found = predicted.has(category);
      if (expected && found) counts[category].tp++;
      else if (expected) {
        counts[category].fn++;
        misses.push({ id: row.id, category, display: row.display });
      } else if (found) {
        counts[category].fp++;
        falsePositives.push({ id: row.id, category, display: row.display });
      }
    }
  }
  const known = new Set(rows.map((r) => r.id));
  const unknownIds = [...predictions.keys()].filter((id) => !known.has(id)).sort();
  const total = CATEGORIES.reduce((sum, c) => add(sum, counts[c]), { tp: 0, fp: 0, fn: 0 });
  return {
    rows: rows.length,
    byCategory: Object.fromEntries(CATEGORIES.map((c) => [c, metricsOf(counts[c])])) as Record<Category, Metrics>,
    overall: metricsOf(total),
    misses,
    falsePositives,
    unknownIds,
  };
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

function add(a: Counts, b: Counts): Counts {
  return { tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn };
}

export function metricsOf({ tp, fp, fn }: Counts): Metrics {
  const precision = tp + fp === 0 ? null : tp / (tp + fp);
  const recall = tp + fn === 0 ? null : tp / (tp + fn);
  const f1 =
    precision === null || recall === null
      ? null
      : precision + recall === 0
        ? 0
        : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
}

/**
 * The overall thresholds the score falls short of, as messages; empty when it meets them.
 * A null metric (nothing predicted, or nothing expected) cannot be below a threshold.
 */
export function thresholdFailures(score: EvalScore, thresholds: Thresholds): string[] {
  const failures: string[] = [];
  const { precision, recall } = score.overall;
  if (thresholds.minPrecision !== undefined && precision !== null && precision < thresholds.minPrecision) {
    failures.push(`precision ${precision.toFixed(3)} < ${thresholds.minPrecision}`);
  }
  if (thresholds.minRecall !== undefined && recall !== null && recall < thresholds.minRecall) {
    failures.push(`recall ${recall.toFixed(3)} < ${thresholds.minRecall}`);
  }
  return failures;
}
