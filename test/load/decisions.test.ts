// The decisions file: every problem located by file, line and field; an empty file is a file without decisions.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDecisions, parseDecisions } from '../../src/load/decisions.js';
import { AuditError, formatProblem } from '../../src/shared/errors.js';

const FP = 'a'.repeat(24);
const FP2 = 'b'.repeat(24);

function problemsOf(text: string): string[] {
  try {
    parseDecisions('d.yaml', text);
  } catch (error) {
    expect(error).toBeInstanceOf(AuditError);
    return (error as AuditError).problems.map(formatProblem);
  }
  throw new Error('expected the file to be rejected');
}

describe('parseDecisions', () => {
  it('reads YAML entries by fingerprint', () => {
    const file = parseDecisions(
      'd.yaml',
      `# decided by the BKD panel\n- fingerprint: ${FP}\n  status: confirmed\n  reviewer: Rina\n  reason: own post\n  date: 2024-11-01\n`,
    );
    expect([...file.decisions.values()]).toEqual([
      { fingerprint: FP, status: 'confirmed', reviewer: 'Rina', reason: 'own post', date: '2024-11-01' },
    ]);
    expect(file.json).toBe(false);
  });

  it('takes an empty file, a file of comments only and [] as no decisions', () => {
    for (const text of ['', '\n', '# nothing decided yet\n', '[]'])
      expect(parseDecisions('d.yaml', text).decisions.size, JSON.stringify(text)).toBe(0);
    expect(parseDecisions('d.json', '[]').json).toBe(true);
  });

  it('locates each bad entry by line and field, and reports them all at once', () => {
    const text = [
      `- fingerprint: ${FP}`,
      '  status: maybe',
      '  reviewer: Rina',
      '  reason: x',
      '  date: 2024-11-01',
      `- fingerprint: ${FP2}`,
      '  status: dismissed',
      '  reviewer: ""',
      '  reason: x',
      '  date: 2024-02-30',
      '  note: extra',
    ].join('\n');
    expect(problemsOf(text)).toEqual([
      'd.yaml:2 [0].status: expected one of "confirmed", "dismissed", "needs_evidence", "escalated", found text "maybe"',
      'd.yaml:8 [1].reviewer: expected the reviewer’s name',
      'd.yaml:10 [1].date: not a real calendar date',
      'd.yaml:6 [1]: unknown key "note"',
    ]);
  });

  it('rejects a fingerprint decided twice, naming both lines', () => {
    const entry = (status: string) =>
      `- {fingerprint: ${FP}, status: ${status}, reviewer: R, reason: x, date: 2024-11-01}`;
    expect(problemsOf(`${entry('confirmed')}\n${entry('dismissed')}\n`)).toEqual([
      `d.yaml:2 [1].fingerprint: ${FP} is decided twice (first on line 1): keep one entry`,
    ]);
  });

  it('rejects a file that is not a list, and a missing field', () => {
    expect(problemsOf('fingerprint: x\n')).toEqual(['d.yaml:1: expected a list of decisions']);
    expect(problemsOf(`- fingerprint: ${FP}\n  status: confirmed\n  reviewer: R\n  date: 2024-11-01\n`)).toEqual([
      'd.yaml:1 [0].reason: required field is missing (expected text)',
    ]);
    expect(problemsOf('- {fingerprint: 12ab, status: confirmed, reviewer: R, reason: x, date: 2024-11-01}')).toEqual([
      'd.yaml:1 [0].fingerprint: expected a finding fingerprint (24 hex digits)',
    ]);
  });
});

describe('loadDecisions', () => {
  const dir = mkdtempSync(join(tmpdir(), 'asn-audit-decisions-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const failure = (promise: Promise<unknown>) =>
    promise.then(
      () => 'no error',
      (error: AuditError) => [...error.problems.map(formatProblem), `hint: ${error.hint}`].join('\n'),
    );

  it('names a missing file, a folder and a binary file as the decisions file', async () => {
    expect(await failure(loadDecisions(join(dir, 'none.yaml')))).toBe(
      `${join(dir, 'none.yaml')}: decisions file not found\nhint: undefined`,
    );
    expect(await failure(loadDecisions(dir))).toBe(`${dir}: this is a folder, not the decisions file\nhint: undefined`);
    writeFileSync(join(dir, 'bin.yaml'), new Uint8Array([0, 1, 2, 0, 255]));
    expect(await failure(loadDecisions(join(dir, 'bin.yaml')))).toBe(
      `${join(dir, 'bin.yaml')}: the decisions file is not a text file (expected YAML or JSON)\nhint: undefined`,
    );
  });

  it('reads a missing file as empty when asked (review add creates it)', async () => {
    const file = await loadDecisions(join(dir, 'new.yaml'), { missingIsEmpty: true });
    expect(file.decisions.size).toBe(0);
  });

  it('locates a syntax error by line and says what a decisions file holds', async () => {
    writeFileSync(join(dir, 'bad.yaml'), `- fingerprint: ${FP}\n  status: [confirmed\n`);
    const message = await failure(loadDecisions(join(dir, 'bad.yaml')));
    expect(message).toMatch(/bad\.yaml:\d+: not valid YAML\/JSON: /);
    expect(message).toContain('hint: a decisions file is a YAML or JSON list of {fingerprint, status,');
  });
});
