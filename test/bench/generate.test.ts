// The bench measures what it claims only if its generated inputs are what a real audit reads: a valid roster, rows
// that all belong to it, the same bytes from the same seed, and findings on about 2 % of the rows.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runScan } from '../../src/audit.js';
import { loadElection } from '../../src/load/election.js';
import { loadRoster } from '../../src/load/roster.js';
import { checkNip } from '../../src/normalize/nip.js';
import { loadRulePack } from '../../src/rules/rule-pack.js';
import { textModelOf } from '../../src/rules/text-model.js';
import { nearMissTexts, nipOf, violationTexts, writeActivity, writeRoster } from '../../tools/bench/generate.js';

const ROOT = resolve(import.meta.dirname, '../..');
const ELECTION = join(ROOT, 'fixtures/demo/election.yaml');
const dir = mkdtempSync(join(tmpdir(), 'bench-generate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function plan(rows: number, seed: number) {
  const pack = await loadRulePack([join(ROOT, 'rules')]);
  const election = await loadElection(ELECTION);
  return {
    rows,
    persons: 200,
    seed,
    violationShare: 0.013,
    violations: violationTexts(pack),
    nearMisses: nearMissTexts(pack),
    reserved: textModelOf(pack, election).hashtagWords.words,
  };
}

describe('bench inputs', () => {
  it('gives every person a valid, distinct NIP', () => {
    const nips = [0, 1, 9_999, 10_000, 123_456, 999_999].map(nipOf);
    for (const nip of nips) expect(checkNip(nip, new Date('2026-01-01')).ok, nip).toBe(true);
    expect(new Set(nips).size).toBe(nips.length);
  });

  it('writes the same rows from the same seed, and other rows from another', async () => {
    await writeActivity(join(dir, 'a.csv'), await plan(300, 7));
    await writeActivity(join(dir, 'b.csv'), await plan(300, 7));
    await writeActivity(join(dir, 'c.csv'), await plan(300, 8));
    const [a, b, c] = ['a', 'b', 'c'].map((n) => readFileSync(join(dir, `${n}.csv`), 'utf8'));
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });

  it('writes rows that all belong to the roster, with findings on about 2 % of them', async () => {
    await writeRoster(join(dir, 'roster.csv'), 200);
    expect((await loadRoster(join(dir, 'roster.csv'))).persons).toHaveLength(200);
    await writeActivity(join(dir, 'activity.csv'), await plan(4_000, 11));
    const { report } = await runScan({
      activity: [join(dir, 'activity.csv')],
      roster: join(dir, 'roster.csv'),
      election: ELECTION,
      rules: [join(ROOT, 'rules')],
      lang: 'id',
      strict: true,
      version: 'test',
      stdin: (async function* () {})(),
    });
    expect(report.summary.rows_read).toBe(4_000);
    expect(report.summary.rows_evaluated).toBe(4_000);
    const flagged = new Set(report.persons.flatMap((p) => p.findings.map((f) => f.activity.id))).size;
    expect(flagged / 4_000).toBeGreaterThan(0.01);
    expect(flagged / 4_000).toBeLessThan(0.04);
  });
});
