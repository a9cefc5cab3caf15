// Conventions users bring from other CLIs: -o -, colour like supports-color, -q, --redact-key-file, ASN_AUDIT_CONFIG,
// help with examples, and NDJSON piped in from another tool.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, describe, expect, test } from 'vitest';
import { wantsColor } from '../../src/cli/color.js';
import { ROOT, runCli } from '../helpers/cli.js';

const DEMO = ['fixtures/demo/activity.csv', '--roster', 'fixtures/demo/roster.csv'];
const SCAN = ['scan', ...DEMO, '--election', 'fixtures/demo/election.yaml'];
const ESC = '\x1b[';
/** SCAN with absolute paths, for runs in a scratch working folder. */
const SCAN_ANYWHERE = SCAN.map((a) => (a.startsWith('fixtures/') ? resolve(ROOT, a) : a));
const dir = mkdtempSync(join(tmpdir(), 'asn-audit-conventions-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('-o -', () => {
  test('writes the report to standard output in --format, and no file named -', () => {
    const run = runCli([...SCAN_ANYWHERE, '-o', '-', '--format', 'json'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).schema).toBe('asn-audit/report@1');
    expect(readdirSync(dir)).toEqual([]);
  });

  test('beside a file: the file in its extension’s format, standard output in --format', () => {
    const run = runCli([...SCAN_ANYWHERE, '-o', 'report.json', '-o', '-', '--format', 'markdown'], { cwd: dir });
    expect(run.stdout).toMatch(/^# /);
    expect(readdirSync(dir)).toEqual(['report.json']);
    rmSync(join(dir, 'report.json'));
  });
});

describe('colour', () => {
  test('FORCE_COLOR=1 colours a pipe, --no-color wins over it, --color colours a pipe', () => {
    expect(runCli(SCAN, { env: { NO_COLOR: '', FORCE_COLOR: '1' } }).stdout).toContain(ESC);
    expect(runCli([...SCAN, '--no-color'], { env: { NO_COLOR: '', FORCE_COLOR: '1' } }).stdout).not.toContain(ESC);
    expect(runCli([...SCAN, '--color'], { env: { NO_COLOR: '' } }).stdout).toContain(ESC);
    expect(runCli(SCAN, { env: { NO_COLOR: '' } }).stdout).not.toContain(ESC);
  });

  test('the order supports-color follows: flag, FORCE_COLOR, NO_COLOR, TERM=dumb, terminal', () => {
    expect(wantsColor(undefined, {}, true)).toBe(true);
    expect(wantsColor(undefined, {}, false)).toBe(false);
    expect(wantsColor(undefined, { FORCE_COLOR: '0' }, true)).toBe(false);
    expect(wantsColor(undefined, { FORCE_COLOR: 'false' }, true)).toBe(false);
    expect(wantsColor(undefined, { FORCE_COLOR: '1' }, false)).toBe(true);
    expect(wantsColor(undefined, { FORCE_COLOR: '' }, false)).toBe(true);
    expect(wantsColor(undefined, { TERM: 'dumb' }, true)).toBe(false);
    expect(wantsColor(undefined, { TERM: 'dumb', FORCE_COLOR: '1' }, true)).toBe(true);
    expect(wantsColor(undefined, { NO_COLOR: '1' }, true)).toBe(false);
    expect(wantsColor(true, { NO_COLOR: '1', FORCE_COLOR: '0' }, false)).toBe(true);
    expect(wantsColor(false, { FORCE_COLOR: '1' }, true)).toBe(false);
  });
});

test('-q prints nothing on standard output and keeps the exit code', () => {
  const run = runCli([...SCAN, '-q']);
  expect(run.code).toBe(1);
  expect(run.stdout).toBe('');
});

describe('--redact-key-file', () => {
  test('gives the pseudonyms --redact-key gives with the same key (the trailing newline is not part of it)', () => {
    const keyFile = join(dir, 'key');
    writeFileSync(keyFile, 'kunci-rahasia\n');
    const fromFile = runCli([...SCAN, '--redact', '--redact-key-file', keyFile, '--format', 'json']);
    const fromArg = runCli([...SCAN, '--redact', '--redact-key', 'kunci-rahasia', '--format', 'json']);
    expect(fromFile.stdout).toContain('NIP-');
    expect(fromFile.stdout).toBe(fromArg.stdout);
    rmSync(keyFile);
  });

  test('a missing or empty key file is exit 2 naming it', () => {
    const missing = runCli([...SCAN, '--redact', '--redact-key-file', 'no-such-key']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no-such-key: cannot read the redaction key file');
    writeFileSync(join(dir, 'empty'), '\n');
    const empty = runCli([...SCAN, '--redact', '--redact-key-file', join(dir, 'empty')]);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('the redaction key file is empty');
    rmSync(join(dir, 'empty'));
  });
});

test('ASN_AUDIT_CONFIG names the config file when --config does not', () => {
  const config = join(dir, 'team.config.yaml');
  writeFileSync(
    config,
    `roster: ${resolve(ROOT, 'fixtures/demo/roster.csv')}\nelection: ${resolve(ROOT, 'fixtures/demo/election.yaml')}\nlang: en\n`,
  );
  const run = runCli(['scan', 'fixtures/demo/activity.csv', '--format', 'json'], { env: { ASN_AUDIT_CONFIG: config } });
  // Set in an environment and easily forgotten: the run names the file it took its defaults from.
  expect(run.stderr).toBe(`asn-audit: using config ${config} (from ASN_AUDIT_CONFIG)\n`);
  expect(JSON.parse(run.stdout).lang).toBe('en');
  const missing = runCli(['scan', 'fixtures/demo/activity.csv'], { env: { ASN_AUDIT_CONFIG: join(dir, 'none.yaml') } });
  expect(missing.code).toBe(2);
  expect(missing.stderr).toContain('none.yaml');
  rmSync(config);
});

test('scan --help ends with examples, each using only options scan has, and the first one runs', () => {
  const help = runCli(['scan', '--help']);
  expect(help.code).toBe(0);
  const [options, examples] = help.stdout.split('\nExamples:\n');
  const commands = examples!.split('\n').filter((line) => line.includes('asn-audit scan'));
  expect(commands.length).toBeGreaterThanOrEqual(5);
  for (const command of commands)
    for (const option of command.slice(command.indexOf('asn-audit scan')).match(/ -{1,2}[a-z][\w-]*/g) ?? [])
      expect(options, `${option.trim()} in: ${command}`).toMatch(new RegExp(`(^|[ ,])${option.trim()}[ ,]`, 'm'));
  const files: Record<string, string> = {
    'aktivitas.csv': 'fixtures/demo/activity.csv',
    'asn.csv': 'fixtures/demo/roster.csv',
    'pilkada.yaml': 'fixtures/demo/election.yaml',
  };
  const first = commands[0]!.trim().split(' ').slice(1);
  const run = runCli(first.map((word) => files[word] ?? word));
  expect(run.code, run.stderr).toBe(1);
});

test('NDJSON on standard input, as DuckDB writes a table (nulls, UTC offsets), gives the findings of the CSV', () => {
  const rows = parseCsv(readFileSync(resolve(ROOT, 'fixtures/demo/activity.csv')), {
    columns: true,
    bom: true,
  }) as Record<string, string>[];
  const ndjson = rows
    .map((row) => JSON.stringify(Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v === '' ? null : v]))))
    .join('\n');
  type Report = {
    summary: { rows_read: number };
    persons: { findings: { rule: string; activity: { id: string; timestamp: string | null } }[] }[];
  };
  const findings = (report: Report) =>
    report.persons.flatMap((p) => p.findings.map((f) => `${f.activity.id} ${f.rule}`)).sort();
  const fromCsv = JSON.parse(runCli([...SCAN, '--format', 'json']).stdout) as Report;
  const stdinScan = ['scan', '-', ...DEMO.slice(1), '--election', 'fixtures/demo/election.yaml', '--format', 'json'];
  const fromStdin = JSON.parse(runCli(stdinScan, { input: `${ndjson}\n` }).stdout) as Report;
  expect(fromStdin.summary.rows_read).toBe(rows.length);
  expect(findings(fromStdin)).toEqual(findings(fromCsv));
  expect(findings(fromCsv).length).toBeGreaterThan(100);

  // DuckDB writes a TIMESTAMPTZ as "2024-10-03 09:00:00+00": the instant the CSV's local time stands for.
  const flagged = fromCsv.persons.flatMap((p) => p.findings).find((f) => f.activity.timestamp !== null)!;
  const instant = flagged.activity.timestamp!;
  const row = rows.find((r) => r.id === flagged.activity.id)!;
  const duckdb = { ...row, timestamp: `${instant.slice(0, 10)} ${instant.slice(11, 19)}+00` };
  const single = JSON.parse(runCli(stdinScan, { input: `${JSON.stringify(duckdb)}\n` }).stdout) as Report;
  expect(single.persons.flatMap((p) => p.findings.map((f) => f.activity.timestamp))).toContain(instant);
});
