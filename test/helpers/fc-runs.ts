// How many cases each property test runs. Every property names its count at the default FC_RUNS=1000, the full
// run that `npm test` and CI make (test/tooling/fc-runs.test.ts keeps that at 10,000 cases or more in all); FC_RUNS
// scales them all in proportion: FC_RUNS=100 runs a tenth of each, FC_RUNS=5000 five times as many. `npm run
// test:unit` defaults to FC_RUNS=25 so that it stays fast; a failure prints its seed, and fast-check's `seed` and
// `path` options replay it at any scale.

export const DEFAULT_FC_RUNS = 1000;

function scale(): number {
  const raw = process.env.FC_RUNS;
  if (raw === undefined || raw === '') return 1;
  if (!/^[1-9]\d*$/.test(raw))
    throw new Error(`FC_RUNS: expected a positive whole number (default ${DEFAULT_FC_RUNS}), got "${raw}"`);
  return Number(raw) / DEFAULT_FC_RUNS;
}

/** The number of runs for a property that runs `atDefault` cases at FC_RUNS=1000; at least one. */
export function fcRuns(atDefault: number): number {
  return Math.max(1, Math.round(atDefault * scale()));
}

/**
 * Whether the properties run their full counts. Checks that the generators reach the interesting cases (so many
 * runs got past the config files, so many acts had findings) hold for those counts only.
 */
export function atFullScale(): boolean {
  return scale() >= 1;
}
