// A Facebook RSVP "interested" is valid data: it is evaluated, not rejected. Interest is not attendance, so no rule
// makes it a finding; the attendance rules it would meet cancel themselves, and the report lists that for a reviewer.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileRules } from '../../src/rules/compile.js';
import { loadRulePack } from '../../src/rules/rule-pack.js';
import { loadElection } from '../../src/load/election.js';
import { DEMO_ELECTION, ROOT, rowsBalance, scanJson } from '../faults/in-process.js';

const EVENTS = resolve(ROOT, 'fixtures/exports/facebook/your_event_responses.json');
const SITI = '198507222010012012';

interface Cancelled {
  line: number;
  rule: string;
  candidate: string | null;
  exception: string | null;
}

describe('Facebook event responses: "interested"', () => {
  it('is evaluated, not rejected, and gives no finding; the attendance rule it meets is cancelled, named', async () => {
    const { run, report } = await scanJson([EVENTS], ['--nip', SITI]);
    expect(run.code, run.stderr).toBe(1);
    const summary = report!.summary;
    // Two joined events and one "interested"; the declined one is not read.
    expect(summary.rows_read).toBe(3);
    expect(summary.rows_rejected).toBe(0);
    expect(summary.rows_evaluated).toBe(3);
    expect(rowsBalance(summary)).toBe(true);
    // The joined campaign rally is a finding; the "interested" declaration of Pram–Doel (line 31) is none.
    const findings = report!.persons.flatMap((p) => p.findings.map((f) => [f.activity.source.line, f.rule]));
    expect(findings).toEqual([[4, 'attendance-campaign-event']]);
    const cancelled = (report as unknown as { cancelled_findings: Cancelled[] }).cancelled_findings;
    expect(cancelled.map((c) => [c.line, c.rule, c.candidate, c.exception])).toEqual([
      [31, 'attendance-campaign-event', 'pramono-rano', 'tags: rsvp:interested'],
    ]);
  });

  it('every bundled rule that can judge attendance exempts rsvp:interested', async () => {
    const election = await loadElection(DEMO_ELECTION);
    const rules = compileRules(await loadRulePack([resolve(ROOT, 'rules')]), election);
    const judgingAttendance = rules.filter((r) => r.types === null || r.types.has('attendance'));
    expect(judgingAttendance.length).toBeGreaterThanOrEqual(5);
    for (const { rule } of judgingAttendance)
      expect(rule.unless, rule.id).toContainEqual({ tags: ['rsvp:interested'] });
  });
});
