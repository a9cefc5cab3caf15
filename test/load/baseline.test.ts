// The baseline: a previous report (each of its findings suppressed, with a reason in the run's language) or a list.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadBaseline } from '../../src/load/baseline.js';
import { AuditError } from '../../src/shared/errors.js';

const dir = mkdtempSync(join(tmpdir(), 'asn-audit-baseline-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const FP = 'a'.repeat(24);
const FP2 = 'b'.repeat(24);

describe('loadBaseline', () => {
  const report = join(dir, 'previous.json');
  writeFileSync(
    report,
    JSON.stringify({
      schema: 'asn-audit/report@1',
      persons: [{ findings: [{ fingerprint: FP }, { fingerprint: FP2, suppression: { reason: 'own reason' } }] }],
    }),
  );

  it('suppresses every finding of a previous report, saying why in the run’s language unless it had a reason', async () => {
    const id = await loadBaseline(report, 'id');
    expect([...id.values()].map((s) => s.reason)).toEqual([`sudah ditinjau di baseline ${report}`, 'own reason']);
    const en = await loadBaseline(report, 'en');
    expect(en.get(FP)?.reason).toBe(`reviewed in baseline ${report}`);
  });

  it('takes a list of suppressions as written, and says what a baseline is when it is neither', async () => {
    const list = join(dir, 'list.yaml');
    writeFileSync(list, `- fingerprint: ${FP}\n  reason: dinas resmi\n  reviewer: Rina\n`);
    expect([...(await loadBaseline(list, 'en')).values()]).toEqual([
      { fingerprint: FP, reason: 'dinas resmi', reviewer: 'Rina', date: null },
    ]);
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, '- fingerprint: 1\n');
    const error = await loadBaseline(bad, 'en').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuditError);
    expect((error as AuditError).hint).toBe(
      'a baseline is a previous JSON report of asn-audit or a list of {fingerprint, reason, reviewer, date}',
    );
  });
});
