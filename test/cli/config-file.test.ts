// The config file: found in the working directory or named by --config, validated strictly, paths from its folder, flags win.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { configFileSchema, loadScanConfig } from '../../src/cli/config-file.js';
import { CONFIG_TEMPLATE } from '../../src/cli/init-templates/config.js';
import { AuditError, formatProblem } from '../../src/shared/errors.js';
import { ROOT, runCli } from '../helpers/cli.js';

const root = mkdtempSync(join(tmpdir(), 'asn-audit-config-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function folder(name: string, files: Record<string, string>): string {
  const dir = join(root, name);
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(resolve(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), content);
  }
  return dir;
}

async function problemsOf(promise: Promise<unknown>): Promise<string[]> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AuditError);
  return (error as AuditError).problems.map(formatProblem);
}

const DEMO = {
  roster: resolve(ROOT, 'fixtures/demo/roster.csv'),
  election: resolve(ROOT, 'fixtures/demo/election.yaml'),
  activity: resolve(ROOT, 'fixtures/demo/activity.csv'),
};

describe('loadScanConfig', () => {
  it('returns null when the folder has no config file and none is named', async () => {
    expect(await loadScanConfig(undefined, folder('none', { 'other.yaml': 'roster: x\n' }))).toBeNull();
  });

  it('finds asn-audit.config.yml and gives values under the names of the scan flags', async () => {
    const dir = folder('found', {
      'asn-audit.config.yml':
        'roster: people.csv\nfail_on: high\nredact_key: rahasia\nstrict: true\nrules: extra-rules\n',
    });
    expect(await loadScanConfig(undefined, dir)).toEqual({
      file: 'asn-audit.config.yml',
      values: { roster: 'people.csv', failOn: 'high', redactKey: 'rahasia', strict: true, rules: ['extra-rules'] },
    });
  });

  it("reads relative paths from the config file's folder, as paths from the working directory", async () => {
    const dir = folder('paths', {
      'conf/audit.json': JSON.stringify({
        roster: 'roster.csv',
        election: '../data/election.yaml',
        output: ['out/report.html', '/abs/report.json'],
        baseline: 'reviewed.json',
        since: 'kampanye',
      }),
    });
    const config = await loadScanConfig('conf/audit.json', dir);
    expect(config?.values).toEqual({
      roster: join('conf', 'roster.csv'),
      election: join('data', 'election.yaml'),
      output: [join('conf', 'out', 'report.html'), '/abs/report.json'],
      baseline: join('conf', 'reviewed.json'),
      since: 'kampanye',
    });
  });

  it('takes a file whose every line is commented out as setting nothing', async () => {
    const dir = folder('commented', { 'asn-audit.config.yaml': '# roster: roster.csv\n' });
    expect(await loadScanConfig(undefined, dir)).toEqual({ file: 'asn-audit.config.yaml', values: {} });
  });

  it('reports every problem at once, each naming the file and the key', async () => {
    const dir = folder('bad', {
      'asn-audit.config.yaml':
        'roster: roster.csv\nfail-on: high\nformat: pdf\nnip: 198507222010012012\nstrict: yes please\nfoo: 1\n',
    });
    expect(await problemsOf(loadScanConfig(undefined, dir))).toEqual([
      'asn-audit.config.yaml:3 format: expected one of "table", "json", "ndjson", "csv", "markdown", "html", "junit", found text "pdf"',
      'asn-audit.config.yaml:4 nip: expected the NIP as a string in quotes, e.g. "198507222010012012"',
      'asn-audit.config.yaml:5 strict: expected true or false, found text "yes please"',
      'asn-audit.config.yaml:2 (top level): unknown keys "fail-on", "foo"',
    ]);
  });

  it('refuses two config files in one folder, and a --config file that is not there', async () => {
    const dir = folder('two', { 'asn-audit.config.yaml': 'lang: en\n', 'asn-audit.config.json': '{"lang": "en"}' });
    expect(await problemsOf(loadScanConfig(undefined, dir))).toEqual([
      'asn-audit.config.yaml, asn-audit.config.json: more than one config file in this folder: keep one, or choose with --config',
    ]);
    expect(await problemsOf(loadScanConfig('missing.yaml', dir))).toEqual(['missing.yaml: config file not found']);
  });

  it('accepts every option the init template shows once its # is removed', () => {
    const uncommented = CONFIG_TEMPLATE.split('\n')
      .map((line) => line.replace(/^# ([a-z_]+:)/, '$1'))
      .join('\n');
    const parsed = configFileSchema.safeParse(parseYaml(uncommented));
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    expect(Object.keys(parsed.data ?? {}).sort()).toEqual(Object.keys(configFileSchema.shape).sort());
  });
});

describe('scan with a config file', () => {
  const dir = folder('scan', {
    'asn-audit.config.yaml': `roster: ${DEMO.roster}\nelection: ${DEMO.election}\nformat: json\nfail_on: none\n`,
    'sub/other.yaml': 'rules: [no-such-rules]\n',
  });

  it('takes roster, election, format and fail_on from asn-audit.config.yaml in the working directory', () => {
    const run = runCli(['scan', DEMO.activity], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ schema: 'asn-audit/report@1', roster: { file: DEMO.roster } });
  });

  it('lets flags win over the file', () => {
    const run = runCli(['scan', DEMO.activity, '--format', 'csv', '--fail-on', 'low'], { cwd: dir });
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout.startsWith('{')).toBe(false);
    expect(run.stdout.split('\n')[0]).toContain('fingerprint');
  });

  it('uses --config instead of the file in the working directory; a repeatable flag replaces the list', () => {
    const fromFile = runCli(
      ['--config', 'sub/other.yaml', 'scan', DEMO.activity, '--election', DEMO.election, '--roster', DEMO.roster],
      { cwd: dir },
    );
    expect(fromFile.code).toBe(2);
    expect(fromFile.stderr).toContain(`${join('sub', 'no-such-rules')}: rule file or folder not found`);
    const flagsWin = runCli(
      [
        'scan',
        DEMO.activity,
        '--config',
        'sub/other.yaml',
        '--election',
        DEMO.election,
        '--roster',
        DEMO.roster,
        '--rules',
        resolve(ROOT, 'rules'),
        '--format',
        'json',
      ],
      { cwd: dir },
    );
    expect(flagsWin.code, flagsWin.stderr).toBe(1);
    expect((JSON.parse(flagsWin.stdout) as { rules: { files: string[] } }).rules.files[0]).toMatch(
      /^asn-audit\/rules\//,
    );
  });

  it('stops with exit 2 naming the file and the unknown key', () => {
    const bad = folder('scan-bad', { 'asn-audit.config.json': '{"roster": "r.csv", "colour": false}' });
    const run = runCli(['scan', DEMO.activity], { cwd: bad });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('asn-audit.config.json:1 (top level): unknown key "colour"');
    expect(run.stderr).toContain('hint: a config file may set: roster, election, rules,');
  });

  it('is not read by other commands', () => {
    const bad = join(root, 'scan-bad');
    expect(runCli(['schema', 'roster'], { cwd: bad }).code).toBe(0);
  });
});
