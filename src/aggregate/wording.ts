// Sentences the report builds from data (time checks, sanction names, candidate labels) in Indonesian and English.
import type { Candidate } from '../shared/types.js';
import type { TimeCheck } from '../rules/evaluate.js';
import type { Lang, Sanction } from '../shared/types.js';
import type { Finding, Report, TimeCheckRecord } from '../schemas/report-schema.js';
import { formatLocalDateTime, zoneName } from '../shared/local-time.js';
import { candidateLabel } from '../shared/candidate-label.js';

export const SANCTION_LABELS: Record<Sanction, Record<Lang, string>> = {
  sanksi_moral: {
    id: 'Sanksi moral (pernyataan tertutup/terbuka), PP 42/2004 Pasal 15',
    en: 'Moral sanction (closed or open statement), PP 42/2004 art. 15',
  },
  hukuman_disiplin_sedang: {
    id: 'Hukuman disiplin sedang (pemotongan tunjangan kinerja 25%), PP 94/2021',
    en: 'Moderate disciplinary penalty (25% performance-allowance cut), PP 94/2021',
  },
  hukuman_disiplin_berat: {
    id: 'Hukuman disiplin berat (penurunan jabatan, pembebasan jabatan, atau pemberhentian), PP 94/2021',
    en: 'Severe disciplinary penalty (demotion, release from post, or dismissal), PP 94/2021',
  },
  ptdh: {
    id: 'Pemberhentian tidak dengan hormat (PTDH), UU 5/2014 Pasal 87 ayat (4) huruf c; UU 20/2023 Pasal 52',
    en: 'Dishonourable dismissal (PTDH), UU 5/2014 art. 87(4)(c); UU 20/2023 art. 52',
  },
};

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
  switch (check.kind) {
    case 'undated':
      return lang === 'id'
        ? 'Tanpa waktu: ekspor tidak mencatat kapan tindakan ini dilakukan, sehingga tidak dapat dipastikan terjadi setelah tanggal bakal calon; dinilai sebagai kode etik dengan keyakinan rendah.'
        : 'Undated: the export does not record when this act happened, so it cannot be placed after the candidacy date; treated as kode etik with low confidence.';
    case 'no_candidate':
      return lang === 'id' ? `Dilakukan ${when(check.at)}.` : `Done ${when(check.at)}.`;
    case 'bakal_calon':
      return lang === 'id'
        ? `Dilakukan ${when(check.at)}, setelah ${label} menjadi bakal calon (${when(check.since)}) dan sebelum penetapan sebagai calon: kode etik.`
        : `Done ${when(check.at)}, after ${label} became a prospective candidate (${when(check.since)}) and before designation: kode etik.`;
    case 'calon':
      return lang === 'id'
        ? `Dilakukan ${when(check.at)}, setelah ${label} ditetapkan sebagai calon oleh KPU (${when(check.designated)}): disiplin.`
        : `Done ${when(check.at)}, after ${label} was designated a candidate by KPU (${when(check.designated)}): disiplin.`;
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
