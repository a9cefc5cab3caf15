// Template of `election.yaml` written by `asn-audit init`: a fictional Pilkada, commented in Indonesian and English.

export const ELECTION_TEMPLATE = `# Berkas pemilu / election file — contoh fiktif, ganti dengan data pemilihan Anda.
# A fictional example: replace it with your election. Schema: \`asn-audit schema election\`.
# Tanggal ditulis YYYY-MM-DD, dalam zona waktu di bawah. / Dates are YYYY-MM-DD in the time zone below.

name: Pilkada Kabupaten Sukamaju 2024   # nama pemilihan / name of the election
timezone: Asia/Jakarta                  # WIB; Asia/Makassar = WITA, Asia/Jayapura = WIT

# Tahapan (id dipakai oleh --since/--until dan oleh aturan). / Phases (ids are used by --since/--until and by rules).
phases:
  - { id: pendaftaran, name: Pendaftaran pasangan calon, from: 2024-08-27, to: 2024-08-29 }
  - { id: penetapan, name: Penetapan pasangan calon, from: 2024-09-22, to: 2024-09-22 }
  - { id: kampanye, name: Masa kampanye, from: 2024-09-25, to: 2024-11-23 }
  - { id: masa_tenang, name: Masa tenang, from: 2024-11-24, to: 2024-11-26 }
  - { id: pemungutan, name: Pemungutan suara, from: 2024-11-27, to: 2024-11-27 }

# Pasangan calon / candidates.
#   since: sejak tanggal ini dianggap bakal calon; tindakan sebelumnya bukan pelanggaran terhadapnya.
#          from this date they count as bakal calon; acts before it are not violations toward them.
#   designated: tanggal penetapan calon oleh KPU; sejak itu tindakan yang sama masuk disiplin, bukan kode etik.
#          the date KPU designated them; from then the same act falls under disiplin instead of kode etik.
candidates:
  - id: budi-ani                          # id huruf kecil / lower-case id
    number: 1                             # nomor urut / ballot number
    names: [Budi Hartono, Ani Lestari]    # nama tiap orang pasangan / each person of the pair
    aliases: [BUANA, Budi-Ani]            # julukan, singkatan / nicknames, acronyms
    accounts:                             # akun milik calon per platform / the candidates' own accounts
      instagram: [budihartono.official, anilestari_]
      x: [budihartono]
    hashtags: ["#BuanaMenang"]
    slogans: [Sukamaju Bangkit]
    parties: [Partai Contoh Satu]         # partai pengusung / nominating parties
    since: 2024-08-19
    designated: 2024-09-22
  - id: rudi-sari
    number: 2
    names: [Rudi Gunawan, Sari Wulandari]
    aliases: [RUSA]
    accounts:
      instagram: [rudigunawan_id]
      facebook: [rudigunawan.sukamaju]
    hashtags: ["#RusaUntukSukamaju"]
    slogans: [Sukamaju Sejahtera]
    parties: [Partai Contoh Dua]
    since: 2024-08-19
    designated: 2024-09-22

# Akun, halaman dan grup tim kampanye atau relawan, masing-masing terkait satu calon.
# Accounts, pages and groups of campaign teams and volunteers, each tied to a candidate.
campaign_accounts:
  - { candidate: budi-ani, platform: facebook, handle: relawanbuana, name: Relawan BUANA, kind: group }
  - { candidate: rudi-sari, platform: instagram, handle: sahabat.rusa, name: Sahabat RUSA }

# Partai politik: kata keanggotaan di dekat nama ini menghasilkan temuan keanggotaan partai.
# Political parties: membership words near these names raise party-membership findings.
parties:
  - { name: Partai Contoh Satu, number: 1, aliases: [PCS] }
  - { name: Partai Contoh Dua, number: 2, aliases: [PCD] }
`;
