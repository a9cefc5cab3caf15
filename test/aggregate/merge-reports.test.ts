// `merge` of shard reports is the report of one scan over all the shards' inputs, byte for byte: the demo activity
// split into parts at several points, each part scanned on its own, then merged, against one scan of all parts.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_ELECTION, DEMO_ROSTER, ROOT, runMain } from '../faults/in-process.js';

const DEMO_ACTIVITY = resolve(ROOT, 'fixtures/demo/activity.csv');

/** The demo's rows cut into files at the given row counts, each with the header (the demo has no multi-line field). */
function splitDemo(dir: string, cuts: number[]): string[] {
  const [header, ...rows] = readFileSync(DEMO_ACTIVITY, 'utf8').trimEnd().split('\n');
  expect(rows).toHaveLength(302);
  const bounds = [0, ...cuts, rows.length];
  return bounds.slice(1).map((end, i) => {
    const path = join(dir, `part-${i + 1}.csv`);
    writeFileSync(path, `${header}\n${rows.slice(bounds[i], end).join('\n')}\n`);
    return path;
  });
}

async function scanTo(inputs: string[], output: string, extra: string[] = []): Promise<string> {
  const run = await runMain([
    'scan',
    ...inputs,
    '--roster',
    DEMO_ROSTER,
    '--election',
    DEMO_ELECTION,
    '--fail-on',
    'none',
    '-q',
    '-o',
    output,
    ...extra,
  ]);
  expect(run.stderr.replace(/asn-audit: note: .*\n/g, '')).toBe('');
  expect(run.code).toBe(0);
  return readFileSync(output, 'utf8');
}

async function merge(reports: string[], output: string) {
  return runMain(['merge', ...reports, '-o', output]);
}

describe('merge', () => {
  it.each([[[151]], [[40, 200]], [[1, 2, 3, 301]]])(
    'of the demo split at rows %j equals one scan of all the parts, byte for byte',
    async (cuts) => {
      const dir = mkdtempSync(join(tmpdir(), 'asn-audit-merge-'));
      const parts = splitDemo(dir, cuts);
      const single = await scanTo(parts, join(dir, 'single.json'));
      const shards = [];
      for (const [i, part] of parts.entries()) {
        shards.push(join(dir, `shard-${i + 1}.json`));
        await scanTo([part], shards[i]!);
      }
      const run = await merge(shards, join(dir, 'merged.json'));
      expect(run.code).toBe(0);
      expect(run.stderr).toMatch(/merged\.json: \d+ report\(s\) merged, 142 finding\(s\) of 302 row\(s\)/);
      const merged = readFileSync(join(dir, 'merged.json'), 'utf8');
      // Not empty lists that would agree trivially: the demo has all of these.
      const report = JSON.parse(merged);
      for (const list of [report.persons, report.rejected, report.unmatched_accounts, report.cancelled_findings])
        expect(list.length).toBeGreaterThan(0);
      expect(report.summary.roster_gaps.length).toBeGreaterThan(0);
      expect(merged).toBe(single);
    },
  );

  it('keeps an act read in two shards as one finding at its first source, as one scan does', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'asn-audit-merge-'));
    const [first, second] = splitDemo(dir, [151]);
    const again = join(dir, 'again.csv');
    writeFileSync(again, readFileSync(first!));
    const single = await scanTo([first!, second!, again], join(dir, 'single.json'));
    for (const [i, part] of [first!, second!, again].entries()) await scanTo([part], join(dir, `s${i}.json`));
    await merge(
      [0, 1, 2].map((i) => join(dir, `s${i}.json`)),
      join(dir, 'merged.json'),
    );
    expect(readFileSync(join(dir, 'merged.json'), 'utf8')).toBe(single);
  });

  it('of one report is that report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'asn-audit-merge-'));
    const single = await scanTo([DEMO_ACTIVITY], join(dir, 'r.json'));
    expect((await merge([join(dir, 'r.json')], join(dir, 'm.json'))).code).toBe(0);
    expect(readFileSync(join(dir, 'm.json'), 'utf8')).toBe(single);
  });

  it('refuses shards of another rule pack, language or window, naming both files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'asn-audit-merge-'));
    const [a, b] = splitDemo(dir, [151]);
    await scanTo([a!], join(dir, 'a.json'));
    await scanTo([b!], join(dir, 'b.json'), [
      '--rules',
      resolve(ROOT, 'rules'),
      '--lang',
      'en',
      '--since',
      '2024-01-01',
    ]);
    const run = await merge([join(dir, 'a.json'), join(dir, 'b.json')], join(dir, 'm.json'));
    expect(run.code).toBe(2);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stderr).toMatch(/b\.json lang: report language \(--lang\) differs from .*a\.json/);
    expect(run.stderr).toMatch(/b\.json window: .* differs from .*a\.json/);
    expect(run.stderr).not.toContain('rule pack');
  });

  it('refuses an election or roster that differs, and the same input in two shards', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'asn-audit-merge-'));
    const [a, b] = splitDemo(dir, [151]);
    await scanTo([a!], join(dir, 'a.json'));
    const report = JSON.parse(readFileSync(join(dir, 'a.json'), 'utf8'));
    report.election.sha256 = '0'.repeat(64);
    report.roster.sha256 = '1'.repeat(64);
    report.inputs[0].path = b;
    writeFileSync(join(dir, 'other.json'), JSON.stringify(report));
    const run = await merge([join(dir, 'a.json'), join(dir, 'other.json')], join(dir, 'm.json'));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/other\.json election\.sha256: election file differs from .*a\.json/);
    expect(run.stderr).toMatch(/other\.json roster\.sha256: roster differs/);
    const twice = await merge([join(dir, 'a.json'), join(dir, 'a.json')], join(dir, 'm.json'));
    expect(twice.code).toBe(2);
    expect(twice.stderr).toMatch(/a\.json: input .*part-1\.csv was scanned in .*a\.json as well/);
  });

  it('says which file is not a report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'asn-audit-merge-'));
    writeFileSync(join(dir, 'x.json'), '{"schema": 1}');
    const run = await merge([join(dir, 'x.json')], join(dir, 'm.json'));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/x\.json/);
  });
});
