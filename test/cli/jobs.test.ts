// `scan --jobs N`: rules evaluated on worker threads give the same report, byte for byte, as one thread.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_CONTEXT, ROOT, runCli } from '../helpers/cli.js';

const DEMO = 'fixtures/demo/activity.csv';

/** The demo's rows repeated under new ids: enough rows that an unset --jobs starts its workers (over 5,000). */
function repeatedDemo(times: number): string {
  const [header, ...rows] = readFileSync(resolve(ROOT, DEMO), 'utf8').trimEnd().split('\n');
  const out = [header];
  for (let t = 0; t < times; t++) for (const row of rows) out.push(row.replace(/^([^,]*)/, `$1-${t}`));
  const file = join(mkdtempSync(join(tmpdir(), 'asn-audit-jobs-')), 'activity.csv');
  writeFileSync(file, `${out.join('\n')}\n`);
  return file;
}

const scanJson = (activity: string, extra: string[]) =>
  runCli(['scan', activity, ...DEMO_CONTEXT, '--format', 'json', '--fail-on', 'none', ...extra]);

describe('scan --jobs', () => {
  it('gives the same report on 1, 2 and 3 threads (the demo)', () => {
    const one = scanJson(DEMO, ['--jobs', '1']);
    expect(one.code).toBe(0);
    expect(JSON.parse(one.stdout).summary.findings).toBeGreaterThan(100);
    for (const jobs of ['2', '3']) {
      const many = scanJson(DEMO, ['--jobs', jobs]);
      expect(many.code, many.stderr).toBe(0);
      expect(many.stdout).toBe(one.stdout);
    }
  });

  it('gives the same report with workers started part-way (unset --jobs, 6,000+ rows)', () => {
    const activity = repeatedDemo(25);
    const one = scanJson(activity, ['--jobs', '1']);
    const auto = scanJson(activity, []);
    expect(auto.code, auto.stderr).toBe(0);
    expect(JSON.parse(one.stdout).summary.rows_read).toBeGreaterThan(6000);
    expect(auto.stdout).toBe(one.stdout);
  });

  it('stops at a bad row under --strict with batches on the workers, and exits 2 with no report', () => {
    // Demo lines 19–201 are all good rows: five copies put two batches of 500 on the workers before the bad row.
    const lines = readFileSync(resolve(ROOT, DEMO), 'utf8').split('\n');
    const good = lines.slice(18, 201);
    const rows = [
      lines[0],
      ...Array.from({ length: 5 }, (_, t) => good.map((r) => r.replace(/^([^,]*)/, `$1-${t}`))).flat(),
    ];
    const badLine = rows.length + 1;
    rows.push('bad,myspace,nobody,,2024-10-01 10:00,post,hi,,,,,,');
    const activity = join(mkdtempSync(join(tmpdir(), 'asn-audit-jobs-')), 'strict.csv');
    writeFileSync(activity, `${rows.join('\n')}\n`);
    const run = scanJson(activity, ['--jobs', '2', '--strict', '--lang', 'en']);
    expect(run.code, run.stderr).toBe(2);
    // --format json makes the exit-2 error one JSON object on stderr.
    const error = JSON.parse(run.stderr.trim().split('\n').at(-1)!);
    expect(error.kind).toBe('input');
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0].file).toBe(activity);
    expect(error.problems[0].line).toBe(badLine);
    expect(error.problems[0].message).toMatch(/^unknown platform "myspace"/);
    expect(run.stdout).toBe('');
  });

  it('refuses a --jobs that is not a whole number from 1 to 64', () => {
    for (const bad of ['0', '-1', '2.5', 'many', '65']) {
      const run = runCli(['scan', DEMO, ...DEMO_CONTEXT, '--jobs', bad]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`expected a whole number of threads from 1 to 64, got "${bad}"`);
    }
  });
});
