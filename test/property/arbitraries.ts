// Generators of hostile input for the property tests: valid files of each kind, then randomly damaged.
import fc from 'fast-check';

const enc = new TextEncoder();

/** Bytes that break parsers: quotes, separators, line ends, NUL, lone UTF-8 lead and continuation bytes, a BOM. */
const NASTY_BYTES: readonly number[][] = [
  [0x22],
  [0x2c],
  [0x3b],
  [0x09],
  [0x0a],
  [0x0d],
  [0x0d, 0x0a],
  [0x00],
  [0xff],
  [0xc3],
  [0x80],
  [0xe2, 0x82],
  [0xf0, 0x9f, 0x98],
  [0xef, 0xbb, 0xbf],
  [0x7b],
  [0x7d],
  [0x5b],
  [0x5d],
  [0x3a],
  [0x5c],
  [0x27],
  [0x3d],
  [0x40],
  [0x23],
  [...enc.encode('__proto__')],
  [...enc.encode('"__proto__":{}')],
  [...enc.encode('constructor')],
  [...enc.encode('é')],
  [...enc.encode('🗳️')],
];

type Mutation =
  | { kind: 'insert' | 'replace'; at: number; bytes: number[] }
  | { kind: 'delete' | 'truncate'; at: number; length: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    bytes: fc.oneof(
      fc.constantFrom(...NASTY_BYTES),
      fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 4 }),
    ),
  }),
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), bytes: fc.constantFrom(...NASTY_BYTES) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat(), length: fc.constant(0) }),
);

export function applyMutations(base: Uint8Array, mutations: readonly Mutation[]): Uint8Array {
  let bytes = [...base];
  for (const m of mutations) {
    const at = bytes.length === 0 ? 0 : m.at % (bytes.length + 1);
    if (m.kind === 'insert') bytes.splice(at, 0, ...m.bytes);
    else if (m.kind === 'replace') bytes.splice(at, m.bytes.length, ...m.bytes);
    else if (m.kind === 'delete') bytes.splice(at, m.length);
    else bytes = bytes.slice(0, Math.max(at, Math.floor(bytes.length / 2)));
  }
  return Uint8Array.from(bytes);
}

/** A valid file from `valid`, damaged by up to `max` mutations (sometimes none). */
export function mutated(valid: fc.Arbitrary<string>, max = 6): fc.Arbitrary<Uint8Array> {
  return fc
    .tuple(valid, fc.array(mutation, { maxLength: max }))
    .map(([text, ms]) => applyMutations(enc.encode(text), ms));
}

// ---- activity ----

const PLATFORMS = ['instagram', 'facebook', 'x', 'twitter', 'tiktok', 'youtube', 'myspace', ''];
const TYPES = ['post', 'comment', 'like', 'retweet', 'follow', 'check-in', 'poke', ''];
const ACCOUNTS = ['@budisantoso_smansa14', 'budi.santoso.7821', 'agus_satpolpp', '@nobody_here', ''];
const TIMES = [
  '2024-10-01 10:00',
  '2024-10-01T10:00:00+07:00',
  '11 Februari 2023 20.15',
  '31/02/2024 10:00',
  '2024-13-01',
  'kemarin',
  '1727751600',
  '',
];
const TEXTS = [
  'ayo coblos nomor 3 Pramono',
  'Rapat dinas pukul 13.00',
  'dukung RIDO sampai menang',
  '#JakartaMenyala bareng Mas Pram',
  'halo, "teman"\nbaris dua',
  '=1+1',
  '<b>x</b>',
  '',
];

export interface ActivityRecord {
  id: string;
  platform: string;
  account: string;
  nip: string;
  timestamp: string;
  type: string;
  text: string;
}

const randomRecord: fc.Arbitrary<ActivityRecord> = fc.record({
  id: fc.string({ maxLength: 6 }),
  platform: fc.constantFrom(...PLATFORMS),
  account: fc.constantFrom(...ACCOUNTS),
  nip: fc.constantFrom('', '', '', '197803142003121005', '12345'),
  timestamp: fc.constantFrom(...TIMES),
  type: fc.constantFrom(...TYPES),
  text: fc.oneof(fc.constantFrom(...TEXTS), fc.string({ maxLength: 40, unit: 'grapheme' })),
});

/** A row of a roster person during the campaign calling to vote: without these, random rows almost never make a finding. */
const violatingRecord: fc.Arbitrary<ActivityRecord> = fc.record({
  id: fc.string({ maxLength: 6 }),
  platform: fc.constant('instagram'),
  account: fc.constant('@budisantoso_smansa14'),
  nip: fc.constant(''),
  timestamp: fc.constantFrom('2024-10-01 10:00', '2024-11-02T08:30:00+07:00'),
  type: fc.constantFrom('post', 'comment'),
  text: fc.constantFrom('ayo coblos nomor 3 Pramono', 'coblos nomor 3 Pramono', 'dukung Pramono Anung, coblos 3'),
});

export const activityRecord: fc.Arbitrary<ActivityRecord> = fc.oneof(
  { weight: 4, arbitrary: randomRecord },
  { weight: 1, arbitrary: violatingRecord },
);

const COLUMNS = ['id', 'platform', 'account', 'nip', 'timestamp', 'type', 'text'] as const;

function csvCell(value: string, delimiter: string): string {
  return /["\r\n]/.test(value) || value.includes(delimiter) ? `"${value.replace(/"/g, '""')}"` : value;
}

export const activityCsv: fc.Arbitrary<string> = fc
  .tuple(fc.array(activityRecord, { maxLength: 12 }), fc.constantFrom(',', ';', '\t'), fc.constantFrom('\n', '\r\n'))
  .map(
    ([records, d, eol]) =>
      [COLUMNS.join(d), ...records.map((r) => COLUMNS.map((c) => csvCell(r[c], d)).join(d))].join(eol) + eol,
  );

export const activityJson: fc.Arbitrary<string> = fc
  .array(activityRecord, { maxLength: 10 })
  .map((records) => JSON.stringify(records, null, 1));

export const activityNdjson: fc.Arbitrary<string> = fc
  .array(activityRecord, { maxLength: 10 })
  .map((records) => `${records.map((r) => JSON.stringify(r)).join('\n')}\n`);

/** Any activity input: valid, damaged, or plain random bytes. */
export const activityBytes: fc.Arbitrary<Uint8Array> = fc.oneof(
  mutated(activityCsv),
  mutated(activityJson),
  mutated(activityNdjson),
  fc.uint8Array({ maxLength: 300 }),
  fc.string({ maxLength: 200 }).map((s) => enc.encode(s)),
);

// ---- roster, rules, election ----

const ROSTER_ROWS = [
  '197803142003121005,Budi Santoso,budisantoso_smansa14,',
  '198507222010012012,Siti Rahmawati,sitirahma_dinkes,@siti',
  '19820105 200604 1 003,Agus Setiawan,agus_satpolpp,-',
  '1.97803E+17,Excel,,',
  '198009112005012004,"Dewi, Lurah",https://www.instagram.com/dewi/,',
];

export const rosterCsv: fc.Arbitrary<string> = fc
  .subarray(ROSTER_ROWS, { minLength: 0 })
  .map((rows) => `${['nip,name,instagram,x', ...rows].join('\n')}\n`);

export const rosterJson: fc.Arbitrary<string> = fc
  .array(
    fc.record({
      nip: fc.constantFrom('197803142003121005', '198507222010012012', '1978', ''),
      name: fc.string({ maxLength: 12 }),
      instagram: fc.constantFrom('budi', '@siti', '', 'https://x.com/a'),
    }),
    { maxLength: 4 },
  )
  .map((rows) => JSON.stringify(rows));

export const rosterBytes: fc.Arbitrary<Uint8Array> = fc.oneof(
  mutated(rosterCsv),
  mutated(rosterJson),
  fc.uint8Array({ maxLength: 200 }),
);

export const RULE_FILE = `rules:
  - id: prop-rule
    category: endorsement_post
    basis: kode_etik
    severity: high
    title: { id: Contoh, en: Example }
    message: { id: "Dukungan {candidate}", en: "Support {candidate}" }
    legal: { kode_etik: { skb: KE2, sanction: sanksi_moral, refs: ["SKB 2/2022"] } }
    when:
      all:
        - types: [post, comment]
        - near: [[coblos, "@extra"], [$candidate.names, $candidate.numbers]]
          within: 3
    unless: [{ other_candidates: 2 }]
    examples:
      match: [{ text: "coblos nomor 3 Pramono", candidate: pramono-rano }]
      no_match: [{ text: halo }]
vocabulary:
  extra: [dukung, pilih]
`;

export const ruleBytes: fc.Arbitrary<Uint8Array> = fc.oneof(
  mutated(fc.constant(RULE_FILE), 4),
  fc.uint8Array({ maxLength: 200 }),
);

export const ELECTION_FILE = `name: Pilkada Contoh
timezone: Asia/Jakarta
phases:
  - { id: kampanye, from: 2024-09-25, to: 2024-11-23 }
candidates:
  - { id: pramono-rano, number: 3, names: [Pramono Anung], since: 2024-08-19, designated: 2024-09-22, accounts: { instagram: [pramonoanungw] } }
  - { id: rido, number: 1, names: [Ridwan Kamil], since: 2024-08-19 }
`;

export const electionBytes: fc.Arbitrary<Uint8Array> = fc.oneof(
  mutated(fc.constant(ELECTION_FILE), 4),
  fc.uint8Array({ maxLength: 200 }),
);

/** Cuts bytes into chunks at the given points (a stream may split anywhere, even inside a character). */
export function chunked(bytes: Uint8Array, cuts: readonly number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((c) => (bytes.length === 0 ? 0 : c % bytes.length)))].sort((a, b) => a - b);
  const out: Uint8Array[] = [];
  let from = 0;
  for (const p of points) {
    if (p > from) out.push(bytes.subarray(from, p));
    from = Math.max(from, p);
  }
  out.push(bytes.subarray(from));
  return out;
}

/** An activity file with a fitting extension, mostly valid or lightly damaged, so that most scans get to read rows. */
export const activityFile: fc.Arbitrary<{ bytes: Uint8Array; ext: string }> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ bytes: mutated(activityCsv, 2), ext: fc.constantFrom('.csv', '.txt', '.tsv') }) },
  { weight: 1, arbitrary: fc.record({ bytes: mutated(activityJson, 1), ext: fc.constant('.json') }) },
  { weight: 2, arbitrary: fc.record({ bytes: mutated(activityNdjson, 2), ext: fc.constantFrom('.ndjson', '.jsonl') }) },
  {
    weight: 1,
    arbitrary: fc.record({ bytes: activityBytes, ext: fc.constantFrom('.csv', '.json', '.ndjson', '.txt') }),
  },
);
