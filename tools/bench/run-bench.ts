// `npm run bench [-- --rows N] [-- --persons N] [-- --quick] [-- --seed N]`: the work a real audit does, measured.
// From a seed it writes a 5,000-person roster and canonical rows that all belong to it (both text fields filled,
// varied texts, about 2 % violations), then runs back to back, each in its own process so that peak RSS is its own:
// csv-parse alone on the same file (the floor), the full scan to a JSON report (default --jobs, then --jobs 1, whose
// reports must be byte-identical), and a large roster load.
// The full run adds a file of 10 × the rows (10 M) and a 1 M-row file with about 100,000 findings (memory per
// finding); `--quick` runs only the 1 M-row file and the roster. Ratios, not absolute times, compare across machines.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { PACKAGE_ROOT } from '../../src/shared/version.js';
import { normalizeText } from '../../src/normalize/text.js';
import { loadElection } from '../../src/load/election.js';
import { loadRulePack } from '../../src/rules/rule-pack.js';
import { textModelOf } from '../../src/rules/text-model.js';
import { coldStart } from './cold-start.js';
import { nearMissTexts, violationTexts, writeActivity, writeRoster } from './generate.js';

const ELECTION = resolve(PACKAGE_ROOT, 'fixtures/demo/election.yaml');
const RULES = resolve(PACKAGE_ROOT, 'rules');
const ROSTER_PERSONS = 5_000;
/** The scan's default `--jobs`: one thread per core. */
const JOBS = availableParallelism();
/**
 * Rows given a violation text; the near misses (5 % of the rest) add about 0.7 % more rows with findings, as some
 * pack `no_match` texts are another rule's finding ("Jangan lupa pilih 03 ya!"): about 2 % of rows have findings.
 */
const VIOLATION_SHARE = 0.013;
/** The share that gives about 100,000 findings in 1 M rows (findings grow with it about linearly: 26,000 at 0.013). */
const MANY_FINDINGS_SHARE = 0.05;

const { values: flags } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    persons: { type: 'string', default: '1000000' },
    seed: { type: 'string', default: '20241127' },
    quick: { type: 'boolean', default: false },
  },
});
const count = (name: string, value: string): number => {
  const n = Number(value.replaceAll('_', ''));
  if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name} expects a positive whole number; found "${value}"`);
  return n;
};
const rows = count('rows', flags.rows);
const bigRoster = count('persons', flags.persons);
const seed = count('seed', flags.seed);

interface Measure {
  code: number;
  seconds: number;
  maxRssMiB: number;
  rows?: number;
}

function child(script: string, args: string[]): Measure {
  const run = spawnSync(process.execPath, [resolve(PACKAGE_ROOT, 'dist-tools/tools/bench', script), ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  const last = run.stderr.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(last) as Measure;
  } catch {
    throw new Error(`${script} ${args.join(' ')} failed (exit ${run.status}):\n${run.stderr.slice(-2000)}`);
  }
}

const MiB = 1024 * 1024;
const line = (cells: (string | number)[], widths: number[]) =>
  cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]!) : String(c).padStart(widths[i]!))).join('  ');
const WIDTHS = [34, 8, 10, 8, 12];

interface ScanRun {
  rows: number;
  bytes: number;
  parse: Measure;
  scan: Measure;
  /** The same scan with `--jobs 1`. */
  oneThread: Measure;
  findings: number;
  /** Rows with at least one finding. */
  flaggedRows: number;
  reportBytes: number;
}

async function runSize(
  dir: string,
  size: number,
  roster: string,
  plan: Omit<Parameters<typeof writeActivity>[1], 'rows'>,
): Promise<ScanRun> {
  const activity = join(dir, `activity-${size}.csv`);
  const report = join(dir, `report-${size}.json`);
  const bytes = await writeActivity(activity, { ...plan, rows: size });
  const parse = child('parse-child.js', [activity]);
  const scanWith = (jobs: string[], out: string) =>
    child('scan-child.js', [
      'scan',
      activity,
      '--roster',
      roster,
      '--election',
      ELECTION,
      '--format',
      'json',
      '-o',
      out,
      '--fail-on',
      'none',
      '-q',
      ...jobs,
    ]);
  const scan = scanWith([], report);
  if (scan.code !== 0) throw new Error(`the scan of ${activity} exited ${scan.code}`);
  const oneThreadReport = join(dir, `report-${size}-jobs1.json`);
  const oneThread = scanWith(['--jobs', '1'], oneThreadReport);
  if (oneThread.code !== 0) throw new Error(`the --jobs 1 scan of ${activity} exited ${oneThread.code}`);
  // The threads must not change a byte of the report.
  if (!readFileSync(report).equals(readFileSync(oneThreadReport)))
    throw new Error(`the reports of the default scan and of --jobs 1 differ (${report}, ${oneThreadReport})`);
  rmSync(oneThreadReport);
  const reportBytes = statSync(report).size;
  const parsed = JSON.parse(readFileSync(report, 'utf8')) as {
    summary: { findings: number };
    persons: { findings: { activity: { id: string } }[] }[];
  };
  const flaggedRows = new Set(parsed.persons.flatMap((p) => p.findings.map((f) => f.activity.id))).size;
  rmSync(activity);
  rmSync(report);
  return { rows: size, bytes, parse, scan, oneThread, findings: parsed.summary.findings, flaggedRows, reportBytes };
}

/** One scan (default --jobs) of a file with many findings: what each finding costs in peak RSS. */
async function findingsRun(
  dir: string,
  size: number,
  roster: string,
  plan: Omit<Parameters<typeof writeActivity>[1], 'rows'>,
): Promise<{ scan: Measure; findings: number }> {
  const activity = join(dir, `activity-${size}-findings.csv`);
  const report = join(dir, `report-${size}-findings.json`);
  await writeActivity(activity, { ...plan, rows: size });
  const scan = child('scan-child.js', [
    'scan',
    activity,
    '--roster',
    roster,
    '--election',
    ELECTION,
    '--format',
    'json',
    '-o',
    report,
    '--fail-on',
    'none',
    '-q',
  ]);
  if (scan.code !== 0) throw new Error(`the scan of ${activity} exited ${scan.code}`);
  const findings = (JSON.parse(readFileSync(report, 'utf8')) as { summary: { findings: number } }).summary.findings;
  rmSync(activity);
  rmSync(report);
  return { scan, findings };
}

function printRun(r: ScanRun): void {
  const mb = r.bytes / 1e6;
  console.log(
    `\n${r.rows.toLocaleString('en')} rows, ${mb.toFixed(0)} MB, ${r.findings.toLocaleString('en')} findings on ${r.flaggedRows.toLocaleString('en')} rows (${((100 * r.flaggedRows) / r.rows).toFixed(1)} %)`,
  );
  console.log(line(['', 'seconds', 'rows/s', 'MB/s', 'peak RSS MiB'], WIDTHS));
  for (const [name, m] of [
    ['csv-parse, columns: true', r.parse],
    [`scan --format json (jobs ${JOBS})`, r.scan],
    ['scan --format json --jobs 1', r.oneThread],
  ] as const) {
    console.log(
      line(
        [
          name,
          m.seconds.toFixed(2),
          Math.round(r.rows / m.seconds),
          (mb / m.seconds).toFixed(1),
          m.maxRssMiB.toFixed(0),
        ],
        WIDTHS,
      ),
    );
  }
  console.log(`scan / bare parse (time)            ${(r.scan.seconds / r.parse.seconds).toFixed(2)}`);
  console.log(
    `jobs 1 / jobs ${JOBS} (time, speed-up)      ${(r.oneThread.seconds / r.scan.seconds).toFixed(2)} (reports byte-identical)`,
  );
  const perFinding =
    r.findings > 0 ? (bytes: number) => Math.round(bytes / r.findings).toLocaleString('en') : () => '-';
  console.log(`peak RSS bytes per finding          ${perFinding(r.scan.maxRssMiB * MiB)}`);
  console.log(`report bytes per finding            ${perFinding(r.reportBytes)}`);
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

const dir = mkdtempSync(join(tmpdir(), 'asn-audit-bench-'));
try {
  const pack = await loadRulePack([RULES]);
  const election = await loadElection(ELECTION);
  const plan = {
    persons: ROSTER_PERSONS,
    seed,
    violationShare: VIOLATION_SHARE,
    violations: violationTexts(pack),
    nearMisses: nearMissTexts(pack),
    reserved: textModelOf(pack, election).hashtagWords.words,
  };
  const roster = join(dir, 'roster.csv');
  await writeRoster(roster, ROSTER_PERSONS);
  console.log(
    `seed ${seed}; roster ${ROSTER_PERSONS} persons; ${plan.violations.length} violation texts on ${VIOLATION_SHARE * 100} % of rows`,
  );
  const runs = [await runSize(dir, rows, roster, plan)];
  printRun(runs[0]!);
  if (!flags.quick) {
    const many = await findingsRun(dir, rows, roster, { ...plan, violationShare: MANY_FINDINGS_SHARE });
    console.log(
      `\n${rows.toLocaleString('en')} rows with ${many.findings.toLocaleString('en')} findings: scan (jobs ${JOBS}) ${many.scan.seconds.toFixed(2)} s, peak RSS ${many.scan.maxRssMiB.toFixed(0)} MiB, ${Math.round((many.scan.maxRssMiB * MiB) / many.findings).toLocaleString('en')} bytes per finding`,
    );
    runs.push(await runSize(dir, rows * 10, roster, plan));
    printRun(runs[1]!);
    const [small, large] = runs as [ScanRun, ScanRun];
    console.log(
      `\n${large.rows.toLocaleString('en')} / ${small.rows.toLocaleString('en')} rows: time ×${(large.scan.seconds / small.scan.seconds).toFixed(2)}, peak RSS ×${(large.scan.maxRssMiB / small.scan.maxRssMiB).toFixed(2)} (jobs ${JOBS}), ×${(large.oneThread.maxRssMiB / small.oneThread.maxRssMiB).toFixed(2)} (jobs 1)`,
    );
  }

  const bigRosterPath = join(dir, 'roster-large.csv');
  const rosterBytes = await writeRoster(bigRosterPath, bigRoster);
  const load = child('roster-child.js', [bigRosterPath]);
  rmSync(bigRosterPath);
  console.log(`\nroster load, ${bigRoster.toLocaleString('en')} persons, ${(rosterBytes / 1e6).toFixed(0)} MB`);
  console.log(line(['', 'seconds', 'persons/s', 'MB/s', 'peak RSS MiB'], WIDTHS));
  console.log(
    line(
      [
        'loadRoster',
        load.seconds.toFixed(2),
        Math.round(bigRoster / load.seconds),
        (rosterBytes / 1e6 / load.seconds).toFixed(1),
        load.maxRssMiB.toFixed(0),
      ],
      WIDTHS,
    ),
  );
  console.log(
    `peak RSS bytes per person           ${Math.round((load.maxRssMiB * MiB) / bigRoster).toLocaleString('en')}`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
if (!flags.quick) {
  normaliserScaling();
  coldStart();
}
