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
 * In this process, but end to end and heavy: many whole scans (merge), a DOM recounting a whole page, a 64 MiB
 * record. `npm test` runs them; `npm run test:unit` leaves them out so that it stays a quick check of the code.
 */
const HEAVY = [
  'test/aggregate/merge-reports.test.ts',
  'test/report/html-counts.test.ts',
  'test/load/csv-record-limit.test.ts',
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
        test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: [...BUILT, ...HEAVY, ...EXTERNAL] },
      },
      { extends: true, test: { name: 'heavy', include: HEAVY } },
      { extends: true, test: { name: 'built', include: BUILT, setupFiles: ['test/helpers/fresh-build.ts'] } },
      { extends: true, test: { name: 'external', include: EXTERNAL } },
    ],
  },
});
