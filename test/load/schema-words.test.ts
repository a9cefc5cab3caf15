// No raw schema error reaches a user: a wrong type in several fields of every hand-written file kind gives
// messages that name the field and the expected form in words, never zod's "Invalid input … received …".
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadScanConfig } from '../../src/cli/config-file.js';
import { loadBaseline } from '../../src/load/baseline.js';
import { parseDecisions } from '../../src/load/decisions.js';
import { loadElection } from '../../src/load/election.js';
import { loadRoster } from '../../src/load/roster.js';
import { loadRulePack } from '../../src/rules/rule-pack.js';
import { AuditError, type Problem } from '../../src/shared/errors.js';

const dir = mkdtempSync(join(tmpdir(), 'asn-audit-schema-words-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const RAW = /Invalid input|Invalid option|received|Unrecognized key|Too (small|big)|Invalid (string|enum)/;

function write(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

async function problemsOf(run: () => Promise<unknown>): Promise<Problem[]> {
  const error = await run().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AuditError);
  return (error as AuditError).problems;
}

const FP = 'a'.repeat(24);
/** Each kind: how to load it, how many problems at least, and one message it must give. */
const cases: [string, () => Promise<unknown>, number, string][] = [
  [
    'election',
    () =>
      loadElection(
        write(
          'e.yaml',
          'name: [a]\ntimezone: 7\nphases: kampanye\ncandidates:\n  - { id: 5, number: satu, names: Calon, since: 20240819, accounts: [x], hashtags: { a: 1 }, nicknames: [x] }\ncampaign_accounts: [{ candidate: [], platform: 3, kind: true }]\nparties: [{ name: 1, number: "2", aliases: a }]\n',
        ),
      ),
    12,
    'phases: expected a list, found text "kampanye"',
  ],
  [
    'rules',
    () =>
      loadRulePack([
        write(
          'r.yaml',
          'rules:\n  - { id: 5, category: [], basis: 1, severity: 3, title: x, message: [], when: "x" }\n',
        ),
      ]),
    5,
    'rules[0].when: expected a mapping of keys to values, found text "x"',
  ],
  [
    'config',
    () => {
      const sub = join(dir, 'cfg');
      mkdirSync(sub, { recursive: true });
      writeFileSync(
        join(sub, 'asn-audit.config.yaml'),
        'format: 5\nstrict: "x"\njobs: many\nroster: []\nrules: 3\nlang: [id]\n',
      );
      return loadScanConfig(undefined, sub);
    },
    5,
    'strict: expected true or false, found text "x"',
  ],
  [
    'decisions',
    async () =>
      parseDecisions(
        'd.yaml',
        `- { fingerprint: 5, status: [], reviewer: 3, reason: { a: 1 }, date: true }\n- { fingerprint: ${FP}, status: confirmed, reviewer: R, reason: ok, date: 2024-13-01 }\n`,
      ),
    5,
    '[0].status: expected one of "confirmed", "dismissed", "needs_evidence", "escalated", found a list',
  ],
  [
    'suppressions',
    () => loadBaseline(write('s.yaml', '- { fingerprint: [], reason: 5, reviewer: [], date: 3 }\n'), 'en'),
    3,
    '[0].fingerprint: expected text, found a list',
  ],
  [
    'roster',
    () =>
      loadRoster(
        write(
          'roster.json',
          '[{"nip": "198507222010012012", "name": 5, "agency": [], "x": {"a": 1}, "instagram": 12, "accounts": [7]}]',
        ),
      ),
    4,
    '[0].name: expected a string, found 5',
  ],
];

describe('messages of wrong types in every file kind', () => {
  it.each(cases)('%s: every message is in words, naming its field', async (_kind, run, atLeast, example) => {
    const problems = await problemsOf(run);
    if (process.env.SHOW_MESSAGES) console.log(problems.map((p) => `${p.field}: ${p.message}`).join('\n'));
    expect(problems.length).toBeGreaterThanOrEqual(atLeast);
    expect(problems.map((p) => `${p.field}: ${p.message}`)).toContain(example);
    for (const p of problems) {
      expect(p.message).not.toMatch(RAW);
      expect(p.field ?? '', p.message).not.toBe('');
    }
  });
});

describe('a JSON roster with an unquoted number as a handle', () => {
  it('asks for quotes, and says the long number has already lost its digits', async () => {
    const file = write(
      'roster-x.json',
      '[{"nip": "198507222010012012", "name": "Siti", "x": [12345678901234567890, 42]}]',
    );
    expect((await problemsOf(() => loadRoster(file))).map((p) => `${p.line} ${p.field}: ${p.message}`)).toEqual([
      '1 [0].x[0]: expected an account handle or a numeric X id in quotes; an unquoted number loses digits (this one reads as 12345678901234567000)',
      '1 [0].x[1]: expected an account handle or a numeric X id in quotes ("42"); an unquoted number is read as a number and, past 15 digits, loses digits',
    ]);
  });
});
