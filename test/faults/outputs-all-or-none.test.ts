// A run that ends with exit 2 while writing its -o files has replaced none of them: all are written, or none.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { open } from 'node:fs/promises';
import { describe, expect, it, vi } from 'vitest';
import { DEMO_ELECTION, DEMO_ROSTER, ROOT, runMain } from './in-process.js';

const DEMO = join(ROOT, 'fixtures/demo/activity.csv');
const scan = (outputs: string[]) =>
  runMain(['scan', DEMO, '--roster', DEMO_ROSTER, '--election', DEMO_ELECTION, ...outputs.flatMap((o) => ['-o', o])]);

describe('-o files of one run', () => {
  it('a later output in a missing folder: exit 2, the earlier one is neither created nor replaced', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'asn-audit-outputs-'));
    const kept = join(dir, 'previous.json');
    writeFileSync(kept, 'the previous report\n');
    const run = await scan([join(dir, 'new.md'), kept, join(dir, 'missing', 'r.csv')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${join(dir, 'missing', 'r.csv')}: cannot write the report: the folder`);
    expect(existsSync(join(dir, 'new.md'))).toBe(false);
    expect(readFileSync(kept, 'utf8')).toBe('the previous report\n');
    expect(readdirSync(dir).sort()).toEqual(['previous.json']);
  });

  it('a later output with an unknown extension: exit 2 before anything is written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'asn-audit-outputs-'));
    const run = await scan([join(dir, 'r.json'), join(dir, 'r.docx')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('cannot tell the format from the extension');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('when every output can be written, all are', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'asn-audit-outputs-'));
    const run = await scan([join(dir, 'r.json'), join(dir, 'r.md')]);
    expect(run.code).toBe(1);
    expect(readdirSync(dir).sort()).toEqual(['r.json', 'r.md']);
  });

  it('each temporary file reaches the disk (fsync) before it is renamed into place', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'asn-audit-outputs-'));
    const targets = ['r.json', 'r.md'].map((name) => join(dir, name));
    // FileHandle is not exported: its prototype is taken from a handle.
    const probe = await open(join(dir, 'probe'), 'w');
    const prototype = Object.getPrototypeOf(probe) as { sync: () => Promise<void> };
    await probe.close();
    rmSync(join(dir, 'probe'));
    const sync = prototype.sync;
    /** At each sync, whether any output is already in place. */
    const placed: boolean[] = [];
    const spy = vi.spyOn(prototype, 'sync').mockImplementation(function (this: unknown) {
      placed.push(targets.some((target) => existsSync(target)));
      return sync.call(this);
    });
    try {
      const run = await scan(targets);
      expect(run.code).toBe(1);
    } finally {
      spy.mockRestore();
    }
    expect(placed.length).toBeGreaterThanOrEqual(2);
    expect(placed.slice(0, 2)).toEqual([false, false]);
    expect(readdirSync(dir).sort()).toEqual(['r.json', 'r.md']);
  });
});
