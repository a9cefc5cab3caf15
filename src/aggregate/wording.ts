// Sentences the report builds from data (time checks, sanction names, candidate labels) in Indonesian and English.
import type { Candidate } from '../shared/types.js';
import type { TimeCheck } from '../rules/evaluate.js';
import type { Lang, Sanction } from '../shared/types.js';
import type { Finding, Report } from '../schemas/report-schema.js';
import { parseDateBoundary } from '../normalize/timestamp.js';
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

export function describeTime(time: TimeCheck, candidate: Candidate | null, timeZone: string, lang: Lang): string {
  const when = (ms: number) => `${formatLocalDateTime(new Date(ms).toISOString(), timeZone)} ${zoneName(timeZone)}`;
  const label = candidate ? candidateLabel(candidate, 'in_sentence') : '';
  switch (time.kind) {
    case 'undated':
      return lang === 'id'
        ? 'Tanpa waktu: ekspor tidak mencatat kapan tindakan ini dilakukan, sehingga tidak dapat dipastikan terjadi setelah tanggal bakal calon; dinilai sebagai kode etik dengan keyakinan rendah.'
        : 'Undated: the export does not record when this act happened, so it cannot be placed after the candidacy date; treated as kode etik with low confidence.';
    case 'no_candidate':
      return lang === 'id' ? `Dilakukan ${when(time.at)}.` : `Done ${when(time.at)}.`;
    case 'bakal_calon':
      return lang === 'id'
        ? `Dilakukan ${when(time.at)}, setelah ${label} menjadi bakal calon (${when(time.since)}) dan sebelum penetapan sebagai calon: kode etik.`
        : `Done ${when(time.at)}, after ${label} became a prospective candidate (${when(time.since)}) and before designation: kode etik.`;
    case 'calon':
      return lang === 'id'
        ? `Dilakukan ${when(time.at)}, setelah ${label} ditetapkan sebagai calon oleh KPU (${when(time.designated)}): disiplin.`
        : `Done ${when(time.at)}, after ${label} was designated a candidate by KPU (${when(time.designated)}): disiplin.`;
  }
}

/** Fills `{candidate}`, `{target}`, `{matched}`, `{event}` in a rule's message. */
export function fillMessage(template: string, values: Record<string, string>): string {
  // Own keys only: `{constructor}` in a rule's message must not reach Object.prototype.
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (Object.hasOwn(values, key) ? values[key]! : whole));
}

/**
 * The time-check sentence rebuilt from a report alone, in any language: `explain --lang en` on a report made in
 * Indonesian. Null when the report does not name the candidate (then the report's own sentence stands).
 */
export function describeTimeFromReport(finding: Finding, election: Report['election'], lang: Lang): string | null {
  const at = finding.activity.timestamp === null ? null : Date.parse(finding.activity.timestamp);
  const zone = election.timezone;
  if (finding.candidate === null)
    return at === null ? null : describeTime({ kind: 'no_candidate', at }, null, zone, lang);
  const c = election.candidates.find((x) => x.id === finding.candidate);
  if (!c) return null;
  const since = parseDateBoundary(c.since, zone);
  const designated = c.designated === null ? null : parseDateBoundary(c.designated, zone);
  if (since === null) return null;
  const candidate = { names: c.names, number: c.number } as Candidate;
  if (at === null) return describeTime({ kind: 'undated' }, candidate, zone, lang);
  if (designated !== null && at >= designated)
    return describeTime({ kind: 'calon', at, designated }, candidate, zone, lang);
  return describeTime({ kind: 'bakal_calon', at, since }, candidate, zone, lang);
}
