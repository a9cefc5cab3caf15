// The shape every corpus reader produces: one labelled text, tied to the election and candidate its label concerns.

/** The elections the harness has files for, in `fixtures/eval/corpora/<id>.election.yaml`. */
export type CorpusElection = 'pilkada-dki-2017' | 'pilpres-2019';

export interface CorpusText {
  /** Unique across all corpora: it becomes the activity id. */
  id: string;
  text: string;
  /** The corpus's own label, normalised to lower case (`againts` → `against`). */
  label: string;
  /** The candidate id (in our election file) that the label is about, when the corpus says. */
  candidate: string | null;
  election: CorpusElection;
}

/** Rows a reader left out, and why, so the report can say what was not measured. */
export interface SkippedRows {
  reason: string;
  rows: number;
}

export interface CorpusReading {
  texts: CorpusText[];
  skipped: SkippedRows[];
}
