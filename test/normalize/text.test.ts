// Table-driven tests of normalizeText, one table per normalisation step, each with the cases that must not change.
import { describe, expect, test } from 'vitest';
import { normalizeText, tokenize } from '../../src/normalize/text.js';
import { ABBREVIATIONS } from '../../src/normalize/text-lexicon.js';

type Case = readonly [raw: string, normalized: string];

function expectNormalized(raw: string, normalized: string): void {
  expect(normalizeText(raw)).toBe(normalized);
}

describe('1. Unicode compatibility forms, case and invisible characters', () => {
  test.each<Case>([
    ['ＣＯＢＬＯＳ', 'coblos'], // fullwidth
    ['𝐂𝐨𝐛𝐥𝐨𝐬 𝟑', 'coblos 3'], // mathematical bold
    ['𝓹𝓲𝓵𝓲𝓱', 'pilih'], // mathematical script
    ['Dukung', 'dukung'],
    ['co\u200Bblos', 'coblos'], // zero-width space
    ['du\u200Ckung', 'dukung'], // zero-width non-joiner
    ['pi\u00ADlih', 'pilih'], // soft hyphen
    ['\uFEFFcoblos', 'coblos'], // byte-order mark
    ['ri\u2060do', 'rido'], // word joiner
    ['co\u3164blos', 'coblos'], // Hangul filler
    ['c\u0301oblos', 'coblos'], // combining accent
    ['Pramonó Anúng', 'pramono anung'],
    ['İstanbul', 'istanbul'],
    ['coblos\u00A0nomor\u20033', 'coblos nomor 3'], // no-break and em spaces separate
  ])('%j → %j', expectNormalized);
});

describe('2. look-alike letters', () => {
  test.each<Case>([
    ['соblоs', 'coblos'], // Cyrillic с and о
    ['РІLІН', 'pilih'], // Cyrillic capitals
    ['ΡΙΝΟ', 'pino'], // Greek capitals read as Latin capitals
    ['νοte', 'vote'], // Greek ν and ο
    ['ᴄᴏʙʟᴏs', 'coblos'], // small capitals
    ['ᴅᴜᴋᴜɴɢ ʀɪᴅᴏ', 'dukung rido'],
    ['🅒🅞🅑🅛🅞🅢', 'coblos'], // negative circled letters
    ['Ⓒⓞⓑⓛⓞⓢ', 'coblos'], // circled letters (NFKC)
    ['ɑmin', 'amin'],
    ['Straße', 'strasse'],
  ])('%j → %j', expectNormalized);

  test.each<Case>([
    ['Ridho Allah', 'ridho allah'],
    ['سلام', 'سلام'], // other scripts stay as they are
    ['日本', '日本'],
  ])('leaves %j as %j', expectNormalized);
});

describe('3. emoji digits and finger counts', () => {
  test.each<Case>([
    ['0️⃣3️⃣', '03'],
    ['coblos 0️⃣2️⃣', 'coblos 02'],
    ['coblos 3⃣', 'coblos 03'], // keycap without the emoji selector; one emoji digit is ballot styling, like 03
    ['pilih 4️⃣ ya', 'pilih 04 ya'],
    ['coblos②', 'coblos 02'],
    ['❶ ➂ ⓿ 🄋', '01 03 00 00'],
    ['nomor ⑫', 'nomor 12'],
    ['🔟', '10'],
    ['coblos no ✌️', 'coblos nomor 2'],
    ['nomor urut ☝🏽', 'nomor urut 1'], // skin tone
    ['pilih 🤟', 'pilih jari3'], // after a verb the gesture stays a gesture; rules read it with the candidate's name
    ['paslon ✌', 'paslon 2'], // text presentation, no selector
    ['nmr ✌️✌️', 'nomor 2 jari2'], // only the one right after the number word
  ])('%j → %j', expectNormalized);

  test.each<Case>([
    ['selfie dulu ✌️', 'selfie dulu jari2'], // an ordinary V sign gives no bare 2
    ['sudah nyoblos ☝️', 'sudah nyoblos jari1'], // the inked finger after voting, not a ballot number
    ['Allahu akbar ☝️', 'allahu akbar jari1'],
    ['mantap 👍🔥😂', 'mantap'],
    ['🇮🇩 merdeka', 'merdeka'],
    ['#️⃣ rapat', 'rapat'],
  ])('%j → %j', expectNormalized);
});

describe('4. leetspeak', () => {
  test.each<Case>([
    ['c0bl0s', 'coblos'],
    ['dukung4n', 'dukungan'],
    ['p1l1h', 'pilih'],
    ['R1DO', 'rido'],
    ['r1d0', 'rido'],
    ['k4mi', 'kami'],
    ['k4m1', 'kami'],
    ['m3n4ng', 'menang'],
    ['dukung@n', 'dukungan'],
    ['pil1h p4$lon', 'pilih paslon'],
    ['c0bl0s3', 'coblos 3'], // the final digit after a number word is the number
  ])('%j → %j', expectNormalized);

  test.each<Case>([
    ['Rp50.000', 'rp 50.000'],
    ['harga 1.500.000 saja', 'harga 1.500.000 saja'],
    ['27/11/2024', '27/11/2024'],
    ['2024-11-27', '2024-11-27'],
    ['pukul 14.30 WIB', 'pukul 14.30 wib'],
    ['0812-3456-7890', '0812-3456-7890'],
    ['+62 812 3456 7890', '62 812 3456 7890'],
    ['nomor antrean 3', 'nomor antrean 3'],
    ['RT 05/RW 03', 'rt 05 rw 03'],
    ['1 2 3', '1 2 3'],
    ['01', '01'],
    ['2024', '2024'],
    ['skor 3-1', 'skor 3-1'],
    ['P3K', 'p3k'], // PPPK civil servants
    ['mp3 a4 s1 g20', 'mp3 a4 s1 g20'],
    ['10rb 5jt 4g', '10rb 5jt 4g'],
    ['US$100', 'us 100'],
  ])('leaves the number in %j: %j', expectNormalized);
});

describe('5. reduplication with a digit and glued numbers', () => {
  test.each<Case>([
    ['hati2', 'hati hati'],
    ['sama2', 'sama sama'],
    ['kapan2', 'kapan kapan'],
    ['org2', 'orang orang'],
    ['h4ti2', 'hati hati'],
    ['no2', 'nomor 2'], // a number word takes the number
    ['paslon02', 'paslon 02'],
    ['coblos3', 'coblos 3'],
    ['pilkada2024', 'pilkada 2024'],
    ['3hari lagi', '3 hari lagi'],
    ['ikut2an', 'ikut ikutan'], // reduplication with a suffix, as in ikut-ikutan
    ['anak2nya', 'anak anaknya'],
    ['hati-hati', 'hati hati'], // the hyphenated spelling gives the same tokens
  ])('%j → %j', expectNormalized);
});

describe('6. letters spelled out one by one', () => {
  test.each<Case>([
    ['D U K U N G', 'dukung'],
    ['D U K U N G  RIDO', 'dukung rido'],
    ['c o b l o s', 'coblos'],
    ['c.o.b.l.o.s', 'coblos'],
    ['p-i-l-i-h', 'pilih'],
    ['c 0 b l 0 s', 'coblos'],
    ['n o m o r ✌', 'nomor 2'],
    ['t d k', 'tidak'],
  ])('%j → %j', expectNormalized);

  test.each<Case>([
    ['s.d. 3', 's d 3'],
    ['a.n. Budi', 'a n budi'],
    ['1 2 3 4', '1 2 3 4'],
    ['nomor 3 a', 'nomor 3 a'],
  ])('leaves %j as %j', expectNormalized);
});

describe('7. repeated letters', () => {
  test.each<Case>([
    ['menaaaang', 'menang'],
    ['coblossss', 'coblos'],
    ['dukunggg', 'dukung'],
    ['SIAAAP', 'siap'],
    ['yggg', 'yang'], // squeezed, then expanded
  ])('%j → %j', expectNormalized);

  test.each<Case>([
    ['aamiin', 'aamiin'],
    ['saat', 'saat'],
    ['maaf', 'maaf'],
    ['1000', '1000'],
  ])('leaves %j as %j', expectNormalized);
});

describe('8. hashtags, mentions and links', () => {
  test.each<Case>([
    ['#JakartaMenyala', 'jakarta menyala'],
    ['#RIDO', 'rido'],
    ['#RIDOMenang', 'rido menang'],
    ['#jakartamenyala', 'jakartamenyala'],
    ['#Pilkada2024', 'pilkada 2024'],
    ['#02', '02'],
    ['#Coblos01SudahTerbukti', 'coblos 01 sudah terbukti'], // a number between words is a word
    ['#02Menang', '02 menang'],
    ['#2019GantiPresiden', '2019 ganti presiden'],
    ['#C0bl0sJok0w1', 'coblos jokowi'],
    ['#R1DO', 'rido'], // one digit inside a word is leetspeak, not a number
    ['#Jakarta_Menyala', 'jakarta menyala'],
    ['#ЈаkartaMenyala', 'jakarta menyala'], // Cyrillic Ј and а inside the tag
    ['@pramonoanung', 'pramonoanung'],
    ['lihat https://t.co/AbC?x=1 ya', 'lihat ya'],
    ['cek www.contoh.com/berita', 'cek'],
    ['bit.ly/3abcd', ''],
    ['baca kompas.com', 'baca'],
    ['hubungi a.b@gmail.com', 'hubungi'],
    ['i <3 u', 'i u'], // a text heart is not the number 3
  ])('%j → %j', expectNormalized);

  test.each<Case>([
    ['Budi, S.Pd., M.Si.', 'budi s pd m si'], // academic titles are not hosts
    ['Terima kasih.Salam', 'terima kasih salam'],
    ['x<30', 'x 30'],
  ])('leaves the words of %j: %j', expectNormalized);
});

describe('9. chat abbreviations', () => {
  test.each<Case>([
    ['yg jgn lupa', 'yang jangan lupa'],
    ['gk ga gak nggak tdk', 'tidak tidak tidak tidak tidak'],
    ['bgt utk dgn', 'banget untuk dengan'],
    ['sdh udh blm krn tp aja', 'sudah sudah belum karena tapi saja'],
    ['no nmr nomer', 'nomor nomor nomor'],
    ['org kpd sy kt dr bs lg sm', 'orang kepada saya kita dari bisa lagi sama'],
  ])('%j → %j', expectNormalized);

  test.each<Case>([
    ['pilkada', 'pilkada'],
    ['Plh Kepala Dinas', 'plh kepala dinas'], // pelaksana harian, not pilih
    ['maju perubahan menyala', 'maju perubahan menyala'],
  ])('leaves %j as %j', expectNormalized);

  test('no expansion is itself an abbreviation, so expanding is idempotent', () => {
    for (const expansion of ABBREVIATIONS.values()) {
      for (const word of expansion.split(' ')) expect(ABBREVIATIONS.has(word), word).toBe(false);
    }
  });
});

describe('10. punctuation and numbers', () => {
  test.each<Case>([
    ['no.3', 'nomor 3'],
    ['no 3', 'nomor 3'],
    ['nomor:3', 'nomor 3'],
    ['No. urut 3!!!', 'nomor urut 3'],
    ['(coblos) "nomor" 3...', 'coblos nomor 3'],
    ['rapat, lalu pulang.', 'rapat lalu pulang'],
    ['  banyak   spasi  ', 'banyak spasi'],
    ['', ''],
    ['!!! ... ???', ''],
  ])('%j → %j', expectNormalized);
});

describe('end to end', () => {
  test.each<Case>([
    ['Ayo c0bl0s n0m0r 3 ya gaes!!!', 'ayo coblos nomor 3 ya gaes'],
    ['D U K U N G  RIDO ☝️', 'dukung rido jari1'],
    ['D U K U N G   D H A R M A - K U N', 'dukung dharma kun'], // wide gaps separate spelled words
    ['co\u200Bblos 0️⃣3️⃣', 'coblos 03'],
    ['#JakartaMenyala bareng Mas Pram', 'jakarta menyala bareng mas pram'],
    ['ｃｏｂｌｏｓ ②', 'coblos 02'],
    ['Jgn lupa tgl 27/11 coblos no ✌️ yaaa 🔥🔥', 'jangan lupa tanggal 27/11 coblos nomor 2 ya'],
    [
      'Alhamdulillah, rapat posyandu jam 14.30 lancar. Iuran Rp50.000/org, info 0812-3456-7890. Aamiin 🙏',
      'alhamdulillah rapat posyandu jam 14.30 lancar iuran rp 50.000 orang info 0812-3456-7890 aamiin',
    ],
  ])('%j → %j', expectNormalized);

  test('tokenize gives the tokens of normalizeText', () => {
    expect(tokenize('Ayo c0bl0s n0m0r 3!')).toEqual(['ayo', 'coblos', 'nomor', '3']);
    expect(tokenize('  🔥 ')).toEqual([]);
  });
});
