// Cold start: CPU time of `asn-audit --version` and `--help` against `node -e 0`, measured in the same run.
// A command's modules load only when it runs (src/cli/main.ts), so these two should cost little more than Node itself.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { PACKAGE_ROOT } from '../../src/shared/version.js';

const RUNS = 10;
const BIN = resolve(PACKAGE_ROOT, 'bin/asn-audit');

/**
 * CPU seconds (user + system) of one run of `node ARGS…`, averaged over RUNS runs. Node reports no child's CPU
 * time, so bash runs them and its `times` builtin prints the children's totals (second line: `0m0.563s 0m0.051s`).
 */
function cpuSeconds(args: string[]): number {
  const command = `${[process.execPath, ...args].map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(' ')} >/dev/null`;
  const run = spawnSync('bash', ['-c', `for i in $(seq ${RUNS}); do ${command}; done; times`], { encoding: 'utf8' });
  const children = run.stdout.trim().split('\n').pop() ?? '';
  const seconds = [...children.matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
  if (run.status !== 0 || seconds.length !== 2) throw new Error(`cannot measure ${command}: ${run.stderr}`);
  return (seconds[0]! + seconds[1]!) / RUNS;
}

export function coldStart(): void {
  const node = cpuSeconds(['-e', '0']);
  console.log(`\ncold start (CPU per run, mean of ${RUNS})   ms      × node -e 0`);
  console.log(`${'node -e 0'.padEnd(38)} ${(node * 1000).toFixed(0).padStart(4)}   ${'1.00'.padStart(10)}`);
  for (const args of [['--version'], ['--help']]) {
    const cpu = cpuSeconds([BIN, ...args]);
    console.log(
      `${`asn-audit ${args.join(' ')}`.padEnd(38)} ${(cpu * 1000).toFixed(0).padStart(4)}   ${(cpu / node).toFixed(2).padStart(10)}`,
    );
  }
}
