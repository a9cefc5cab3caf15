// `merge --roster union.csv` of shards scanned over disjoint rosters (one per agency or region), with the built CLI:
// byte for byte one scan of all the inputs with the union roster; shard rosters that disagree with it are refused,
// as are rows a shard left unmatched that belong to another shard's person.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRoster } from '../../src/load/roster.js';
import { platformName, readHandle } from '../../src/normalize/handle.js';
import type { Roster } from '../../src/shared/types.js';
import { ROOT, runCli } from '../helpers/cli.js';

const UNION = 'fixtures/demo/roster.csv';
const ELECTION = ['--election', 'fixtures/demo/election.yaml'];

/** The demo roster cut in two after its 15th person (each line is one person; no field spans lines). */
function splitRoster(dir: string): [string, string] {
  const [header, ...lines] = readFileSync(resolve(ROOT, UNION), 'utf8').trimEnd().split('\n');
  expect(lines).toHaveLength(30);
  return [lines.slice(0, 15), lines.slice(15)].map((part, i) => {
    const path = join(dir, `roster-${i + 1}.csv`);
    writeFileSync(path, `${header}\n${part.join('\n')}\n`);
    return path;
  }) as [string, string];
}

/** Whether an activity row (id, platform, account, nip first, never quoted in the demo) is a person of `roster`. */
function belongsTo(line: string, roster: Roster): boolean {
  const [, written, account, nip] = line.split(',') as [string, string, string, string];
  if (nip) return roster.byNip.has(nip.replace(/\D/g, ''));
  const platform = platformName(written);
  if (!platform) return false;
  const handle = readHandle(platform, account);
  return handle.ok && roster.byAccount.has(`${platform}:${handle.handle}`);
}

/** The demo's rows split by the roster their person is in; rows of no roster person go with the first part. */
async function splitActivity(dir: string, rosters: [string, string]): Promise<[string, string]> {
  const [header, ...rows] = readFileSync(resolve(ROOT, 'fixtures/demo/activity.csv'), 'utf8').trimEnd().split('\n');
  const second = await loadRoster(rosters[1]);
  const parts: [string[], string[]] = [[], []];
  for (const row of rows) parts[belongsTo(row, second) ? 1 : 0].push(row);
  expect(parts[0].length).toBeGreaterThan(50);
  expect(parts[1].length).toBeGreaterThan(50);
  return parts.map((part, i) => {
    const path = join(dir, `activity-${i + 1}.csv`);
    writeFileSync(path, `${header}\n${part.join('\n')}\n`);
    return path;
  }) as [string, string];
}

function scan(inputs: string[], roster: string, output: string): void {
  const run = runCli(['scan', ...inputs, '--roster', roster, ...ELECTION, '--fail-on', 'none', '-q', '-o', output]);
  expect(run.code, run.stderr).toBe(0);
}

describe('merge --roster over disjoint rosters', () => {
  it('equals one scan of all the inputs with the union roster, byte for byte', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'asn-audit-merge-rosters-'));
    const rosters = splitRoster(dir);
    const inputs = await splitActivity(dir, rosters);
    const shards = inputs.map((input, i) => {
      const shard = join(dir, `shard-${i + 1}.json`);
      scan([input], rosters[i]!, shard);
      return shard;
    });
    scan(inputs, UNION, join(dir, 'single.json'));
    const run = runCli(['merge', ...shards, '--roster', UNION, '-o', join(dir, 'merged.json')]);
    expect(run.code, run.stderr).toBe(0);
    const merged = readFileSync(join(dir, 'merged.json'), 'utf8');
    expect(merged).toBe(readFileSync(join(dir, 'single.json'), 'utf8'));
    // The shards each found some of the demo's persons; the merge has both halves and the union's gaps.
    const report = JSON.parse(merged) as { summary: { persons: number; findings: number; roster_gaps: unknown[] } };
    expect(report.summary.persons).toBe(30);
    expect(report.summary.findings).toBe(141);
  });

  it('without --roster refuses shards of different rosters and says what to give', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'asn-audit-merge-rosters-'));
    const rosters = splitRoster(dir);
    const inputs = await splitActivity(dir, rosters);
    const shards = inputs.map((_, i) => join(dir, `shard-${i + 1}.json`));
    for (const [i, input] of inputs.entries()) scan([input], rosters[i]!, shards[i]!);
    const run = runCli(['merge', ...shards, '-o', join(dir, 'merged.json')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/roster\.sha256: roster differs/);
    expect(run.stderr).toContain('need --roster naming the union roster');
  });

  it('refuses a shard roster that disagrees with the union on a person they share', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'asn-audit-merge-rosters-'));
    const rosters = splitRoster(dir);
    const inputs = await splitActivity(dir, rosters);
    // The second roster also lists the union's first person (Budi Santoso), in another agency.
    const [header, budi] = readFileSync(resolve(ROOT, UNION), 'utf8').split('\n') as [string, string];
    const moved = budi.replace('Dinas Pendidikan', 'Dinas Perhubungan').replace(/,[^,]*,[^,]*,[^,]*,[^,]*$/, ',,,,');
    const second = readFileSync(rosters[1], 'utf8').replace(`${header}\n`, `${header}\n${moved}\n`);
    writeFileSync(rosters[1], second);
    const shards = inputs.map((_, i) => join(dir, `shard-${i + 1}.json`));
    for (const [i, input] of inputs.entries()) scan([input], rosters[i]!, shards[i]!);
    const run = runCli(['merge', ...shards, '--roster', UNION, '-o', join(dir, 'merged.json')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${rosters[1]}:2: NIP 197803142003121005 differs from ${UNION} line 2`);
    expect(run.stderr).toContain('agency "Dinas Perhubungan" here, "Dinas Pendidikan" there');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses rows a shard left unmatched that are a person of the union roster', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'asn-audit-merge-rosters-'));
    const rosters = splitRoster(dir);
    const inputs = await splitActivity(dir, rosters);
    // Both parts scanned over the first roster only: the second part's rows find no person there.
    const shard = join(dir, 'shard.json');
    scan(inputs, rosters[0], shard);
    const run = runCli(['merge', shard, '--roster', UNION, '-o', join(dir, 'merged.json')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /row\(s\) of \w+ \S+ are unmatched in this shard, but fixtures\/demo\/roster\.csv lists them/,
    );
  });
});
