// FC_RUNS scales the property tests (test/helpers/fc-runs.ts); the full run keeps 10,000 cases or more.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fcRuns } from '../helpers/fc-runs.js';

const TEST = resolve(import.meta.dirname, '..');

function testSources(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? testSources(join(folder, e.name)) : e.name.endsWith('.test.ts') ? [join(folder, e.name)] : [],
  );
}

describe('property test case counts', () => {
  const saved = process.env.FC_RUNS;
  afterEach(() => {
    if (saved === undefined) delete process.env.FC_RUNS;
    else process.env.FC_RUNS = saved;
  });

  it('every fc.assert names its count through fcRuns, and the full run has at least 10,000 cases', () => {
    let asserts = 0;
    let total = 0;
    const counts: number[] = [];
    for (const file of testSources(TEST)) {
      const text = readFileSync(file, 'utf8');
      asserts += text.match(/fc\.assert\(/g)?.length ?? 0;
      for (const m of text.matchAll(/numRuns: fcRuns\((\d+)\)/g)) counts.push(Number(m[1]));
    }
    for (const c of counts) total += c;
    expect(counts.length).toBe(asserts);
    expect(total).toBeGreaterThanOrEqual(10_000);
  });

  it('scales each count in proportion to FC_RUNS, never below one case', () => {
    delete process.env.FC_RUNS;
    expect(fcRuns(3000)).toBe(3000);
    process.env.FC_RUNS = '100';
    expect([fcRuns(3000), fcRuns(12)]).toEqual([300, 1]);
    process.env.FC_RUNS = '2000';
    expect(fcRuns(150)).toBe(300);
  });

  it('refuses an FC_RUNS that is not a positive whole number', () => {
    process.env.FC_RUNS = 'lots';
    expect(() => fcRuns(10)).toThrow('FC_RUNS: expected a positive whole number (default 1000), got "lots"');
  });
});
