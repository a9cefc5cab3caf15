// Evidence of words found in a text: what the text itself said (its normalised words), and where.
import type { ActivityView, TextField } from '../activity-view.js';
import type { TermHit } from '../term-matcher.js';
import type { Evidence } from './kind.js';

/**
 * What a hit says in evidence: the rule's own spelling when the text has exactly its words (`Kang Emil`), else the
 * words of the text as normalised: `mendukung` found for the rule's `dukung`, `jabar istimewa` for `#JabarIstimewa`
 * (a hashtag is only named as such by the `hashtags` condition, which sees it written).
 */
export function hitWords(view: ActivityView, field: TextField, hit: TermHit): string {
  if (hit.exact && !hit.term.startsWith('#')) return hit.term;
  return view.tokens(field).slice(hit.start, hit.end).join(' ');
}

export function wordsEvidence(
  view: ActivityView,
  condition: string,
  field: TextField,
  hits: readonly TermHit[],
  extra: Partial<Evidence> = {},
): Evidence {
  return {
    condition,
    field,
    value: hits.map((hit) => hitWords(view, field, hit)).join(' … '),
    spans: hits.map((hit) => ({ field, start: hit.start, end: hit.end })),
    ...extra,
  };
}
