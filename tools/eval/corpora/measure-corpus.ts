// Measures, for each selected group of corpus texts, how many the scanner flagged and how many for the labelled candidate.
import type { FoundFinding } from '../findings-ndjson.js';
import type { CorpusText } from './corpus-text.js';
import type { MeasureSpec } from './corpus-specs.js';

export interface MeasureResult {
  label: string;
  caveat: string;
  isRecall: boolean;
  total: number;
  /** Texts with at least one finding, of any category. */
  flagged: number;
  /** Texts with a finding naming the candidate the label is about; null when the corpus names none. */
  flaggedForCandidate: number | null;
}

export function measureCorpus(
  texts: readonly CorpusText[],
  findings: readonly FoundFinding[],
  measures: readonly MeasureSpec[],
): MeasureResult[] {
  const candidatesById = new Map<string, Set<string | null>>();
  for (const f of findings)
    candidatesById.set(f.id, (candidatesById.get(f.id) ?? new Set<string | null>()).add(f.candidate));
  return measures.map((spec) => {
    const selected = texts.filter(spec.select);
    const withCandidate = selected.filter((t) => t.candidate !== null);
    return {
      label: spec.label,
      caveat: spec.caveat,
      isRecall: spec.isRecall,
      total: selected.length,
      flagged: selected.filter((t) => candidatesById.has(t.id)).length,
      flaggedForCandidate:
        withCandidate.length === 0
          ? null
          : withCandidate.filter((t) => candidatesById.get(t.id)?.has(t.candidate) ?? false).length,
    };
  });
}
