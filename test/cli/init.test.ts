// `asn-audit init`: writes the starter files, never over existing ones unless --force, and they work as written.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { schemaModeline } from '../../src/cli/init-command.js';
import { INIT_TEMPLATES } from '../../src/cli/init-templates/index.js';
import { checkNip } from '../../src/normalize/nip.js';
import { ROOT, runCli } from '../helpers/cli.js';

const root = mkdtempSync(join(tmpdir(), 'asn-audit-init-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const FILES = ['asn-audit.config.yaml', 'election.yaml', 'roster.csv', 'activity.csv'];

describe('init', () => {
  it('writes the config and the three example files into a new folder', () => {
    const run = runCli(['init', 'starter'], { cwd: root });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe(
      [
        ...FILES.map((f) => `wrote   starter/${f}`),
        '',
        'next: replace the examples with your election, roster and activity, then run',
        '  cd starter && asn-audit scan activity.csv',
        '',
      ].join('\n'),
    );
    for (const { name, content, schema } of INIT_TEMPLATES) {
      const written = readFileSync(join(root, 'starter', name), 'utf8');
      expect(written).toBe(schema ? `${schemaModeline(schema, join(root, 'starter'))}\n${content}` : content);
    }
  });

  it('tops the YAML files with a yaml-language-server line naming the bundled schema, which exists', () => {
    const dir = join(root, 'modeline');
    expect(runCli(['init', dir]).code).toBe(0);
    const modelines = ['asn-audit.config.yaml', 'election.yaml'].map(
      (name) => readFileSync(join(dir, name), 'utf8').split('\n')[0],
    );
    // This clone is no dependency of the temporary folder, so the path is absolute.
    expect(modelines).toEqual([
      `# yaml-language-server: $schema=${resolve(ROOT, 'schemas/config.schema.json')}`,
      `# yaml-language-server: $schema=${resolve(ROOT, 'schemas/election.schema.json')}`,
    ]);
    for (const line of modelines) expect(existsSync(line!.split('$schema=')[1]!)).toBe(true);
  });

  it('names the schema relative to the file when asn-audit is installed in the project it writes into', () => {
    const packageRoot = '/home/ana/pilkada/node_modules/asn-audit';
    expect(schemaModeline('election', '/home/ana/pilkada', packageRoot)).toBe(
      '# yaml-language-server: $schema=node_modules/asn-audit/schemas/election.schema.json',
    );
    expect(schemaModeline('config', '/home/ana/pilkada/2024/putaran-1', packageRoot)).toBe(
      '# yaml-language-server: $schema=../../node_modules/asn-audit/schemas/config.schema.json',
    );
    // A global install, or npx's cache: not inside the project, so absolute.
    expect(schemaModeline('election', '/home/ana/pilkada', '/usr/lib/node_modules/asn-audit')).toBe(
      '# yaml-language-server: $schema=/usr/lib/node_modules/asn-audit/schemas/election.schema.json',
    );
    expect(schemaModeline('election', '/home/ana', '/home/ana/.npm/_npx/1a2b/node_modules/asn-audit')).toBe(
      '# yaml-language-server: $schema=/home/ana/.npm/_npx/1a2b/node_modules/asn-audit/schemas/election.schema.json',
    );
  });

  it('writes templates that validate and scan as written, with the config naming roster and election', () => {
    const dir = join(root, 'scan');
    mkdirSync(dir);
    expect(runCli(['init'], { cwd: dir }).code).toBe(0);
    const validate = runCli(['validate', 'roster.csv', 'election.yaml', 'activity.csv'], { cwd: dir });
    expect(validate.stdout).not.toContain('FAIL');
    expect(validate.code, validate.stdout).toBe(0);
    const scan = runCli(['scan', 'activity.csv', '--format', 'json'], { cwd: dir });
    expect([0, 1], scan.stderr).toContain(scan.code);
    const report = JSON.parse(scan.stdout) as {
      roster: { file: string };
      summary: { rows_read: number; rows_rejected: number; rows_unmatched: number; findings: number };
    };
    expect(report.roster.file).toBe('roster.csv');
    expect(report.summary).toMatchObject({ rows_read: 5, rows_rejected: 0, rows_unmatched: 0 });
    // The examples are there to show what a finding looks like.
    expect(report.summary.findings).toBeGreaterThan(0);
  });

  it('skips files that exist and says which, and --force overwrites them', () => {
    const dir = join(root, 'existing');
    mkdirSync(dir);
    writeFileSync(join(dir, 'roster.csv'), 'my roster\n');
    writeFileSync(join(dir, 'asn-audit.config.yaml'), 'roster: mine.csv\n');
    const run = runCli(['init', dir]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`wrote   ${join(dir, 'election.yaml')}\n`);
    expect(run.stdout).toContain(
      `skipped ${join(dir, 'asn-audit.config.yaml')}: it already exists (--force overwrites it)\n`,
    );
    expect(run.stdout).toContain(`skipped ${join(dir, 'roster.csv')}: it already exists`);
    expect(readFileSync(join(dir, 'roster.csv'), 'utf8')).toBe('my roster\n');
    expect(readFileSync(join(dir, 'asn-audit.config.yaml'), 'utf8')).toBe('roster: mine.csv\n');

    const forced = runCli(['init', dir, '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(forced.stdout).not.toContain('skipped');
    expect(readFileSync(join(dir, 'roster.csv'), 'utf8')).toBe(
      INIT_TEMPLATES.find((t) => t.name === 'roster.csv')!.content,
    );
  });

  it('says what went wrong when the folder cannot be made', () => {
    const file = join(root, 'a-file');
    writeFileSync(file, '');
    const run = runCli(['init', join(file, 'sub')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('cannot create the folder');
    expect(existsSync(join(file, 'sub'))).toBe(false);
  });

  it('gives the example roster valid NIPs', () => {
    const roster = INIT_TEMPLATES.find((t) => t.name === 'roster.csv')!.content;
    const nips = roster
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(',')[0]!);
    expect(nips).toHaveLength(2);
    for (const nip of nips) expect(checkNip(nip, new Date('2025-01-01T00:00:00Z'))).toMatchObject({ ok: true });
  });
});
