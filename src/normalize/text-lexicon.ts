// Word lists behind text normalisation: chat abbreviations, words that introduce a number, real alphanumerics.

/**
 * Indonesian chat spellings → the standard word, after the Colloquial Indonesian Lexicon's abbreviation class
 * (domain.md §8.2); the list is ours. Only unambiguous entries: `pd` (Partai Demokrat), `plh` (pelaksana harian),
 * `km` (kilometre) and `dah` (bye) are left out on purpose. No value may itself be a key, so expanding twice
 * changes nothing.
 */
export const ABBREVIATIONS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    yg: 'yang',
    jgn: 'jangan',
    jg: 'juga',
    gk: 'tidak',
    ga: 'tidak',
    gak: 'tidak',
    nggak: 'tidak',
    ngga: 'tidak',
    ngak: 'tidak',
    tdk: 'tidak',
    bgt: 'banget',
    utk: 'untuk',
    untk: 'untuk',
    dgn: 'dengan',
    dg: 'dengan',
    sdh: 'sudah',
    udh: 'sudah',
    udah: 'sudah',
    blm: 'belum',
    blum: 'belum',
    krn: 'karena',
    krna: 'karena',
    karna: 'karena',
    tp: 'tapi',
    tpi: 'tapi',
    aja: 'saja',
    aj: 'saja',
    sj: 'saja',
    no: 'nomor',
    nmr: 'nomor',
    nomer: 'nomor',
    nmor: 'nomor',
    nmer: 'nomor',
    org: 'orang',
    kpd: 'kepada',
    sy: 'saya',
    kt: 'kita',
    dr: 'dari',
    bs: 'bisa',
    bsa: 'bisa',
    lg: 'lagi',
    lgi: 'lagi',
    sm: 'sama',
    skrg: 'sekarang',
    skrng: 'sekarang',
    skrang: 'sekarang',
    trs: 'terus',
    trus: 'terus',
    bnyk: 'banyak',
    byk: 'banyak',
    dlm: 'dalam',
    klo: 'kalau',
    kalo: 'kalau',
    gmn: 'gimana',
    gmna: 'gimana',
    knp: 'kenapa',
    emg: 'memang',
    emang: 'memang',
    msh: 'masih',
    jd: 'jadi',
    jdi: 'jadi',
    ato: 'atau',
    atw: 'atau',
    tsb: 'tersebut',
    spt: 'seperti',
    thn: 'tahun',
    hrs: 'harus',
    bkn: 'bukan',
    sbg: 'sebagai',
    smua: 'semua',
    pake: 'pakai',
    dpt: 'dapat',
    bnr: 'benar',
    bner: 'benar',
    tgl: 'tanggal',
    sblm: 'sebelum',
    stlh: 'setelah',
    kmrn: 'kemarin',
    bsk: 'besok',
    nnt: 'nanti',
    ntar: 'nanti',
    tlg: 'tolong',
    bpk: 'bapak',
    sdr: 'saudara',
    brp: 'berapa',
    sdg: 'sedang',
    dlu: 'dulu',
    slalu: 'selalu',
    kmu: 'kamu',
    jkt: 'jakarta',
    cblos: 'coblos',
    dkung: 'dukung',
  }),
);

/**
 * Words after which a bare number or finger emoji is a ballot number (`nomor ✌️` → `nomor 2`), and which may be
 * glued to one (`no3`, `paslon02`). Standard spellings only: abbreviations are expanded first.
 */
export const NUMBER_WORDS: ReadonlySet<string> = new Set([
  'nomor',
  'paslon',
  'urut',
  'coblos',
  'nyoblos',
  'pilih',
  'pilihlah',
]);

/**
 * Words after which a finger emoji is a ballot number (`nomor ✌️` → `nomor 2`). Not the verbs: "sudah nyoblos ☝️"
 * shows the inked finger after voting, not a candidate's number.
 */
export const FINGER_NUMBER_WORDS: ReadonlySet<string> = new Set(['nomor', 'paslon', 'urut']);

/** Short prefixes that are split off a glued number although they have fewer than three letters: `rp50.000`, `rt05`. */
export const NUMBER_PREFIXES: ReadonlySet<string> = new Set(['rp', 'rt', 'rw']);

/** Letter–digit tokens that are real names, not leetspeak: P3K (= PPPK civil servants), virus strains, G30S. */
export const REAL_ALPHANUMERICS: ReadonlySet<string> = new Set(['p3k', 'h5n1', 'h1n1', 'g30s', 'k3l']);
