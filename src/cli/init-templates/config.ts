// Template of `asn-audit.config.yaml` written by `asn-audit init`: every scan option, the common ones set, the rest commented.

export const CONFIG_TEMPLATE = `# asn-audit — berkas konfigurasi / configuration file
# Nilai di sini menjadi bawaan untuk \`asn-audit scan\`; opsi di baris perintah selalu menang.
# Values here are defaults for \`asn-audit scan\`; options on the command line always win.
# Jalur relatif dibaca dari folder berkas ini. / Relative paths are read from this file's folder.

roster: roster.csv          # daftar ASN (CSV/JSON) / roster of ASN
election: election.yaml     # berkas pemilu: tahapan, calon, akun / election file: phases, candidates, accounts

# Hapus tanda # untuk memakai opsi. / Remove the # to use an option.
# rules: [rules/]              # berkas/folder aturan; bawaan: paket aturan bawaan / rule files or folders; default: the bundled pack
# format: table                # table | json | ndjson | csv | markdown | html | junit
# output: [laporan.html, laporan.json]  # tulis laporan ke berkas / write the report to files
# fail_on: low                 # keluar dengan kode 1 mulai tingkat ini / exit 1 from this severity: low | medium | high | none
# lang: id                     # bahasa laporan / report language: id | en
# since: kampanye              # mulai tanggal YYYY-MM-DD atau id tahapan / from a date or a phase id
# until: pemungutan            # sampai tanggal atau id tahapan / up to a date or a phase id
# baseline: laporan-lalu.json  # temuan yang sudah ditinjau / findings already reviewed
# decisions: keputusan.json    # keputusan peninjau (review add) / reviewers' decisions (review add)
# csv_separator: ","           # pemisah kolom CSV: , atau ; / CSV column separator: , or ;
# nip: "199003152015031002"    # pemilik unduhan data platform (dalam tanda kutip) / owner of a platform download (quoted)
# sheet: Kegiatan              # lembar yang dibaca dari berkas .xlsx; bawaan yang pertama / the .xlsx sheet read; default the first
# rejected: ditolak.ndjson     # semua baris ditolak / every rejected row, as NDJSON
# strict: false                # berhenti di baris rusak pertama / stop at the first bad row
# fail_on_skipped: false       # exit 2 bila ada berkas dilewati / exit 2 when any input is skipped
# quiet: false                 # tanpa keluaran di layar / nothing on standard output
# redact: false                # samarkan NIP, nama dan akun / pseudonymise NIPs, names and handles
# redact_key: ganti-dengan-kunci-rahasia  # lebih aman lewat ASN_AUDIT_REDACT_KEY / safer in ASN_AUDIT_REDACT_KEY
# redact_key_file: kunci.txt   # kunci dari berkas / the key read from a file
# color: true                  # warna di tabel terminal; false = --no-color / colours in the terminal table
# jobs: 4                      # thread evaluasi aturan; bawaan satu per inti / threads that evaluate rules; default one per core
`;
