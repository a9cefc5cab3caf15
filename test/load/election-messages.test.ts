// Election-file problems come in one pass, each at its line, in words: a faulted field never hides the
// cross-field checks (ballot numbers, ids, shared accounts), a day-first date gets one message, and an unquoted
// numeric X id is quoted back with all its digits.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadElection } from '../../src/load/election.js';
import { AuditError, formatProblem } from '../../src/shared/errors.js';

const dir = mkdtempSync(join(tmpdir(), 'asn-audit-election-msg-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function problemsOf(name: string, text: string): Promise<string[]> {
  const file = join(dir, name);
  writeFileSync(file, text);
  const error = await loadElection(file).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AuditError);
  expect((error as AuditError).exitCode).toBe(2);
  return (error as AuditError).problems.map((p) => formatProblem({ ...p, file: name }));
}

const candidate = (id: string, number: number, extra = '') =>
  `  - id: ${id}\n    number: ${number}\n    names: [Calon ${id}]\n    since: 2024-08-19\n${extra}`;

describe('election file messages', () => {
  it('reports a duplicate ballot number with the schema faults, each at its line', async () => {
    const text = [
      'name: Pilkada Contoh',
      'phases:',
      '  - { id: kampanye, from: 25-09-2024, to: 2024-11-23 }',
      'candidates:',
      candidate('satu', 1).trimEnd(),
      candidate('dua', 1, '    accounts:\n      x: [12345678901234567890]\n').trimEnd(),
      '',
    ].join('\n');
    expect(await problemsOf('one-pass.yaml', text)).toEqual([
      'one-pass.yaml:3 phases[0].from: expected a date YYYY-MM-DD (or an ISO 8601 date-time), found "25-09-2024" (day first? write 2024-09-25)',
      'one-pass.yaml:14 candidates[1].accounts.x[0]: expected an account handle or a numeric X id in quotes ("12345678901234567890"); an unquoted number loses digits',
      'one-pass.yaml:10 candidates[1].number: ballot number 1 is given to two candidates ("satu" and "dua")',
    ]);
  });

  it('a day that does not exist, in the right form, is "not a real calendar date" alone', async () => {
    const text = `name: X\ncandidates:\n${candidate('satu', 1).replace('2024-08-19', '2024-02-30')}`;
    expect(await problemsOf('feb30.yaml', text)).toEqual([
      'feb30.yaml:6 candidates[0].since: not a real calendar date: "2024-02-30"',
    ]);
  });

  it('a short unquoted X id also asks for quotes; a quoted one is accepted', async () => {
    const text = `name: X\ncandidates:\n${candidate('satu', 1, '    accounts: { x: 1234567 }\n')}`;
    expect(await problemsOf('short-id.yaml', text)).toEqual([
      'short-id.yaml:7 candidates[0].accounts.x: expected an account handle or a numeric X id in quotes ("1234567"); an unquoted number is read as a number and, past 15 digits, loses digits',
    ]);
    const file = join(dir, 'quoted-id.yaml');
    writeFileSync(
      file,
      `name: X\ncandidates:\n${candidate('satu', 1, '    accounts: { x: ["12345678901234567890"] }\n')}`,
    );
    expect((await loadElection(file)).accounts.get('x:12345678901234567890')?.candidate).toBe('satu');
  });

  it('duplicate ids and shared accounts are found next to faulted fields of the same candidates', async () => {
    const text = [
      'name: X',
      'candidates:',
      candidate('satu', 1, '    accounts: { instagram: [calon.satu] }\n    slogans: yes\n').trimEnd(),
      candidate('dua', 2, '    accounts: { instagram: [calon.satu], x: [5] }\n').trimEnd(),
      candidate('satu', 300).trimEnd(),
      'campaign_accounts:',
      '  - { candidate: satu, platform: tiktok, handle: 42 }',
      '',
    ].join('\n');
    expect(await problemsOf('shared.yaml', text)).toEqual([
      'shared.yaml:8 candidates[0].slogans: expected a list, found text "yes"',
      'shared.yaml:13 candidates[1].accounts.x[0]: expected an account handle or a numeric X id in quotes ("5"); an unquoted number is read as a number and, past 15 digits, loses digits',
      'shared.yaml:15 candidates[2].number: expected a number of at most 99, found the number 300',
      'shared.yaml:19 campaign_accounts[0].handle: expected an account handle or a numeric X id in quotes ("42"); an unquoted number is read as a number and, past 15 digits, loses digits',
      'shared.yaml:14 candidates[2].id: candidate id "satu" is used twice',
      'shared.yaml:13 candidates[1].accounts.instagram: account instagram:calon.satu is also listed for candidate "satu"',
    ]);
  });
});
