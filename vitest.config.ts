import { defineConfig } from 'vitest/config';

/**
 * Tests that run bin/asn-audit or read dist/, so they need `npm run build` first; test/helpers/fresh-build.ts stops
 * them when dist/ is older than src/. test/cli/progress.test.ts and scan-options.test.ts call main() from src/cli in this
 * process, so they are unit tests despite their folder.
 */
const BUILT = [
  'test/cli/!(progress|scan-options).test.ts',
  'test/faults/atomic-write.test.ts',
  'test/faults/big-field.test.ts',
  'test/faults/rejected-many.test.ts',
  'test/load/zip-large.test.ts',
  'test/eval/run-eval.test.ts',
  'test/attribution/duplicate-keys.test.ts',
  'test/attribution/json-nip.test.ts',
  'test/attribution/nip-account.test.ts',
];
/**
 * In this process, but end to end: whole scans of files (the fault and attribution cases run through main()), many
 * whole scans (merge, the scan property test), a DOM recounting a whole page, a 64 MiB record. `npm test` runs them;
 * `npm run test:unit` leaves them out so that it stays a check of each stage's code that runs in seconds.
 */
const SCANS = [
  'test/faults/**/*.test.ts',
  'test/property/scan.test.ts',
  'test/cli/progress.test.ts',
  'test/cli/scan-options.test.ts',
  'test/aggregate/merge-reports.test.ts',
  'test/aggregate/rejected-bound.test.ts',
  'test/attribution/nip-plain-file.test.ts',
  'test/attribution/owner-not-in-roster.test.ts',
  'test/bench/generate.test.ts',
  'test/load/csv-record-limit.test.ts',
  'test/load/rejection-reasons.test.ts',
  'test/load/unknown-columns.test.ts',
  'test/load/utf16.test.ts',
  'test/load/xlsx.test.ts',
  'test/report/html-counts.test.ts',
  'test/report/json-stream.test.ts',
  'test/report/redact-roster-size.test.ts',
];
/** Slow, and outside this process: npm pack with an offline install, and a real browser. */
const EXTERNAL = [
  'test/package/**/*.test.ts',
  'test/report/html-browser.test.ts',
  'test/report/html-review-browser.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      // `npm run test:unit`: imports src/ directly, so no build, and runs in seconds.
      {
        extends: true,
        test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: [...BUILT, ...SCANS, ...EXTERNAL] },
      },
      { extends: true, test: { name: 'scans', include: SCANS, exclude: BUILT } },
      { extends: true, test: { name: 'built', include: BUILT, setupFiles: ['test/helpers/fresh-build.ts'] } },
      { extends: true, test: { name: 'external', include: EXTERNAL } },
    ],
  },
});
