// The scan options are declared once (src/cli/scan-options.ts): every flag has its config key and the other way round,
// and the keys the config file used to lack (color, decisions, csv_separator, jobs, redact_key_file) now work.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Command } from 'commander';
import { afterAll, describe, expect, it } from 'vitest';
import { configFileSchema, loadScanConfig } from '../../src/cli/config-file.js';
import type { CliIo } from '../../src/cli/io.js';
import { registerScan } from '../../src/cli/scan-command.js';
import { SCAN_OPTIONS } from '../../src/cli/scan-options.js';
import { ROOT, runMain } from '../faults/in-process.js';

const root = mkdtempSync(join(tmpdir(), 'asn-audit-scan-options-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function folder(name: string, files: Record<string, string>): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  for (const [file, content] of Object.entries(files)) writeFileSync(join(dir, file), content);
  return dir;
}

/** The options `scan` registers with commander, as `scan --help` lists them. */
function scanCommandOptions() {
  const program = new Command();
  registerScan(program, { io: {} as CliIo, statusLine: () => {}, setExit: () => {}, debug: () => false });
  return program.commands.find((c) => c.name() === 'scan')!.options;
}

describe('one table for flags and config keys', () => {
  it('gives every scan flag a config key, the long flag in snake_case', () => {
    const keys = scanCommandOptions().map((option) => {
      const entry = SCAN_OPTIONS[option.attributeName() as keyof typeof SCAN_OPTIONS];
      expect(entry, `${option.flags} is not in SCAN_OPTIONS`).toBeDefined();
      // --no-color sets the same value as --color, so it shares the key `color`.
      expect(entry.configKey).toBe(option.name().replace(/^no-/, '').replaceAll('-', '_'));
      return entry.configKey;
    });
    expect(keys).toContain('color');
    expect(keys.filter((k) => k === 'color')).toHaveLength(2);
    expect([...new Set(keys)].sort()).toEqual(Object.keys(configFileSchema.shape).sort());
  });

  it('has a flag for every config key', () => {
    const flags = new Set(scanCommandOptions().map((option) => option.attributeName()));
    const keysWithoutFlag = Object.entries(SCAN_OPTIONS)
      .filter(([attribute]) => !flags.has(attribute))
      .map(([, spec]) => spec.configKey);
    expect(keysWithoutFlag).toEqual([]);
    expect(Object.keys(configFileSchema.shape)).toHaveLength(Object.keys(SCAN_OPTIONS).length);
  });
});

describe('config keys the file used to lack', () => {
  it('reads decisions, csv_separator, color, jobs and redact_key_file under the flags’ names', async () => {
    const dir = folder('values', {
      'asn-audit.config.yaml':
        'decisions: review/keputusan.json\ncsv_separator: ";"\ncolor: false\njobs: 4\nredact_key_file: kunci.txt\n',
    });
    expect(await loadScanConfig(undefined, dir)).toEqual({
      file: 'asn-audit.config.yaml',
      values: {
        decisions: join('review', 'keputusan.json'),
        csvSeparator: ';',
        color: false,
        jobs: 4,
        redactKeyFile: 'kunci.txt',
      },
    });
  });

  it('names the key and what it expects for a wrong value', async () => {
    const dir = folder('bad', { 'asn-audit.config.yaml': 'jobs: 0\ncsv_separator: "|"\ncolor: "no"\n' });
    const error = await loadScanConfig(undefined, dir).then(
      () => null,
      (e: { problems: { field?: string; message: string }[] }) => e,
    );
    expect(error?.problems.map((p) => `${p.field}: ${p.message}`)).toEqual([
      'csv_separator: expected one of ",", ";", found text "|"',
      'color: expected true or false, found text "no"',
      'jobs: expected a whole number of threads from 1 to 64',
    ]);
  });
});

describe('scan with the new config keys', () => {
  const scan = (dir: string, extra: string[] = []) =>
    runMain(['scan', resolve(ROOT, 'fixtures/demo/activity.csv'), ...extra], '', { cwd: dir, env: {} });
  const demo = `roster: ${resolve(ROOT, 'fixtures/demo/roster.csv')}\nelection: ${resolve(ROOT, 'fixtures/demo/election.yaml')}\nfail_on: none\n`;

  it('csv_separator: ";" writes the CSV report with semicolons', async () => {
    const dir = folder('csv', { 'asn-audit.config.yaml': `${demo}format: csv\ncsv_separator: ";"\njobs: 1\n` });
    const run = await scan(dir);
    expect(run.code, run.stderr).toBe(0);
    const header = run.stdout.split('\n')[0]!;
    expect(header).toContain(';fingerprint;');
    expect(header).not.toContain(',');
  });

  it('color: true colours the table on a pipe, and --no-color on the command line wins', async () => {
    const dir = folder('color', { 'asn-audit.config.yaml': `${demo}color: true\n` });
    const coloured = await scan(dir);
    expect(coloured.code, coloured.stderr).toBe(0);
    expect(coloured.stdout).toContain('\x1b[');
    const plain = await scan(dir, ['--no-color']);
    expect(plain.stdout).not.toContain('\x1b[');
    expect(plain.stdout.length).toBeGreaterThan(0);
  });
});
