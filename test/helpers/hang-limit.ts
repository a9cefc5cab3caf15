// The time limit for tests that run many whole scans. It is there to catch a hang, not to measure speed: these
// tests take about a minute of CPU, and a shared, busy runner (load 17 on 2 cores seen here) stretches that well past
// vitest's usual limits. Speed is measured in `npm run bench`, never in a test.
export const HANG_LIMIT_MS = 600_000;
