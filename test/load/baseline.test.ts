// The baseline: a previous report (each of its findings suppressed, with a reason in the run's language) or a list.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadBaseline } from '../../src/load/baseline.js';
import { AuditError } from '../../src/shared/errors.js';
import { DEMO_ELECTION, DEMO_ROSTER, runMain } from '../faults/in-process.js';

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

  /** The problems of the AuditError loading `text` as a baseline gives, or the baseline when it loads. */
  async function problemsOf(name: string, text: string) {
    const file = join(dir, name);
    writeFileSync(file, text);
    const error = await loadBaseline(file, 'en').catch((e: unknown) => e);
    if (!(error instanceof AuditError))
      throw new Error(`loaded: ${JSON.stringify([...(error as Map<string, unknown>)])}`);
    return error.problems.map((p) => ({ ...p, file: p.file?.replace(dir, '<dir>') }));
  }

  it('reads a report as a stream: fingerprints, and a suppression’s reason, reviewer and date', async () => {
    const file = join(dir, 'suppressed.json');
    const activity = { id: 'a1', text: 'x'.repeat(100_000), tags: ['photo'], source: { file: 'a.csv', line: 2 } };
    writeFileSync(
      file,
      `\uFEFF${JSON.stringify(
        {
          schema: 'asn-audit/report@1',
          summary: { findings: 2 },
          persons: [
            { nip: '1', findings: [{ fingerprint: FP, activity, suppression: null, review: null }] },
            {
              nip: '2',
              findings: [
                { fingerprint: FP2, activity, suppression: { reason: 'dinas', reviewer: 'Rina', date: '2024-10-01' } },
              ],
            },
            { nip: '3', findings: [] },
          ],
        },
        null,
        2,
      )}\n`,
    );
    expect([...(await loadBaseline(file, 'en')).values()]).toEqual([
      { fingerprint: FP, reason: `reviewed in baseline ${file}`, reviewer: null, date: null },
      { fingerprint: FP2, reason: 'dinas', reviewer: 'Rina', date: '2024-10-01' },
    ]);
  });

  it('names the file and line of malformed JSON in a report', async () => {
    expect(
      await problemsOf('cut.json', '{\n  "schema": "asn-audit/report@1",\n  "persons": [\n    {"findings": ['),
    ).toEqual([
      { file: '<dir>/cut.json', line: 4, message: 'not valid JSON: the file ends inside an array (truncated?)' },
    ]);
    expect(await problemsOf('comma.json', '{\n  "schema": "asn-audit/report@1",\n  "persons": [],\n}\n')).toEqual([
      { file: '<dir>/comma.json', line: 4, message: 'not valid JSON: expected a key in double quotes, found "}"' },
    ]);
  });

  it('names the field and line of a report that is not one', async () => {
    const report = (persons: string) => `{\n  "schema": "asn-audit/report@1",\n  "persons": ${persons}\n}\n`;
    expect(await problemsOf('persons.json', report('{}'))).toEqual([
      { file: '<dir>/persons.json', line: 3, field: 'persons', message: 'expected an array, found an object' },
    ]);
    expect(
      await problemsOf('nofp.json', report(`[\n    {"findings": [{"fingerprint": "${FP}"},\n      {"rule": "x"}]}]`)),
    ).toEqual([
      {
        file: '<dir>/nofp.json',
        line: 5,
        field: 'persons[0].findings[1].fingerprint',
        message: 'required field is missing (expected text)',
      },
    ]);
    expect(await problemsOf('fpnum.json', report('[{"findings": [{"fingerprint": 12}]}]'))).toEqual([
      {
        file: '<dir>/fpnum.json',
        line: 3,
        field: 'persons[0].findings[0].fingerprint',
        message: 'expected text, found a number',
      },
    ]);
    expect(
      await problemsOf('twice.json', report(`[{"findings": [{"fingerprint": "${FP}",\n "fingerprint": "${FP2}"}]}]`)),
    ).toEqual([
      {
        file: '<dir>/twice.json',
        line: 4,
        field: 'persons[0].findings[0].fingerprint',
        message: 'this key is written twice',
      },
    ]);
    expect(await problemsOf('election.json', '{"name": "Pilkada", "phases": []}')).toEqual([
      {
        file: '<dir>/election.json',
        field: 'schema',
        message: 'required field is missing (expected "asn-audit/report@1")',
      },
    ]);
    expect(await problemsOf('other.json', '{"schema": "asn-audit/decisions@1", "persons": []}')).toEqual([
      {
        file: '<dir>/other.json',
        line: 1,
        field: 'schema',
        message: 'expected "asn-audit/report@1" (a report of asn-audit), found "asn-audit/decisions@1"',
      },
    ]);
  });

  it('keeps located errors for suppression lists, YAML and JSON', async () => {
    expect(await problemsOf('list.json', `[\n  {"fingerprint": "${FP}", "reason": ""}\n]`)).toEqual([
      { file: '<dir>/list.json', line: 2, field: '[0].reason', message: 'expected non-empty text, found text ""' },
    ]);
    expect(await problemsOf('list-syntax.yaml', `- fingerprint: ${FP}\n  reason: [unclosed\n`)).toEqual([
      expect.objectContaining({ file: '<dir>/list-syntax.yaml', line: 3 }),
    ]);
    expect(await problemsOf('mapping.yaml', `fingerprint: ${FP}\nreason: x\n`)).toEqual([
      { file: '<dir>/mapping.yaml', message: 'expected a previous JSON report or a list of suppressions' },
    ]);
    const list = join(dir, 'list-ok.json');
    writeFileSync(list, `[{"fingerprint": "${FP}", "reason": "dinas", "date": "2024-10-01"}]`);
    expect([...(await loadBaseline(list, 'en')).values()]).toEqual([
      { fingerprint: FP, reason: 'dinas', reviewer: null, date: '2024-10-01' },
    ]);
  });

  it('says a missing or binary baseline is one', async () => {
    expect(await problemsOf('binary.json', '\u0000\u0001\u0002{')).toEqual([
      { file: '<dir>/binary.json', message: 'the baseline is not a text file (expected YAML or JSON)' },
    ]);
    const error = await loadBaseline(join(dir, 'absent.json'), 'en').catch((e: unknown) => e);
    expect((error as AuditError).problems).toEqual([{ file: join(dir, 'absent.json'), message: 'baseline not found' }]);
  });

  it('scan --baseline with malformed JSON stops with exit 2 and the file and line, no stack', async () => {
    const file = join(dir, 'broken-report.json');
    writeFileSync(file, '{\n  "schema": "asn-audit/report@1",\n  "persons": [\n    {"findings": [}\n  ]\n}\n');
    const run = await runMain([
      'scan',
      'fixtures/demo/activity.csv',
      '--roster',
      DEMO_ROSTER,
      '--election',
      DEMO_ELECTION,
      '--baseline',
      file,
      '--error-format',
      'text',
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${file}:4: not valid JSON: expected a value or "]", found "}"`);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stdout).toBe('');
  });
});
