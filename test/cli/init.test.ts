// `asn-audit init`: writes the starter files, never over existing ones unless --force, and they work as written.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { INIT_TEMPLATES } from '../../src/cli/init-templates/index.js';
import { checkNip } from '../../src/normalize/nip.js';
import { runCli } from '../helpers/cli.js';

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
    for (const { name, content } of INIT_TEMPLATES)
      expect(readFileSync(join(root, 'starter', name), 'utf8')).toBe(content);
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
