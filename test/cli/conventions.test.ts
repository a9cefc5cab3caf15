// Conventions users bring from other CLIs: -o -, colour like supports-color, -q, --redact-key-file, ASN_AUDIT_CONFIG.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
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
  expect(run.stderr).toBe('');
  expect(JSON.parse(run.stdout).lang).toBe('en');
  const missing = runCli(['scan', 'fixtures/demo/activity.csv'], { env: { ASN_AUDIT_CONFIG: join(dir, 'none.yaml') } });
  expect(missing.code).toBe(2);
  expect(missing.stderr).toContain('none.yaml');
  rmSync(config);
});
