// Words of the per-person dossier (asn-audit dossier) in Indonesian (default) and English; the report's own words
// (categories, severities, statuses) come from i18n.ts.
import type { Lang } from './types.js';

export interface DossierLabels {
  title: string;
  disclaimer: string;
  /** When the report was scanned in the other language: its own words are quoted as they are. */
  reportLanguage: (reportLang: Lang) => string;
  identity: string;
  election: string;
  timezone: string;
  overview: (acts: number, findings: number, open: number) => string;
  candidates: string;
  candidateColumns: { ballot: string; pair: string; since: string; designated: string };
  acts: (n: number) => string;
  act: (index: number) => string;
  timeline: string;
  /** Over a stretch of the axis drawn shorter than its days. */
  timelineCompressed: string;
  /** Under the timeline: which days are at full scale, and whether a stretch outside them is compressed. */
  timelineNote: (from: string, to: string, shown: { compressed: boolean; campaign: boolean }) => string;
  undatedActs: (n: number) => string;
  undated: string;
  target: string;
  event: string;
  tags: string;
  link: string;
  source: string;
  inputUnknown: string;
  /** The act's day against a candidate's dates. */
  timing: string;
  sinceWord: string;
  designatedWord: string;
  days: (n: number) => string;
  sameDay: string;
  beforeSince: string;
  asProspective: string;
  afterDesignated: string;
  notDesignated: string;
  groundsColumns: { finding: string; evidence: string; law: string; review: string };
  unreviewed: string;
  baseline: (reason: string) => string;
  custody: string;
  custodyNote: string;
  custodyRows: {
    report: string;
    schema: string;
    madeBy: string;
    dossierBy: string;
    rules: string;
    election: string;
    roster: string;
    inputs: string;
  };
  noFindings: string;
}

const id: DossierLabels = {
  title: 'Berkas pemeriksaan netralitas ASN',
  disclaimer:
    'Setiap temuan adalah petunjuk untuk diperiksa, bukan putusan. Keputusan ada pada pejabat yang berwenang setelah klarifikasi.',
  reportLanguage: (reportLang) =>
    `Judul, uraian dan pemeriksaan waktu temuan dikutip dari laporan, dalam bahasa ${reportLang === 'en' ? 'Inggris' : 'Indonesia'}.`,
  identity: 'Identitas',
  election: 'Pemilihan',
  timezone: 'Zona waktu',
  overview: (acts, findings, open) => `${acts} tindakan, ${findings} temuan, ${open} masih terbuka`,
  candidates: 'Pasangan calon yang terkait',
  candidateColumns: { ballot: 'No.', pair: 'Pasangan', since: 'Bakal calon sejak', designated: 'Ditetapkan KPU' },
  acts: (n) => `Tindakan (${n})`,
  act: (index) => `Tindakan ${index}`,
  timeline: 'Linimasa tindakan',
  timelineCompressed: 'dipadatkan',
  timelineNote: (from, to, shown) =>
    `Tahapan pemilihan ${from} s.d. ${to} dalam skala penuh${shown.campaign ? ', masa kampanye diarsir jingga' : ''}${shown.compressed ? '; waktu di luarnya dipadatkan' : ''}. Nomor = nomor tindakan, warna = tingkat tertinggi.`,
  undatedActs: (n) => `${n} tindakan tanpa tanggal tidak tampil di linimasa.`,
  undated: 'tanpa tanggal',
  target: 'Sasaran',
  event: 'Acara',
  tags: 'Label',
  link: 'Tautan',
  source: 'Sumber',
  inputUnknown: 'berkas masukan tidak tercantum di laporan',
  timing: 'Terhadap tanggal calon',
  sinceWord: 'bakal calon sejak',
  designatedWord: 'ditetapkan KPU',
  days: (n) => (n > 0 ? `${n} hari sesudahnya` : `${-n} hari sebelumnya`),
  sameDay: 'hari yang sama',
  beforeSince: 'sebelum menjadi bakal calon',
  asProspective: 'saat bakal calon, sebelum penetapan',
  afterDesignated: 'sesudah penetapan sebagai calon',
  notDesignated: 'belum ditetapkan',
  groundsColumns: { finding: 'Temuan', evidence: 'Bukti', law: 'Dasar hukum dan sanksi', review: 'Status tinjauan' },
  unreviewed: 'belum ditinjau',
  baseline: (reason) => `ditinjau sebelumnya (baseline): ${reason}`,
  custody: 'Rantai penguasaan bukti',
  custodyNote:
    'Periksa kembali: sha256sum laporan harus sama dengan di atas; asn-audit explain LAPORAN SIDIK menjelaskan tiap temuan.',
  custodyRows: {
    report: 'Laporan',
    schema: 'Skema',
    madeBy: 'Laporan dibuat oleh',
    dossierBy: 'Berkas ini dibuat oleh',
    rules: 'Aturan',
    election: 'Berkas pemilihan',
    roster: 'Daftar ASN',
    inputs: 'Masukan',
  },
  noFindings: 'Tidak ada temuan untuk ASN ini dalam laporan.',
};

const en: DossierLabels = {
  title: 'Civil-servant neutrality dossier',
  disclaimer:
    'Every finding is a lead to examine, not a verdict. The decision belongs to the competent official after clarification.',
  reportLanguage: (reportLang) =>
    `Finding titles, messages and time checks are quoted from the report, in ${reportLang === 'en' ? 'English' : 'Indonesian'}.`,
  identity: 'Identity',
  election: 'Election',
  timezone: 'Time zone',
  overview: (acts, findings, open) =>
    `${acts} act${acts === 1 ? '' : 's'}, ${findings} finding${findings === 1 ? '' : 's'}, ${open} still open`,
  candidates: 'Candidates concerned',
  candidateColumns: { ballot: 'No.', pair: 'Pair', since: 'Prospective since', designated: 'Designated by KPU' },
  acts: (n) => `Acts (${n})`,
  act: (index) => `Act ${index}`,
  timeline: 'Timeline of acts',
  timelineCompressed: 'compressed',
  timelineNote: (from, to, shown) =>
    `Election phases ${from} to ${to} at full scale${shown.campaign ? ', the campaign period shaded orange' : ''}${shown.compressed ? '; time outside them compressed' : ''}. Number = act number, colour = highest severity.`,
  undatedActs: (n) => `${n} undated act${n === 1 ? '' : 's'} not on the timeline.`,
  undated: 'undated',
  target: 'Target',
  event: 'Event',
  tags: 'Tags',
  link: 'Link',
  source: 'Source',
  inputUnknown: 'input file not listed in the report',
  timing: 'Against the candidate’s dates',
  sinceWord: 'prospective since',
  designatedWord: 'designated by KPU',
  days: (n) => (n > 0 ? `${n} day${n === 1 ? '' : 's'} after` : `${-n} day${n === -1 ? '' : 's'} before`),
  sameDay: 'the same day',
  beforeSince: 'before they were prospective candidates',
  asProspective: 'as prospective candidates, before designation',
  afterDesignated: 'after their designation as candidates',
  notDesignated: 'not designated',
  groundsColumns: {
    finding: 'Finding',
    evidence: 'Evidence',
    law: 'Legal basis and sanction',
    review: 'Review status',
  },
  unreviewed: 'unreviewed',
  baseline: (reason) => `reviewed earlier (baseline): ${reason}`,
  custody: 'Chain of custody',
  custodyNote:
    'To check: sha256sum of the report must equal the one above; asn-audit explain REPORT FINGERPRINT explains each finding.',
  custodyRows: {
    report: 'Report',
    schema: 'Schema',
    madeBy: 'Report made by',
    dossierBy: 'This dossier made by',
    rules: 'Rules',
    election: 'Election file',
    roster: 'Roster',
    inputs: 'Inputs',
  },
  noFindings: 'This civil servant has no findings in the report.',
};

export const DOSSIER_LABELS: Record<Lang, DossierLabels> = { id, en };
