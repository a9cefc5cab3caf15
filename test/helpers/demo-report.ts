// The demo's report built in this process (the library's runScan on fixtures/demo), for tests of the report stage.
import { resolve } from 'node:path';
import { runScan } from '../../src/audit.js';
import type { Report } from '../../src/schemas/report-schema.js';
import type { Lang } from '../../src/shared/types.js';
import { BUNDLED_RULES } from '../../src/shared/version.js';

const ROOT = resolve(import.meta.dirname, '../..');

// Several test files build the same report, and with --no-isolate (`npm run test:unit`) they share this module: one
// scan per language, and a copy for each caller, which may change its report. A decisions file is read afresh each
// time (a test may rewrite it).
const withoutDecisions = new Map<Lang, Promise<Report>>();

export async function demoReport(lang: Lang, decisions?: string): Promise<Report> {
  if (decisions) return scanDemo(lang, decisions);
  let report = withoutDecisions.get(lang);
  if (!report) withoutDecisions.set(lang, (report = scanDemo(lang)));
  return structuredClone(await report);
}

async function scanDemo(lang: Lang, decisions?: string): Promise<Report> {
  const { report } = await runScan({
    activity: [resolve(ROOT, 'fixtures/demo/activity.csv')],
    roster: resolve(ROOT, 'fixtures/demo/roster.csv'),
    election: resolve(ROOT, 'fixtures/demo/election.yaml'),
    rules: [BUNDLED_RULES],
    lang,
    strict: false,
    version: 'test',
    stdin: (async function* () {})(),
    ...(decisions ? { decisions } : {}),
  });
  return report;
}
