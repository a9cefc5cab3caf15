// Property: one act never carries both support and against for one candidate, however cue words, negations,
// civic phrases, candidate names, numbers, hashtags and nicknames are mixed — neither in the evaluation of one act
// (the real default pack on fixtures/stance/election.yaml) nor in a whole report of a scan.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { atFullScale, fcRuns } from '../helpers/fc-runs.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMain } from '../faults/in-process.js';
import { type Engine, ROOT, stanceEngine } from '../rules/stance-engine.js';

const ELECTION = 'fixtures/stance/election.yaml';

const CUES = [
  'coblos',
  'pilih',
  'milih',
  'nyoblos',
  'coblosen',
  'pilihen',
  'dukung',
  'mendukung',
  'dukungannya',
  'dukunganana',
  'memenangkan',
  'menangkeun',
  'tusuk',
  'support',
  'gaspol',
  'jangan lupa',
  'ingat',
  'yuk',
  'ayo',
  'aja',
  'semoga menang',
  'pilihan saya',
];
const NEGATIONS = [
  'jangan',
  'ulah',
  'ojo',
  'tong',
  'entong',
  'ogah',
  'emoh',
  'asal bukan',
  'tolak',
  'haram pilih',
  'gak usah pilih',
  'jangan sampai',
  'ora usah',
  'moal',
  'tidak akan',
  'stop',
  '#AsalBukan',
  '#Tolak',
];
const MENTIONS = [
  'Joko Widodo',
  'Jokowi',
  'Acep-Gita',
  'Prabowo',
  'Jeje-Ronal',
  'Kang Jeje',
  'ASIH',
  'Ahmad Syaikhu',
  'KDM',
  'Kang Dedi',
  'Dedi Mulyadi',
  '01',
  '02',
  '03',
  '04',
  '1',
  '2',
  '3',
  '4',
  'nomor 1',
  'nomor urut 2',
  'nomer tilu',
  'nomer papat',
  'nomer hiji',
  'no 3',
  'paslon 04',
  '#JokowiLagi',
  '#AcepGita',
  '#PrabowoPresiden',
  '#ASIH',
  '#JabarAsih',
  '#BersamaKDM',
  '#2019GantiPresiden',
  '#AsalBukanPrabowo',
  '#Coblos01',
  '#Pilih02',
  '#KDMMenang',
  '#ASIHJuara',
  'cebong',
  'kampret',
  'wowo',
  'kadrun',
  'Bapak Aing',
  '4️⃣',
  '0️⃣3️⃣',
];
const OTHERS = [
  'jangan golput',
  'gunakan hak pilih',
  'pilkada damai',
  'netral',
  'siapapun pilihannya',
  'soal',
  'rw',
  'kamar',
  'antrean',
  'kelas',
  'curang',
  'bohong',
  'hebat',
  'mantap',
  'terbukti',
  'janji doang',
  'menang',
  'debat',
  'survei',
  'juara',
  'hari ini',
  'ya',
  'gaes',
  'pokoknya',
  'wkwk',
  'mah',
  'lur',
  'tapi',
  'dan',
  ',',
  '!',
  '.',
  '🔥',
  '☝️',
];

/** A post of 1–14 pieces, weighted toward calls and their negations around a candidate mention. */
const piece = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...CUES) },
  { weight: 2, arbitrary: fc.constantFrom(...NEGATIONS) },
  { weight: 4, arbitrary: fc.constantFrom(...MENTIONS) },
  { weight: 3, arbitrary: fc.constantFrom(...OTHERS) },
);
const glue = fc.constantFrom(' ', ' ', ' ', '', ', ', '! ', '\n');
const text = fc
  .array(fc.tuple(piece, glue), { minLength: 1, maxLength: 14 })
  .map((parts) => parts.map(([p, g]) => p + g).join(''));
const act = fc.record({
  text,
  type: fc.constantFrom('post', 'post', 'comment', 'share'),
  target: fc.constantFrom(
    undefined,
    undefined,
    undefined,
    'dedimulyadi71',
    'prabowo.jeje',
    'asih.jabar',
    'jokowi.acep',
  ),
});

/** Candidates for whom the findings take both stances. */
function bothWays(findings: readonly { candidate: string | null; stance: string | null }[]): string[] {
  const stances = new Map<string, Set<string>>();
  for (const f of findings) {
    if (f.candidate === null || f.stance === null) continue;
    const set = stances.get(f.candidate) ?? new Set();
    set.add(f.stance);
    stances.set(f.candidate, set);
  }
  return [...stances].filter(([, s]) => s.size > 1).map(([c]) => c);
}

let engine: Engine;
beforeAll(async () => {
  engine = await stanceEngine(ELECTION);
});

describe('stance property', () => {
  it('one act: no candidate gets both a support and an against finding', () => {
    let withFindings = 0;
    let withBoth = 0;
    fc.assert(
      fc.property(act, (a) => {
        const { matches } = engine(a);
        const findings = matches.map((m) => ({ candidate: m.candidate?.id ?? null, stance: m.stance }));
        if (findings.length > 0) withFindings++;
        if (new Set(findings.map((f) => f.stance).filter(Boolean)).size > 1) withBoth++;
        expect(bothWays(findings), JSON.stringify(a)).toEqual([]);
      }),
      { numRuns: fcRuns(1500), seed: 20241015 },
    );
    // The generator reaches the interesting cases: many acts with findings, some with both stances (on different pairs).
    if (atFullScale()) {
      expect(withFindings).toBeGreaterThan(300);
      expect(withBoth).toBeGreaterThan(10);
    }
  });

  const dir = mkdtempSync(join(tmpdir(), 'asn-audit-prop-stance-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const roster = join(dir, 'roster.csv');
  writeFileSync(roster, 'nip,name,agency,position,instagram\n198609262015051001,Uji Coba,Dinas Uji,Staf,asn.uji\n');

  it('a whole report: no act has findings of both stances toward one candidate', async () => {
    const csvCell = (s: string) => `"${s.replaceAll('"', '""')}"`;
    await fc.assert(
      fc.asyncProperty(fc.array(act, { minLength: 5, maxLength: 30 }), async (acts) => {
        const file = join(dir, 'activity.csv');
        const rows = acts.map(
          (a) => `instagram,asn.uji,2024-10-15 10:00,${a.type},${csvCell(a.text)},${a.target ?? ''}`,
        );
        writeFileSync(file, `platform,account,timestamp,type,text,target_account\n${rows.join('\n')}\n`);
        const run = await runMain([
          'scan',
          file,
          '--roster',
          roster,
          '--election',
          join(ROOT, ELECTION),
          '--format',
          'json',
          '--fail-on',
          'none',
        ]);
        expect(run.code, run.stderr).toBe(0);
        const report = JSON.parse(run.stdout) as {
          persons: {
            findings: { candidate: string | null; stance: string | null; activity: { source: { line: number } } }[];
          }[];
        };
        const byLine = new Map<number, { candidate: string | null; stance: string | null }[]>();
        for (const f of report.persons.flatMap((p) => p.findings)) {
          const list = byLine.get(f.activity.source.line) ?? [];
          list.push(f);
          byLine.set(f.activity.source.line, list);
        }
        for (const [line, findings] of byLine)
          expect(bothWays(findings), `line ${line}: ${acts[line - 2]?.text}`).toEqual([]);
      }),
      { numRuns: fcRuns(12), seed: 27112024 },
    );
  }, 120_000);

  it('bothWays itself sees a contradiction (the property can fail)', () => {
    expect(
      bothWays([
        { candidate: 'asih', stance: 'support' },
        { candidate: 'asih', stance: 'against' },
      ]),
    ).toEqual(['asih']);
    expect(
      bothWays([
        { candidate: 'asih', stance: 'support' },
        { candidate: 'kdm', stance: 'against' },
      ]),
    ).toEqual([]);
  });
});
