// Sentences the report builds from data (time checks, rule messages); their words are in shared/labels.
import type { Candidate } from '../shared/types.js';
import type { TimeCheck } from '../rules/evaluate.js';
import type { Lang } from '../shared/types.js';
import { uiLabels } from '../shared/labels/index.js';
import type { Finding, Report, TimeCheckRecord } from '../schemas/report-schema.js';
import { formatLocalDateTime, zoneName } from '../shared/local-time.js';
import { candidateLabel } from '../shared/candidate-label.js';

/** The evaluation's time check (epoch milliseconds) as the report records it. */
export function timeCheckRecord(time: TimeCheck): TimeCheckRecord {
  const iso = (ms: number) => new Date(ms).toISOString();
  return {
    kind: time.kind,
    at: time.kind === 'undated' ? null : iso(time.at),
    since: time.kind === 'bakal_calon' ? iso(time.since) : null,
    designated: time.kind === 'calon' ? iso(time.designated) : null,
  };
}

/** The time check as a sentence in `lang`, times in the election's zone; `candidate` is the one the finding concerns. */
export function describeTime(
  check: TimeCheckRecord,
  candidate: Pick<Candidate, 'names' | 'number'> | null,
  timeZone: string,
  lang: Lang,
): string {
  const when = (iso: string | null) => `${formatLocalDateTime(iso ?? '', timeZone)} ${zoneName(timeZone)}`;
  const label = candidate ? candidateLabel(candidate, 'in_sentence') : '';
  const words = uiLabels(lang).timeCheck;
  switch (check.kind) {
    case 'undated':
      return words.undated;
    case 'no_candidate':
      return words.noCandidate(when(check.at));
    case 'bakal_calon':
      return words.bakalCalon(when(check.at), label, when(check.since));
    case 'calon':
      return words.calon(when(check.at), label, when(check.designated));
  }
}

/** Fills `{candidate}`, `{target}`, `{matched}`, `{event}` in a rule's message. */
export function fillMessage(template: string, values: Record<string, string>): string {
  // Own keys only: `{constructor}` in a rule's message must not reach Object.prototype.
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (Object.hasOwn(values, key) ? values[key]! : whole));
}

/**
 * The time-check sentence of a finding in any language, from the report alone: `explain --lang en` on a report made
 * in Indonesian. Null when the report has no time_check (written before it existed) or does not list the finding's
 * candidate; then the report's own sentence stands.
 */
export function describeTimeFromReport(finding: Finding, election: Report['election'], lang: Lang): string | null {
  const check = finding.evidence.time_check;
  if (!check) return null;
  const candidate =
    finding.candidate === null ? null : (election.candidates.find((c) => c.id === finding.candidate) ?? null);
  if (finding.candidate !== null && candidate === null) return null;
  return describeTime(check, candidate, election.timezone, lang);
}
