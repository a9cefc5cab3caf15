// UI labels of the reports in Indonesian (default) and English: every word a formatter prints that is not user data.
import type {
  ActivityType,
  Basis,
  Category,
  Confidence,
  Lang,
  ReviewStatus,
  Sanction,
  Severity,
  Stance,
} from './types.js';

export interface UiLabels {
  reportTitle: string;
  category: Record<Category, string>;
  /** Short column headers for the terminal table; `categoryLegend` explains them. */
  categoryShort: Record<Category, string>;
  categoryLegend: string;
  severity: Record<Severity, string>;
  basis: Record<Basis, string>;
  sanction: Record<Sanction, string>;
  confidence: Record<Confidence, string>;
  /** Which way a finding leans toward its candidate. */
  stance: Record<Stance, string>;
  activityType: Record<ActivityType, string>;
  /** Month abbreviations, January first, for chart axes. */
  monthsShort: readonly string[];
  field: {
    nip: string;
    name: string;
    agency: string;
    position: string;
    severity: string;
    highestSeverity: string;
    category: string;
    rule: string;
    candidate: string;
    stance: string;
    time: string;
    platform: string;
    account: string;
    target: string;
    text: string;
    targetText: string;
    evidence: string;
    timeEvidence: string;
    phase: string;
    source: string;
    link: string;
    basis: string;
    sanction: string;
    references: string;
    confidence: string;
    status: string;
    findings: string;
    persons: string;
    personsFlagged: string;
    suppressed: string;
    count: string;
    reason: string;
    reviewer: string;
    rows: string;
    file: string;
    line: string;
    fingerprint: string;
  };
  summary: {
    heading: string;
    rowsRead: string;
    rowsEvaluated: string;
    rowsRejected: string;
    rowsUnmatched: string;
    rowsOutsideWindow: string;
    window: string;
    windowOpen: string;
    byAgency: string;
    byCategory: string;
    bySeverity: string;
    timeline: string;
    /** Under the chart: the zone the days are counted in. */
    timelineNote: (zone: string) => string;
    /** Under the chart when it has candidate-date lines: what they mark. */
    candidateDatesNote: string;
    /** Legend entries for what the chart draws besides the bars. */
    timelineKey: { phases: string; window: string; candidateDates: string };
    /** Short labels of the candidate-date lines (one line per date, however many pairs share it). */
    candidateSince: string;
    candidateDesignated: string;
    undated: (n: number) => string;
    inputs: string;
    rules: (files: number, rules: number) => string;
  };
  status: {
    active: string;
    suppressed: string;
    suppressedBecause: (reason: string) => string;
    unreviewed: string;
    /** A reviewer's decision (the decisions file), as the report shows it beside the finding. */
    review: Record<ReviewStatus, string>;
    reviewedBecause: (status: string, reason: string) => string;
  };
  /** Acts: one activity row with findings; a panel judges acts, one act may break several rules. */
  acts: {
    column: string;
    /** `Tindakan 2 · baris activity.csv:63 · 3 dasar`: the act's heading above its findings. */
    heading: (index: number, source: string, grounds: number) => string;
    /** The summary's count of acts beside the findings. */
    count: (acts: number, findings: number) => string;
    /** With a baseline or decisions: persons and acts nobody has decided yet are listed first. */
    openFirstNote: string;
  };
  section: {
    flaggedPersons: string;
    findingsPerPerson: string;
    rosterGaps: string;
    rosterGapsNote: string;
    unmatchedAccounts: string;
    rejectedRows: string;
    staleSuppressions: string;
    staleDecisions: string;
    byCandidate: string;
    skippedInputs: string;
    notActivity: string;
    provenance: string;
  };
  noFindings: string;
  /** When every finding was reviewed (suppressed by a baseline): not the same as no findings. */
  allSuppressed: (count: number) => string;
  noPersonFindings: string;
  filterPlaceholder: string;
  /** The HTML report's review controls and filters (shown only when its script runs). */
  triage: {
    all: { agency: string; category: string; severity: string; candidate: string; status: string };
    noCandidate: string;
    open: string;
    reviewer: string;
    reason: string;
    /** Button words: the decision a click records. */
    decide: { confirmed: string; dismissed: string; needs_evidence: string };
    clear: string;
    download: string;
    needReviewer: string;
    needReason: string;
    /** With `{shown}`, `{total}` and `{decided}` filled in by the page. */
    counts: string;
    decidedHere: string;
    note: string;
    notSaved: string;
    staleLeftOut: (n: number) => string;
  };
  more: (n: number) => string;
  leadDisclaimer: string;
  junit: {
    passed: string;
    unmonitored: string;
    failure: (active: number, suppressed: number) => string;
    /** The one test case that stands for every person of the roster without findings. */
    clean: (persons: number) => string;
  };
}

const id: UiLabels = {
  reportTitle: 'Laporan netralitas ASN',
  category: {
    endorsement_post: 'Unggahan dukungan',
    candidate_reaction: 'Reaksi pada konten calon',
    candidate_comment: 'Komentar pada konten calon',
    campaign_share: 'Membagikan konten kampanye',
    campaign_follow: 'Mengikuti akun/grup kampanye',
    partisan_photo: 'Foto keberpihakan',
    banner: 'Spanduk/alat peraga',
    event_attendance: 'Hadir di acara kampanye',
    party_membership: 'Keanggotaan partai/tim',
  },
  categoryShort: {
    endorsement_post: 'Ung',
    candidate_reaction: 'Rea',
    candidate_comment: 'Kom',
    campaign_share: 'Bag',
    campaign_follow: 'Ikt',
    partisan_photo: 'Fot',
    banner: 'Spa',
    event_attendance: 'Had',
    party_membership: 'Par',
  },
  categoryLegend: 'Kolom kategori',
  severity: { low: 'rendah', medium: 'sedang', high: 'tinggi' },
  basis: { kode_etik: 'Kode etik', disiplin: 'Disiplin' },
  sanction: {
    sanksi_moral: 'Sanksi moral',
    hukuman_disiplin_sedang: 'Hukuman disiplin sedang',
    hukuman_disiplin_berat: 'Hukuman disiplin berat',
    ptdh: 'Pemberhentian tidak dengan hormat (PTDH)',
  },
  confidence: { high: 'tinggi', medium: 'sedang', low: 'rendah' },
  stance: { support: 'mendukung', against: 'menentang' },
  activityType: {
    post: 'unggahan',
    comment: 'komentar',
    share: 'bagikan',
    reaction: 'reaksi',
    follow: 'mengikuti',
    join_group: 'gabung grup',
    attendance: 'kehadiran',
    banner: 'spanduk',
  },
  monthsShort: ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'],
  field: {
    nip: 'NIP',
    name: 'Nama',
    agency: 'Instansi',
    position: 'Jabatan',
    severity: 'Tingkat',
    highestSeverity: 'Tertinggi',
    category: 'Kategori',
    rule: 'Aturan',
    candidate: 'Calon',
    stance: 'Sikap',
    time: 'Waktu',
    platform: 'Platform',
    account: 'Akun',
    target: 'Sasaran',
    text: 'Teks',
    targetText: 'Teks sasaran',
    evidence: 'Bukti',
    timeEvidence: 'Penetapan waktu',
    phase: 'Tahapan',
    source: 'Sumber',
    link: 'Tautan',
    basis: 'Dasar',
    sanction: 'Sanksi',
    references: 'Rujukan',
    confidence: 'Keyakinan',
    status: 'Status',
    findings: 'Temuan',
    persons: 'Orang',
    personsFlagged: 'Orang ditandai',
    suppressed: 'Disupresi',
    count: 'Jumlah',
    reason: 'Alasan',
    reviewer: 'Peninjau',
    rows: 'Baris',
    file: 'Berkas',
    line: 'Baris ke',
    fingerprint: 'Sidik',
  },
  summary: {
    heading: 'Ringkasan',
    rowsRead: 'Baris dibaca',
    rowsEvaluated: 'dievaluasi',
    rowsRejected: 'ditolak',
    rowsUnmatched: 'tanpa pemilik di daftar',
    rowsOutsideWindow: 'di luar rentang',
    window: 'Rentang waktu',
    windowOpen: 'terbuka',
    byAgency: 'Per instansi',
    byCategory: 'Per kategori',
    bySeverity: 'Per tingkat',
    timeline: 'Temuan per hari',
    timelineNote: (zone) => `Tanggal menurut ${zone}.`,
    candidateDatesNote:
      'Garis titik-titik: sejak kapan pasangan menjadi bakal calon dan tanggal penetapan pasangan calon oleh KPU (dengan nomor urut bila tidak berlaku untuk semua pasangan).',
    timelineKey: {
      phases: 'Tahapan pemilihan',
      window: 'Rentang waktu pemindaian',
      candidateDates: 'Tanggal pasangan calon',
    },
    candidateSince: 'bakal calon',
    candidateDesignated: 'penetapan',
    undated: (n) => `${n} temuan tanpa tanggal tidak tampil di grafik.`,
    inputs: 'Masukan',
    rules: (files, rules) => `${rules} aturan dari ${files} berkas`,
  },
  status: {
    active: 'aktif',
    suppressed: 'disupresi',
    suppressedBecause: (reason) => `DISUPRESI: ${reason}`,
    unreviewed: 'belum ditinjau',
    review: {
      confirmed: 'dikonfirmasi',
      dismissed: 'ditolak',
      needs_evidence: 'perlu bukti',
      escalated: 'dieskalasi',
    },
    reviewedBecause: (status, reason) => `${status.toUpperCase()}: ${reason}`,
  },
  acts: {
    column: 'Tindakan',
    heading: (index, source, grounds) => `Tindakan ${index} · ${source} · ${grounds} dasar`,
    count: (acts, findings) => `${acts} tindakan, ${findings} temuan`,
    openFirstNote: 'ASN dan tindakan yang belum ditinjau (baru) ditampilkan lebih dulu.',
  },
  section: {
    flaggedPersons: 'ASN dengan temuan',
    findingsPerPerson: 'Temuan per orang',
    rosterGaps: 'Tanpa akun terdaftar (tidak terpantau)',
    rosterGapsNote: 'ASN ini tidak mendeklarasikan akun media sosial, sehingga aktivitasnya tidak dapat diperiksa.',
    unmatchedAccounts: 'Akun tanpa pemilik di daftar ASN',
    rejectedRows: 'Baris ditolak',
    staleSuppressions: 'Supresi yang tidak lagi cocok',
    staleDecisions: 'Keputusan yang tidak lagi cocok (usang)',
    byCandidate: 'Per pasangan calon',
    skippedInputs: 'Berkas yang tidak dapat dibaca',
    notActivity: 'Berkas bukan aktivitas (dihitung per folder atau arsip)',
    provenance: 'Asal data',
  },
  noFindings: 'Tidak ada temuan (petunjuk): tidak ada aktivitas yang memenuhi aturan netralitas.',
  allSuppressed: (count) =>
    `Tidak ada temuan terbuka: ${count} temuan sudah ditinjau (baseline atau berkas keputusan).`,
  noPersonFindings: 'Tidak ada temuan.',
  filterPlaceholder: 'Saring nama, NIP, instansi, teks…',
  triage: {
    all: {
      agency: 'Semua instansi',
      category: 'Semua kategori',
      severity: 'Semua tingkat',
      candidate: 'Semua calon',
      status: 'Semua status',
    },
    noCandidate: 'tanpa calon',
    open: 'masih terbuka',
    reviewer: 'Nama peninjau',
    reason: 'Alasan keputusan',
    decide: { confirmed: 'Konfirmasi', dismissed: 'Tolak', needs_evidence: 'Perlu bukti' },
    clear: 'Batalkan',
    download: 'Unduh keputusan',
    needReviewer: 'Isi nama peninjau dulu.',
    needReason: 'Isi alasan keputusan dulu.',
    counts: '{shown} dari {total} temuan ditampilkan · {decided} keputusan di peramban ini',
    decidedHere: 'diputuskan di peramban ini',
    note: 'Keputusan disimpan di peramban ini sampai diunduh. Berkas unduhan (decisions.yaml) dibaca oleh asn-audit scan --decisions.',
    notSaved: 'Peramban tidak mengizinkan penyimpanan: unduh keputusan sebelum menutup halaman.',
    staleLeftOut: (n) => `${n} keputusan usang (tercantum di bawah) tidak ikut diunduh.`,
  },
  more: (n) => `… ${n} lagi`,
  leadDisclaimer: 'Setiap temuan adalah petunjuk untuk ditinjau manusia, bukan putusan.',
  junit: {
    passed: 'tidak ada temuan aktif',
    unmonitored: 'tidak ada akun terdaftar: tidak terpantau',
    failure: (active, suppressed) => `${active} temuan aktif${suppressed > 0 ? `, ${suppressed} disupresi` : ''}`,
    clean: (persons) => `${persons} ASN lain tanpa temuan`,
  },
};

const en: UiLabels = {
  reportTitle: 'ASN neutrality report',
  category: {
    endorsement_post: 'Endorsement post',
    candidate_reaction: 'Reaction to candidate content',
    candidate_comment: 'Comment on candidate content',
    campaign_share: 'Shared campaign content',
    campaign_follow: 'Follows campaign account/group',
    partisan_photo: 'Partisan photo',
    banner: 'Banner/campaign props',
    event_attendance: 'Attended campaign event',
    party_membership: 'Party/team membership',
  },
  categoryShort: {
    endorsement_post: 'End',
    candidate_reaction: 'Rea',
    candidate_comment: 'Com',
    campaign_share: 'Shr',
    campaign_follow: 'Fol',
    partisan_photo: 'Pho',
    banner: 'Ban',
    event_attendance: 'Att',
    party_membership: 'Par',
  },
  categoryLegend: 'Category columns',
  severity: { low: 'low', medium: 'medium', high: 'high' },
  basis: { kode_etik: 'Code of ethics', disiplin: 'Discipline' },
  sanction: {
    sanksi_moral: 'Moral sanction',
    hukuman_disiplin_sedang: 'Moderate disciplinary penalty',
    hukuman_disiplin_berat: 'Severe disciplinary penalty',
    ptdh: 'Dishonourable dismissal (PTDH)',
  },
  confidence: { high: 'high', medium: 'medium', low: 'low' },
  stance: { support: 'for', against: 'against' },
  activityType: {
    post: 'post',
    comment: 'comment',
    share: 'share',
    reaction: 'reaction',
    follow: 'follow',
    join_group: 'joined group',
    attendance: 'attendance',
    banner: 'banner',
  },
  monthsShort: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  field: {
    nip: 'NIP',
    name: 'Name',
    agency: 'Agency',
    position: 'Position',
    severity: 'Severity',
    highestSeverity: 'Highest',
    category: 'Category',
    rule: 'Rule',
    candidate: 'Candidate',
    stance: 'Stance',
    time: 'Time',
    platform: 'Platform',
    account: 'Account',
    target: 'Target',
    text: 'Text',
    targetText: 'Target text',
    evidence: 'Evidence',
    timeEvidence: 'How the time was set',
    phase: 'Phase',
    source: 'Source',
    link: 'Link',
    basis: 'Basis',
    sanction: 'Sanction',
    references: 'References',
    confidence: 'Confidence',
    status: 'Status',
    findings: 'Findings',
    persons: 'Persons',
    personsFlagged: 'Persons flagged',
    suppressed: 'Suppressed',
    count: 'Count',
    reason: 'Reason',
    reviewer: 'Reviewer',
    rows: 'Rows',
    file: 'File',
    line: 'Line',
    fingerprint: 'Fingerprint',
  },
  summary: {
    heading: 'Summary',
    rowsRead: 'Rows read',
    rowsEvaluated: 'evaluated',
    rowsRejected: 'rejected',
    rowsUnmatched: 'not in roster',
    rowsOutsideWindow: 'outside window',
    window: 'Time window',
    windowOpen: 'open',
    byAgency: 'By agency',
    byCategory: 'By category',
    bySeverity: 'By severity',
    timeline: 'Findings per day',
    timelineNote: (zone) => `Dates in ${zone}.`,
    candidateDatesNote:
      'Dotted lines: since when the pairs were prospective candidates, and the day the KPU designated them (with ballot numbers when not every pair).',
    timelineKey: { phases: 'Election phases', window: 'Scan window', candidateDates: 'Candidate dates' },
    candidateSince: 'prospective',
    candidateDesignated: 'designated',
    undated: (n) => `${n} undated finding${n === 1 ? '' : 's'} not shown in the chart.`,
    inputs: 'Inputs',
    rules: (files, rules) => `${rules} rules from ${files} file${files === 1 ? '' : 's'}`,
  },
  status: {
    active: 'active',
    suppressed: 'suppressed',
    suppressedBecause: (reason) => `SUPPRESSED: ${reason}`,
    unreviewed: 'unreviewed',
    review: {
      confirmed: 'confirmed',
      dismissed: 'dismissed',
      needs_evidence: 'needs evidence',
      escalated: 'escalated',
    },
    reviewedBecause: (status, reason) => `${status.toUpperCase()}: ${reason}`,
  },
  acts: {
    column: 'Acts',
    heading: (index, source, grounds) => `Act ${index} · ${source} · ${grounds} ground${grounds === 1 ? '' : 's'}`,
    count: (acts, findings) => `${acts} act${acts === 1 ? '' : 's'}, ${findings} finding${findings === 1 ? '' : 's'}`,
    openFirstNote: 'Persons and acts not yet reviewed (new) are listed first.',
  },
  section: {
    flaggedPersons: 'Civil servants with findings',
    findingsPerPerson: 'Findings per person',
    rosterGaps: 'No declared account (not monitorable)',
    rosterGapsNote: 'These civil servants declared no social-media account, so their activity cannot be checked.',
    unmatchedAccounts: 'Accounts not in the roster',
    rejectedRows: 'Rejected rows',
    staleSuppressions: 'Suppressions that matched nothing',
    staleDecisions: 'Decisions that matched nothing (stale)',
    byCandidate: 'By candidate',
    skippedInputs: 'Files that could not be read',
    notActivity: 'Files that are not activity (counted per folder or archive)',
    provenance: 'Provenance',
  },
  noFindings: 'No findings (leads): no activity matched the neutrality rules.',
  allSuppressed: (count) =>
    `No open findings: ${count} finding${count === 1 ? ' was' : 's were'} already reviewed (baseline or decisions file).`,
  noPersonFindings: 'No findings.',
  filterPlaceholder: 'Filter by name, NIP, agency, text…',
  triage: {
    all: {
      agency: 'All agencies',
      category: 'All categories',
      severity: 'All severities',
      candidate: 'All candidates',
      status: 'All statuses',
    },
    noCandidate: 'no candidate',
    open: 'still open',
    reviewer: 'Reviewer’s name',
    reason: 'Reason for the decision',
    decide: { confirmed: 'Confirm', dismissed: 'Dismiss', needs_evidence: 'Needs evidence' },
    clear: 'Undo',
    download: 'Download decisions',
    needReviewer: 'Enter the reviewer’s name first.',
    needReason: 'Enter the reason first.',
    counts: '{shown} of {total} findings shown · {decided} decisions in this browser',
    decidedHere: 'decided in this browser',
    note: 'Decisions are kept in this browser until downloaded. The downloaded file (decisions.yaml) is what asn-audit scan --decisions reads.',
    notSaved: 'This browser does not allow storage: download the decisions before closing the page.',
    staleLeftOut: (n) =>
      `${n} stale decision${n === 1 ? '' : 's'} (listed below) ${n === 1 ? 'is' : 'are'} not in the download.`,
  },
  more: (n) => `… ${n} more`,
  leadDisclaimer: 'Every finding is a lead for human review, not a verdict.',
  junit: {
    passed: 'no active findings',
    unmonitored: 'no declared account: not monitorable',
    failure: (active, suppressed) =>
      `${active} active finding${active === 1 ? '' : 's'}${suppressed > 0 ? `, ${suppressed} suppressed` : ''}`,
    clean: (persons) => `${persons} other civil servant${persons === 1 ? '' : 's'} without findings`,
  },
};

export const UI_LABELS: Record<Lang, UiLabels> = { id, en };

export function uiLabels(lang: Lang): UiLabels {
  return UI_LABELS[lang];
}
