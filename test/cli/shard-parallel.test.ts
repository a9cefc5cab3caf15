// tools/shard/scan-in-parallel.sh, the README's national-run pattern on one machine: GNU parallel scans one shard per
// input, then merge. Its report must be byte for byte one scan of all the inputs, and a failed shard must never
// leave a merged report. Needs Debian's `parallel` (.ci/run installs it); without it the tests skip and say so.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_CONTEXT, ROOT, runCli } from '../helpers/cli.js';

const SCRIPT = resolve(ROOT, 'tools/shard/scan-in-parallel.sh');
const hasParallel = spawnSync('parallel', ['--version'], { encoding: 'utf8' }).status === 0;
if (!hasParallel) console.warn('shard-parallel: GNU parallel is not installed (apt-get install parallel); skipped');

/** The demo's rows in `parts` files of about equal size, each with the header (the demo has no multi-line field). */
function demoParts(dir: string, parts: number): string[] {
  const [header, ...rows] = readFileSync(resolve(ROOT, 'fixtures/demo/activity.csv'), 'utf8').trimEnd().split('\n');
  const size = Math.ceil(rows.length / parts);
  return Array.from({ length: parts }, (_, i) => {
    const path = join(dir, `part-${i + 1}.csv`);
    writeFileSync(path, `${header}\n${rows.slice(i * size, (i + 1) * size).join('\n')}\n`);
    return path;
  });
}

function runScript(args: string[]) {
  const run = spawnSync('bash', [SCRIPT, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe.skipIf(!hasParallel)('tools/shard/scan-in-parallel.sh', () => {
  it('merges 11 shards scanned two at a time into the report of one scan, byte for byte', () => {
    const dir = mkdtempSync(join(tmpdir(), 'asn-audit-shards-'));
    // Eleven parts: shard names must sort in input order past 9 (shard-00010 after shard-00002).
    const parts = demoParts(dir, 11);
    const run = runScript([...DEMO_CONTEXT, '--out', join(dir, 'out'), '--jobs', '2', ...parts]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/11 report\(s\) merged, 142 finding\(s\) of 302 row\(s\)/);
    const single = runCli(['scan', ...parts, ...DEMO_CONTEXT, '--fail-on', 'none', '-q', '-o', join(dir, 'one.json')]);
    expect(single.code, single.stderr).toBe(0);
    expect(readFileSync(join(dir, 'out/report.json'), 'utf8')).toBe(readFileSync(join(dir, 'one.json'), 'utf8'));
  });

  it('stops with exit 2 and writes no merged report when a shard cannot be scanned', () => {
    const dir = mkdtempSync(join(tmpdir(), 'asn-audit-shards-'));
    const parts = demoParts(dir, 3);
    const run = runScript([...DEMO_CONTEXT, '--out', join(dir, 'out'), parts[0]!, join(dir, 'missing.csv'), parts[2]!]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('missing.csv');
    expect(existsSync(join(dir, 'out/report.json'))).toBe(false);
  });

  it('refuses a call without roster, election, output folder or inputs', () => {
    const run = runScript(['--roster', 'fixtures/demo/roster.csv']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^usage: .*scan-in-parallel\.sh --roster FILE --election FILE --out DIR/);
  });
});

describe('tools/shard/k8s-indexed-job.yaml', () => {
  it('scans /data/inputs/part-<index> per completion index and merges the shards in index order', () => {
    const manifest = readFileSync(resolve(ROOT, 'tools/shard/k8s-indexed-job.yaml'), 'utf8');
    expect(manifest).toContain('completionMode: Indexed');
    expect(manifest).toContain('i=$(printf \'%05d\' "$JOB_COMPLETION_INDEX")');
    expect(manifest).toContain('asn-audit merge $(ls /data/shards/shard-*.json) -o /data/report.json');
    // Every option the manifest passes exists in this version's scan.
    const help = execFileSync('node', ['bin/asn-audit', 'scan', '--help'], { cwd: ROOT, encoding: 'utf8' });
    for (const option of ['--roster', '--election', '--jobs', '--fail-on', '-q', '-o']) expect(help).toContain(option);
  });
});
