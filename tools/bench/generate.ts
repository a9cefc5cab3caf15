// The bench's inputs, generated from a seed so that every run reads the same bytes: a roster of valid NIPs with one
// handle per platform, and canonical activity rows that all belong to roster persons, with both text fields filled
// and varied, about 2 % of them violations taken from the rule pack's own `match` examples.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { RulePack } from '../../src/rules/rule-pack.js';

/** mulberry32: small, fast and good enough to vary texts; the same seed gives the same file. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PLATFORMS = ['instagram', 'x', 'facebook', 'tiktok'] as const;

/** Everyday Indonesian of office, family and city life: the bulk of what monitored accounts post. */
const WORDS = (
  'saya kami kita kamu dia mereka hari ini besok kemarin pagi siang sore malam minggu bulan tahun kantor rumah ' +
  'sekolah pasar jalan macet hujan panas cerah banjir kopi teh nasi goreng soto bakso sate sarapan makan minum ' +
  'keluarga anak istri suami ibu bapak kakak adik teman tetangga warga guru murid pasien perawat dokter pegawai ' +
  'rapat laporan data berkas surat pelayanan publik loket antrean kelurahan kecamatan puskesmas posyandu rumah ' +
  'sakit kelas ujian nilai libur cuti lembur gaji kerja tugas dinas apel upacara senam olahraga lari sepeda bola ' +
  'futsal badminton renang latihan pertandingan juara lomba acara arisan pengajian gereja masjid doa syukur ' +
  'semoga sehat selalu terima kasih banyak mohon maaf selamat ulang tahun menikah lahir wisuda lulus bangga ' +
  'senang sedih capek lelah semangat mantap keren bagus indah enak murah mahal baru lama cepat lambat jauh dekat ' +
  'naik turun pergi pulang datang berangkat sampai tunggu lihat dengar baca tulis kirim bantu jaga rawat bersih ' +
  'sampah taman kota desa kampung gang motor mobil bus kereta ojek stasiun halte bandara pelabuhan pantai gunung ' +
  'liburan jalan-jalan foto video lucu banget sekali sangat agak cukup sudah belum masih akan sedang lagi juga ' +
  'dan atau tapi karena jadi kalau supaya untuk dengan dari ke di pada oleh tentang seperti yang itu ini sini ' +
  'sana mana apa siapa kapan bagaimana kenapa berapa satu dua tiga empat lima enam tujuh delapan sembilan sepuluh ' +
  'pertama kedua terakhir program kegiatan sosialisasi pelatihan seminar workshop webinar materi peserta narasumber ' +
  'vaksin imunisasi stunting gizi balita lansia kesehatan pendidikan perpustakaan buku cerita resep kue masak ' +
  'hujan-hujan banjir-banjir listrik padam air bersih pipa bocor genteng atap renovasi kontrakan kos sewa harga ' +
  'cabai bawang beras minyak telur ayam ikan sayur buah mangga rambutan durian pisang jeruk kelapa es kelapa'
).split(/\s+/);
const TAILS = ['🙏', '😊', '💪', '🔥', '😂', '🥲', '👍', '!', '!!', '...', '?', '#senin', '#jumatberkah', '#sehat'];
const SYLLABLES =
  'ba be bi bo bu ka ke ki ko ku la le li lo lu ma me mi mo mu na ne ni no nu sa se si so su ta te ti to tu wa we wi ya yo ga gi gu ja ju pa pe pi po pu'.split(
    ' ',
  );
const TYPES = ['post', 'post', 'post', 'comment', 'comment', 'share', 'reply'] as const;

export interface GeneratedRoster {
  /** The handle of person i on each platform, by platform index. */
  handle: (person: number, platform: number) => string;
  persons: number;
}

/** A valid 18-digit NIP for person i: birth date, TMT CPNS 22 years later, gender digit, serial; unique for i < 9.99 M. */
export function nipOf(i: number): string {
  const birth = new Date(Date.UTC(1965, 0, 1) + (i % 10_000) * 86_400_000);
  const y = birth.getUTCFullYear();
  const date = `${y}${String(birth.getUTCMonth() + 1).padStart(2, '0')}${String(birth.getUTCDate()).padStart(2, '0')}`;
  const tmt = `${y + 22}${String(1 + (i % 12)).padStart(2, '0')}`;
  const serial = String(1 + (Math.floor(i / 10_000) % 999)).padStart(3, '0');
  const gender = 1 + (Math.floor(i / 9_990_000) % 2);
  return `${date}${tmt}${gender}${serial}`;
}

function handleOf(person: number, platform: number): string {
  // `_`, not `.`: an X handle has only letters, digits and `_`.
  return `${PLATFORMS[platform]!.slice(0, 2)}_asn${person.toString(36)}`;
}

async function writeLines(path: string, header: string, count: number, line: (i: number) => string): Promise<number> {
  const out = createWriteStream(path);
  out.write(header);
  let chunk = '';
  for (let i = 0; i < count; i++) {
    chunk += line(i);
    if (chunk.length > 1 << 16) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.write(chunk);
  out.end();
  await once(out, 'finish');
  return out.bytesWritten;
}

/** A roster CSV of `persons` persons; returns its size in bytes. */
export async function writeRoster(path: string, persons: number): Promise<number> {
  return writeLines(path, `nip,name,agency,position,${PLATFORMS.join(',')}\n`, persons, (i) => {
    const handles = PLATFORMS.map((_, p) => handleOf(i, p)).join(',');
    return `${nipOf(i)},Pegawai ${i},Dinas ${1 + (i % 40)},Staf Pelaksana,${handles}\n`;
  });
}

/** Texts of the pack's match examples that need no other field: each one a finding when a roster person posts it. */
export function violationTexts(pack: RulePack): string[] {
  const texts = new Set<string>();
  for (const { rule } of pack.rules)
    for (const example of rule.examples.match) {
      const fields = Object.keys(example).filter((k) => k !== 'note' && k !== 'candidate');
      if (fields.length === 1 && fields[0] === 'text' && example.text) texts.add(example.text);
    }
  return [...texts].sort();
}

/**
 * The pack's no_match texts that no rule lists as a match: near misses (a number after "pilih", a child named Rido)
 * that work the matcher hard without being findings.
 */
export function nearMissTexts(pack: RulePack): string[] {
  const matches = new Set(pack.rules.flatMap(({ rule }) => rule.examples.match.map((e) => e.text)));
  const texts = new Set<string>();
  for (const { rule } of pack.rules)
    for (const example of rule.examples.no_match)
      if (example.text && !example.type && !matches.has(example.text)) texts.add(example.text);
  return [...texts].sort();
}

export interface ActivityPlan {
  rows: number;
  persons: number;
  seed: number;
  /** Share of rows that carry a violation text. */
  violationShare: number;
  violations: readonly string[];
  nearMisses: readonly string[];
  /** Words a made-up word must not be (the rule pack's and election's words), so filler never names a candidate. */
  reserved: ReadonlySet<string>;
}

/** Canonical activity rows; returns the file's size in bytes. */
export async function writeActivity(path: string, plan: ActivityPlan): Promise<number> {
  const random = seededRandom(plan.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const madeUp = (): string => {
    for (;;) {
      let word = '';
      const n = 2 + Math.floor(random() * 3);
      for (let k = 0; k < n; k++) word += pick(SYLLABLES);
      if (!plan.reserved.has(word)) return word;
    }
  };
  const sentence = (nearMisses: readonly string[]): string => {
    const n = 5 + Math.floor(random() * 12);
    const words: string[] = [];
    for (let k = 0; k < n; k++) words.push(random() < 0.15 ? madeUp() : pick(WORDS));
    if (nearMisses.length > 0 && random() < 0.05) words.push(pick(nearMisses));
    words[0] = words[0]!.charAt(0).toUpperCase() + words[0]!.slice(1);
    if (random() < 0.5) words.push(pick(TAILS));
    return words.join(' ');
  };
  const quoted = (text: string) => `"${text.replaceAll('"', '""')}"`;
  // Written without an offset, so read in the election's time zone: the whole campaign period, 25 Sep to 23 Nov.
  const start = Date.UTC(2024, 8, 25);
  const span = 59 * 86_400_000;
  return writeLines(
    path,
    'id,platform,account,nip,timestamp,type,text,target_account,target_text,url,event,location,tags\n',
    plan.rows,
    (i) => {
      const person = Math.floor(random() * plan.persons);
      const platform = Math.floor(random() * PLATFORMS.length);
      const at = new Date(start + Math.floor(random() * span)).toISOString().slice(0, 16).replace('T', ' ');
      const text =
        random() < plan.violationShare ? `${pick(plan.violations)} ${pick(TAILS)}` : sentence(plan.nearMisses);
      const target = `warga_${Math.floor(random() * 50_000).toString(36)}`;
      const url = `https://example.org/${PLATFORMS[platform]}/${i.toString(36)}`;
      return `r${i},${PLATFORMS[platform]},${handleOf(person, platform)},,${at},${pick(TYPES)},${quoted(text)},${target},${quoted(sentence([]))},${url},,,\n`;
    },
  );
}
