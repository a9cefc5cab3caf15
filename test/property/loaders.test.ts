// Property tests of the loaders in-process: random and damaged activity, roster, rule and election files never crash them.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { fcRuns } from '../helpers/fc-runs.js';
import { describe, expect, it } from 'vitest';
import { loadActivity } from '../../src/load/activity-sources.js';
import { firstInvalidUtf8 } from '../../src/load/encoding.js';
import type { LoadedItem } from '../../src/load/loaded-item.js';
import { loadElection } from '../../src/load/election.js';
import { loadRoster } from '../../src/load/roster.js';
import { normalizeActivity } from '../../src/normalize/activity.js';
import { loadRulePack } from '../../src/rules/rule-pack.js';
import { AuditError } from '../../src/shared/errors.js';
import { activityBytes, chunked, electionBytes, rosterBytes, ruleBytes } from './arbitraries.js';

const dir = mkdtempSync(join(tmpdir(), 'asn-audit-prop-'));

type Outcome = { items: LoadedItem[] } | { error: AuditError };

/** Reads `chunks` as standard input (format decided by the first character). Anything but an AuditError is a crash. */
async function load(chunks: Uint8Array[]): Promise<Outcome> {
  const stdin = (async function* () {
    for (const c of chunks) yield c;
  })();
  const items: LoadedItem[] = [];
  try {
    for await (const item of loadActivity(['-'], { rosterNips: new Set() }, stdin).items) items.push(item);
    return { items };
  } catch (error) {
    if (error instanceof AuditError) return { error };
    throw error;
  }
}

/** An error the user is told about: exit 2 with a message naming the file. */
function expectUserError(error: AuditError, file: string): void {
  expect(error.problems.length).toBeGreaterThan(0);
  for (const p of error.problems) {
    expect(p.message.length).toBeGreaterThan(0);
    if (p.file !== undefined) expect(p.file).toBe(file);
  }
}

describe('activity loaders', () => {
  it('never crash: every item is a row or a located rejection, and every row normalises or says why not', async () => {
    await fc.assert(
      fc.asyncProperty(activityBytes, fc.array(fc.nat(), { maxLength: 6 }), async (bytes, cuts) => {
        const outcome = await load(chunked(bytes, cuts));
        if ('error' in outcome) return expectUserError(outcome.error, '-');
        for (const item of outcome.items) {
          if (item.kind === 'rejected') {
            expect(item.rejection.file).toBe('-');
            expect(item.rejection.line).toBeGreaterThanOrEqual(1);
            expect(item.rejection.reason).not.toBe('');
            continue;
          }
          expect(item.row.source.line).toBeGreaterThanOrEqual(1);
          const normalized = normalizeActivity(item.row, 'Asia/Jakarta');
          if (!normalized.ok) expect(normalized.reason).not.toBe('');
        }
      }),
      { numRuns: fcRuns(3000) },
    );
  });

  it('read the same items however the stream is cut into chunks (inside characters, quotes and line ends)', async () => {
    await fc.assert(
      fc.asyncProperty(activityBytes, fc.array(fc.nat(), { minLength: 1, maxLength: 12 }), async (bytes, cuts) => {
        const whole = await load([bytes]);
        const pieces = await load(chunked(bytes, cuts));
        expect(JSON.stringify(pieces)).toBe(JSON.stringify(whole));
      }),
      { numRuns: fcRuns(2000) },
    );
  });

  it('report an invalid-UTF-8 byte offset only where a byte really is not valid UTF-8', async () => {
    const withBom = activityBytes.map((b) => Uint8Array.from([0xef, 0xbb, 0xbf, ...b]));
    await fc.assert(
      fc.asyncProperty(withBom, fc.array(fc.nat(), { maxLength: 6 }), async (bytes, cuts) => {
        const outcome = await load(chunked(bytes, cuts));
        if ('error' in outcome) return;
        for (const item of outcome.items) {
          const reason = item.kind === 'rejected' ? item.rejection.reason : null;
          if (reason?.code === 'invalid_utf8') expect(firstInvalidUtf8(bytes.subarray(reason.offset))).toBe(0);
        }
      }),
      { numRuns: fcRuns(1000) },
    );
  });
});

describe('config loaders', () => {
  it('roster: loads or fails with located problems of that file', async () => {
    await fc.assert(
      fc.asyncProperty(rosterBytes, fc.boolean(), async (bytes, json) => {
        const file = join(dir, json ? 'roster.json' : 'roster.csv');
        writeFileSync(file, bytes);
        try {
          const roster = await loadRoster(file);
          expect(roster.persons.length).toBeGreaterThan(0);
          for (const p of roster.persons) expect(p.nip).toMatch(/^\d{18}$/);
        } catch (error) {
          if (!(error instanceof AuditError)) throw error;
          expectUserError(error, file);
        }
      }),
      { numRuns: fcRuns(1000) },
    );
  });

  it('rule files: load or fail with every problem located in that file', async () => {
    await fc.assert(
      fc.asyncProperty(ruleBytes, async (bytes) => {
        const file = join(dir, 'rules.yaml');
        writeFileSync(file, bytes);
        try {
          await loadRulePack([file]);
        } catch (error) {
          if (!(error instanceof AuditError)) throw error;
          expectUserError(error, file);
        }
      }),
      { numRuns: fcRuns(1000) },
    );
  });

  it('election files: load or fail with every problem located in that file', async () => {
    await fc.assert(
      fc.asyncProperty(electionBytes, async (bytes) => {
        const file = join(dir, 'election.yaml');
        writeFileSync(file, bytes);
        try {
          await loadElection(file);
        } catch (error) {
          if (!(error instanceof AuditError)) throw error;
          expectUserError(error, file);
        }
      }),
      { numRuns: fcRuns(1000) },
    );
  });
});
