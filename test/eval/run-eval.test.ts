import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main, parseOptions } from '../../tools/eval/run-eval.js';

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
    [['--holdout-min-precision', '-0.1']],
    [['--holdout-min-recall', '']],
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

  it.skipIf(!BUILT)(
    'scores the development set, then the held-out set, through the built CLI with a table and both lists each',
    async () => {
      const { out, io } = capture();
      expect(await main(['--no-corpora'], io, ROOT)).toBe(0);
      expect(out.stdout.split('\n')[0]).toBe(
        'development set: the rule pack was tuned on it; held-out set: written without seeing the rules',
      );
      const development = out.stdout.search(/^Development set fixtures\/eval\/activity\.csv: \d+ rows, \d+ findings$/m);
      const holdout = out.stdout.search(/^Held-out set fixtures\/eval\/holdout\.csv: 200 rows, \d+ findings$/m);
      expect(development).toBeGreaterThan(0);
      expect(holdout).toBeGreaterThan(development);
      expect(out.stdout.match(/^overall \(micro\)\s+\d+\s+\d+/gm)).toHaveLength(2);
      expect(out.stdout.match(/Misses: expected but not found/g)).toHaveLength(2);
      expect(out.stdout.match(/False positives: found but not expected/g)).toHaveLength(2);
      expect(out.stdout).not.toContain('Findings for ids that are not in the labelled set');
    },
  );

  it.skipIf(!BUILT)(
    'applies --holdout-min-recall to the held-out set only, naming it when the score falls short',
    async () => {
      const strict = capture();
      const code = await main(
        ['--no-corpora', '--holdout-min-recall', '1', '--holdout-min-precision', '0'],
        strict.io,
        ROOT,
      );
      // The overall line after the held-out heading: expected, found, TP, FP, FN, precision, recall, F1.
      const holdoutPart = strict.out.stdout.slice(strict.out.stdout.indexOf('Held-out set'));
      const recall = /^overall \(micro\)(?:\s+\S+){6}\s+(\S+)/m.exec(holdoutPart)?.[1];
      if (recall === '1.000') {
        expect(code).toBe(0);
      } else {
        expect(code).toBe(1);
        expect(strict.out.stderr).toBe(`run-eval: below the required thresholds: held-out recall ${recall} < 1\n`);
      }
      const lenient = capture();
      expect(await main(['--no-corpora', '--holdout-min-recall', '0'], lenient.io, ROOT)).toBe(0);
    },
  );
});

describe('parseOptions', () => {
  it('keeps the development and held-out thresholds apart, none by default', () => {
    expect(parseOptions([])).toEqual({ thresholds: {}, holdoutThresholds: {}, corpora: true, showReal: null });
    expect(parseOptions(['--min-precision', '0.97', '--holdout-min-recall', '0.8', '--no-corpora'])).toEqual({
      thresholds: { minPrecision: 0.97 },
      holdoutThresholds: { minRecall: 0.8 },
      corpora: false,
      showReal: null,
    });
    expect(parseOptions(['--holdout-min-precision', '1', '--min-recall', '0'])).toEqual({
      thresholds: { minRecall: 0 },
      holdoutThresholds: { minPrecision: 1 },
      corpora: true,
      showReal: null,
    });
    expect(parseOptions(['--show-real', 'check']).showReal).toBe('check');
    expect(() => parseOptions(['--show-real', 'all'])).toThrow('--show-real expects tune or check, got "all"');
  });

  it('names the held-out option whose value is not a fraction', () => {
    expect(() => parseOptions(['--holdout-min-recall', '2'])).toThrow(
      '--holdout-min-recall expects a number from 0 to 1, got "2"',
    );
    expect(() => parseOptions(['--min-precision', 'x'])).toThrow(
      '--min-precision expects a number from 0 to 1, got "x"',
    );
  });
});
