// `npm run bench`: scan throughput and peak memory on generated activity, as ratios against a baseline size in the same run.
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { once } from 'node:events';
import { PACKAGE_ROOT } from '../../src/shared/version.js';
import { normalizeText } from '../../src/normalize/text.js';
import { coldStart } from './cold-start.js';

const ROSTER = resolve(PACKAGE_ROOT, 'fixtures/demo/roster.csv');
const ELECTION = resolve(PACKAGE_ROOT, 'fixtures/demo/election.yaml');
const HANDLES = ['budisantoso_smansa14', 'fransiska.hutapea', 'hendra_smj', 'akun.luar.1', 'akun.luar.2'];
const TEXTS = [
  'Selamat pagi warga Jakarta, jangan lupa sarapan dan jaga kesehatan',
  'Rapat koordinasi pelayanan publik di kantor kelurahan hari ini',
  'Ayo ke TPS 27 November, gunakan hak pilihmu, siapapun pilihannya',
  'Ambil nomor antrean 3 di loket, pelayanan KTP dibuka jam 8',
  'Jakarta menyala malam ini, Persija menang 2-1!',
];

/** Writes `rows` canonical rows; only the first 200 are violations, so findings (and memory for them) do not grow with size. */
async function writeActivity(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  out.write('id,platform,account,nip,timestamp,type,text,target_account,target_text,url,event,location,tags\n');
  for (let i = 0; i < rows; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    const handle = HANDLES[i % HANDLES.length]!;
    const line =
      i < 200
        ? `b${i},instagram,${handle},,2024-10-${day} 10:${String(i % 60).padStart(2, '0')},post,"Ayo coblos nomor 3 Pramono Rano ${i}",,,,,,\n`
        : `b${i},instagram,${handle},,2024-10-${day} 09:15,post,"${TEXTS[i % TEXTS.length]} ${i}",,,,,,\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

interface Measure {
  rows: number;
  seconds: number;
  maxRssMiB: number;
  code: number;
}

function measure(path: string, rows: number): Measure {
  const child = spawnSync(
    process.execPath,
    [
      resolve(PACKAGE_ROOT, 'dist-tools/tools/bench/scan-child.js'),
      'scan',
      path,
      '--roster',
      ROSTER,
      '--election',
      ELECTION,
      '--format',
      'json',
      '--fail-on',
      'none',
    ],
    { encoding: 'utf8' },
  );
  const last = child.stderr.trim().split('\n').pop() ?? '{}';
  return { rows, ...(JSON.parse(last) as Omit<Measure, 'rows'>) };
}

/** Text shapes that make backtracking patterns quadratic: time at 8× the size should be about 8× (linear), not 64×. */
const PATHOLOGICAL: [string, (n: number) => string][] = [
  ['dotted labels', (n) => 'a.'.repeat(n)],
  ['address without host', (n) => `${'a.'.repeat(n)}@`],
  ['spelled letters', (n) => 'a '.repeat(n)],
  ['leet', (n) => 'a1'.repeat(n)],
  ['hashtags', (n) => '#Ab'.repeat(n)],
];

function normaliserScaling(): void {
  const time = (raw: string) => {
    const runs: number[] = [];
    for (let i = 0; i < 3; i++) {
      const start = process.hrtime.bigint();
      normalizeText(raw);
      runs.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    return runs.sort((a, b) => a - b)[1]!;
  };
  console.log('\nnormaliser on pathological text   5k units ms   40k units ms   ratio (linear ≈ 8, quadratic ≈ 64)');
  for (const [name, make] of PATHOLOGICAL) {
    const small = time(make(5_000));
    const large = time(make(40_000));
    console.log(
      `${name.padEnd(32)} ${small.toFixed(1).padStart(11)}   ${large.toFixed(1).padStart(12)}   ${(large / small).toFixed(1).padStart(6)}`,
    );
  }
}

const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
const [baseline, ...others] = sizes.length > 0 ? sizes : [100_000, 1_000_000];
const dir = mkdtempSync(join(tmpdir(), 'asn-audit-bench-'));
try {
  const results: Measure[] = [];
  for (const rows of [baseline!, ...others]) {
    const path = join(dir, `activity-${rows}.csv`);
    await writeActivity(path, rows);
    results.push(measure(path, rows));
  }
  const base = results[0]!;
  console.log('rows        seconds   rows/s     peak RSS MiB   RSS ratio   throughput ratio');
  for (const r of results) {
    const rate = r.rows / r.seconds;
    console.log(
      `${String(r.rows).padEnd(11)} ${r.seconds.toFixed(2).padStart(7)}   ${Math.round(rate).toString().padStart(8)}   ${r.maxRssMiB.toFixed(1).padStart(12)}   ${(r.maxRssMiB / base.maxRssMiB).toFixed(2).padStart(9)}   ${(rate / (base.rows / base.seconds)).toFixed(2).padStart(16)}`,
    );
  }
  console.log(
    `baseline: the ${base.rows}-row run of this same command; ratios near 1 mean memory and speed per row do not depend on size.`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
normaliserScaling();
coldStart();
