// The demo's report built in this process (the library's runScan on fixtures/demo), for tests of the report stage.
import { resolve } from 'node:path';
import { runScan } from '../../src/audit.js';
import type { Report } from '../../src/schemas/report-schema.js';
import type { Lang } from '../../src/shared/types.js';
import { BUNDLED_RULES } from '../../src/shared/version.js';

const ROOT = resolve(import.meta.dirname, '../..');

export async function demoReport(lang: Lang, decisions?: string): Promise<Report> {
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
