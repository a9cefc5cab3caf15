// Scores the scan of the real-text set: is a partisan post flagged, is a neutral one left alone, and is the finding
// about the right candidate in the right direction.
import { type Confidence, confidenceRank } from '../../../src/shared/types.js';
import type { LabelledPost, Stance } from './real-labels.js';

export type { Confidence };

/** What the evaluation needs of one finding on a post. */
export interface PostFinding {
  /** The candidate's ballot number, or null when the finding concerns no candidate. */
  number: number | null;
  stance: Stance | null;
  confidence: Confidence;
  /** The rule that made the finding, for the listings of misses and false alarms. */
  rule?: string;
}

export interface RealScore {
  partisan: number;
  neutral: number;
  unclear: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  /** Of the flagged partisan posts, the share whose findings name the labelled candidate and direction, and none against it. */
  attribution: number;
  /** Of the flagged partisan posts, the share with a finding about the labelled candidate, whatever its stance. */
  candidateRight: number;
  wrongDirection: string[];
  byConfidence: Record<Confidence, { flagged: number; partisan: number; precision: number }>;
  misses: string[];
  falseAlarms: string[];
}

/**
 * `candidates` is how many pairs ran: with two, supporting one is attacking the other, so `against:02` and `01`
 * say the same; with three they do not.
 */
export function scoreReal(
  posts: readonly LabelledPost[],
  findings: ReadonlyMap<string, readonly PostFinding[]>,
  candidates: (id: string) => number,
): RealScore {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let right = 0;
  let candidateRight = 0;
  const counts = { partisan: 0, neutral: 0, unclear: 0 };
  const wrongDirection: string[] = [];
  const misses: string[] = [];
  const falseAlarms: string[] = [];
  const byConfidence = {
    high: { flagged: 0, partisan: 0, precision: 0 },
    medium: { flagged: 0, partisan: 0, precision: 0 },
    low: { flagged: 0, partisan: 0, precision: 0 },
  };
  for (const post of posts) {
    counts[post.label]++;
    if (post.label === 'unclear') continue;
    const found = findings.get(post.id) ?? [];
    const flagged = found.length > 0;
    if (flagged) {
      const level = topConfidence(found);
      byConfidence[level].flagged++;
      if (post.label === 'partisan') byConfidence[level].partisan++;
    }
    if (post.label === 'partisan' && flagged) {
      tp++;
      const pairs = candidates(post.id);
      if (directionRight(post, found, pairs)) right++;
      else wrongDirection.push(post.id);
      if (namesCandidate(post, found, pairs)) candidateRight++;
    } else if (post.label === 'partisan') {
      fn++;
      misses.push(post.id);
    } else if (flagged) {
      fp++;
      falseAlarms.push(post.id);
    }
  }
  for (const level of Object.values(byConfidence)) level.precision = ratio(level.partisan, level.flagged);
  return {
    ...counts,
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    precision: ratio(tp, tp + fp),
    recall: ratio(tp, tp + fn),
    attribution: ratio(right, tp),
    candidateRight: ratio(candidateRight, tp),
    wrongDirection,
    byConfidence,
    misses,
    falseAlarms,
  };
}

function topConfidence(found: readonly PostFinding[]): Confidence {
  return found.reduce<Confidence>(
    (top, f) => (confidenceRank(f.confidence) > confidenceRank(top) ? f.confidence : top),
    'low',
  );
}

/** In a two-pair race, every stance is support of one of the two: compare what each finding works for. */
function benefit(number: number, stance: Stance, pairs: number): string {
  if (pairs === 2 && stance === 'against') return `support ${3 - number}`;
  return `${stance} ${number}`;
}

function directionRight(post: LabelledPost, found: readonly PostFinding[], pairs: number): boolean {
  const side = post.side!;
  const wanted = benefit(side.number, side.stance, pairs);
  const said = found
    .filter((f) => f.number !== null && f.stance !== null)
    .map((f) => ({ number: f.number!, stance: f.stance!, benefit: benefit(f.number!, f.stance!, pairs) }));
  if (!said.some((f) => f.benefit === wanted)) return false;
  // Nothing may say the opposite of the label about its candidate, nor (two pairs) work for the other side.
  return !said.some(
    (f) =>
      (f.number === side.number && f.stance !== side.stance) ||
      (pairs === 2 && f.benefit !== wanted) ||
      (side.stance === 'support' && f.stance === 'support' && f.number !== side.number),
  );
}

/**
 * The finding is about the labelled pair, right or wrong in direction; in a two-pair race a finding that works for
 * the labelled side (against 02 for a post supporting 01) is about it too.
 */
function namesCandidate(post: LabelledPost, found: readonly PostFinding[], pairs: number): boolean {
  const side = post.side!;
  const wanted = benefit(side.number, side.stance, pairs);
  return found.some(
    (f) =>
      f.number !== null &&
      (f.number === side.number || (f.stance !== null && benefit(f.number, f.stance, pairs) === wanted)),
  );
}

function ratio(a: number, b: number): number {
  return b === 0 ? 0 : a / b;
}
