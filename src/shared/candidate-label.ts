// How a candidate pair is named to people, in every output: the only place that joins names and a ballot number.

export interface NamedCandidate {
  names: readonly string[];
  number: number | null;
}

/**
 * `listed`: `01 Ridwan Kamil–Suswono`, the ballot number first as on the ballot, where candidates are listed
 * (tables, CSV, timelines). `in_sentence`: `Ridwan Kamil–Suswono (01)`, the names first, inside a sentence (rule
 * messages, the time check), where a leading number would read as a count.
 */
export function candidateLabel(candidate: NamedCandidate, form: 'listed' | 'in_sentence'): string {
  const names = candidate.names.join('–');
  if (candidate.number === null) return names;
  const number = String(candidate.number).padStart(2, '0');
  return form === 'listed' ? `${number} ${names}` : `${names} (${number})`;
}
