import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/eval/run-eval.js';

const ROOT = resolve(import.meta.dirname, '../..');
/** The harness runs bin/asn-audit, which needs the build (`npm test` builds first). */
const BUILT = existsSync(resolve(ROOT, 'dist/cli/main.js'));

function capture() {
  const out = { stdout: '', stderr: '' };
  return { out, io: { stdout: (t: string) => void (out.stdout += t), stderr: (t: string) => void (out.stderr += t) } };
}

describe('run-eval main', () => {
  it.each([
    [['--min-precision', '1.5']],
    [['--min-recall', 'high']],
    [['--unknown']],
  ])('exits 2 with the usage on bad options %j', async (argv) => {
    const { out, io } = capture();
    expect(await main(argv, io, ROOT)).toBe(2);
    expect(out.stderr).toMatch(/usage: run-eval/);
    expect(out.stdout).toBe('');
  });

  it('exits 2 naming the command when the scan cannot run', async () => {
    const { out, io } = capture();
    expect(await main(['--no-corpora'], io, resolve(ROOT, 'test'))).toBe(2);
    expect(out.stderr).toBe('run-eval: fixtures/eval/activity.csv: cannot read: ENOENT\n');
  });

  it.skipIf(!BUILT)('scores the labelled set through the built CLI and prints the table and both lists', async () => {
    const { out, io } = capture();
    expect(await main(['--no-corpora'], io, ROOT)).toBe(0);
    expect(out.stdout).toMatch(/^Labelled set fixtures\/eval\/activity\.csv: \d+ rows, \d+ findings$/m);
    expect(out.stdout).toMatch(/^overall \(micro\)\s+\d+\s+\d+/m);
    expect(out.stdout).toContain('Misses: expected but not found');
    expect(out.stdout).toContain('False positives: found but not expected');
    expect(out.stdout).not.toContain('Findings for ids that are not in the labelled set');
  });
});
