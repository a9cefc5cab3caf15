// A previous report of about 100 MB used as --baseline completes within a 2 GB heap, and its peak memory is the
// fingerprints', not the file's: the report is read as a stream (src/load/json-stream.ts). Through the YAML parser a
// 40 MB report took 2.2 GB and a 95 MB one ran out of memory.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HANG_LIMIT_MS } from '../helpers/hang-limit.js';

const ROOT = resolve(import.meta.dirname, '../..');
const BIN = resolve(ROOT, 'bin/asn-audit');
const DEMO = [
  resolve(ROOT, 'fixtures/demo/activity.csv'),
  '--roster',
  resolve(ROOT, 'fixtures/demo/roster.csv'),
  '--election',
  resolve(ROOT, 'fixtures/demo/election.yaml'),
];
const TARGET_BYTES = 100 * 1024 * 1024;
const TIME = '/usr/bin/time';
const dir = mkdtempSync(join(tmpdir(), 'asn-audit-baseline-large-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * The demo's own report, its persons repeated until the file is ~100 MB: the first copy keeps the demo's
 * fingerprints, each other copy has fingerprints of its own. Returns the number of findings written.
 */
function writeLargeBaseline(demoReport: string, path: string): number {
  const report = JSON.parse(demoReport) as { persons: { findings: unknown[] }[] };
  const persons = JSON.stringify(report.persons, null, 2).slice(1, -1).trim();
  const [head, tail] = JSON.stringify({ ...report, persons: ['\u0000'] }, null, 2).split('"\\u0000"');
  const perCopy = report.persons.reduce((n, p) => n + p.findings.length, 0);
  const fd = openSync(path, 'w');
  writeSync(fd, head!);
  let bytes = head!.length;
  let copies = 0;
  while (bytes < TARGET_BYTES) {
    const copy =
      copies === 0
        ? persons
        : persons.replace(/"fingerprint": "[0-9a-f]{8}/g, `"fingerprint": "${copies.toString(16).padStart(8, '0')}`);
    writeSync(fd, copies === 0 ? copy : `,\n    ${copy}`);
    bytes += copy.length;
    copies++;
  }
  writeSync(fd, tail!);
  closeSync(fd);
  return perCopy * copies;
}

let large: { path: string; findings: number } | null = null;

/** The 100 MB baseline, written once for both tests. */
function largeBaseline(): { path: string; findings: number } {
  if (large) return large;
  const demo = spawnSync(process.execPath, [BIN, 'scan', ...DEMO, '--format', 'json', '--jobs', '1'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  expect(demo.status, demo.stderr).toBe(1);
  const path = join(dir, 'previous.json');
  const findings = writeLargeBaseline(demo.stdout, path);
  expect(statSync(path).size).toBeGreaterThanOrEqual(TARGET_BYTES);
  large = { path, findings };
  return large;
}

describe('a 100 MB baseline', () => {
  it('completes within a 2 GB heap, every demo finding suppressed', { timeout: HANG_LIMIT_MS }, () => {
    const { path: baseline, findings } = largeBaseline();

    const out = join(dir, 'report.json');
    const node = [process.execPath, '--max-old-space-size=2048', BIN, 'scan', ...DEMO, '--baseline', baseline];
    const args = [...node, '-o', out, '--jobs', '1', '--quiet'];
    const measured = existsSync(TIME);
    const started = Date.now();
    const run = measured
      ? spawnSync(TIME, ['-v', ...args], { encoding: 'utf8' })
      : spawnSync(args[0]!, args.slice(1), { encoding: 'utf8' });
    const seconds = (Date.now() - started) / 1000;
    expect(run.status, run.stderr).toBe(0);
    const { summary } = JSON.parse(readFileSync(out, 'utf8'));
    expect(summary.findings).toBeGreaterThan(0);
    expect(summary.suppressed).toBe(summary.findings);
    const rssKb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(run.stderr)?.[1] ?? Number.NaN);
    console.log(
      `100 MB baseline (${findings} fingerprints): ${seconds.toFixed(1)} s, peak RSS ${measured ? `${Math.round(rssKb / 1024)} MiB` : 'not measured (no /usr/bin/time)'}`,
    );
    if (measured) expect(rssKb).toBeLessThan(2 * 1024 * 1024);
  });

  it('keeps only its fingerprints: what stays in memory once read is megabytes, not the file', {
    timeout: HANG_LIMIT_MS,
  }, () => {
    const { path, findings } = largeBaseline();
    // A string sliced out of a chunk keeps the whole chunk alive: kept fingerprints once held 200 MB of the text.
    const script = `
      import { loadBaseline } from ${JSON.stringify(resolve(ROOT, 'dist/load/baseline.js'))};
      const kept = await loadBaseline(${JSON.stringify(path)}, 'en');
      globalThis.gc();
      const m = process.memoryUsage();
      console.log(JSON.stringify({ size: kept.size, retained: m.heapUsed + m.external }));`;
    const run = spawnSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const { size, retained } = JSON.parse(run.stdout) as { size: number; retained: number };
    expect(size).toBe(findings);
    expect(retained).toBeLessThan(64 * 1024 * 1024);
  });
});
