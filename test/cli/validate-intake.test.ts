// `validate` reads activity through the loader `scan` uses: what one accepts, the other accepts, with the same flags.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const ELECTION = 'fixtures/demo/election.yaml';
const NIP = '198507222010012012';
const OTHER_NIP = '198009112005012004';

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'asn-validate-'));
  mkdirSync(join(dir, 'downloads', NIP), { recursive: true });
  writeFileSync(
    join(dir, 'downloads', NIP, 'tweets.js'),
    `window.YTD.tweets.part0 = [
  { "tweet" : { "id_str" : "1838000000000000009", "created_at" : "Mon Sep 30 00:00:00 +0000 2024",
    "full_text" : "Coblos nomor 3 #JakartaMenyala", "entities" : { "hashtags" : [], "user_mentions" : [], "urls" : [] } } }
]
`,
  );
  writeFileSync(join(dir, 'roster.csv'), `nip,name,agency,position,x\n${NIP},Siti Rahmawati,Dinkes,Kasi,\n`);
  writeFileSync(join(dir, 'other-roster.csv'), `nip,name,agency,position,x\n${OTHER_NIP},Dewi Anggraeni,Kel,Lurah,\n`);
  return dir;
}

describe('validate and scan share one loader', () => {
  it('accepts a download in a NIP folder, as scan does', () => {
    const dir = workspace();
    const scan = runCli(
      ['scan', 'downloads', '--roster', 'roster.csv', '--election', join(process.cwd(), ELECTION), '--format', 'json'],
      { cwd: dir },
    );
    expect(scan.code, scan.stderr).toBe(1);
    const report = JSON.parse(scan.stdout) as { summary: { rows_read: number; rows_rejected: number } };
    expect(report.summary.rows_read).toBe(1);
    expect(report.summary.rows_rejected).toBe(0);

    const alone = runCli(['validate', 'downloads'], { cwd: dir });
    expect(alone.stdout).toBe('ok    downloads (aktivitas): 1 baris, semua sah\n');
    expect(alone.code).toBe(0);
    const withRoster = runCli(
      ['validate', 'downloads', '--roster', 'roster.csv', '--election', join(process.cwd(), ELECTION)],
      { cwd: dir },
    );
    expect(withRoster.stdout).toBe('ok    downloads (aktivitas): 1 baris, semua sah\n');
    expect(withRoster.code).toBe(0);
  });

  it('refuses with --roster what scan refuses with that roster: a NIP folder of someone not in it', () => {
    const dir = workspace();
    const scan = runCli(
      ['scan', 'downloads', '--roster', 'other-roster.csv', '--election', join(process.cwd(), ELECTION)],
      { cwd: dir },
    );
    expect(scan.code).toBe(2);
    expect(scan.stderr).toContain('cannot tell whose data download this is');
    const validate = runCli(['validate', 'downloads', '--roster', 'other-roster.csv'], { cwd: dir });
    expect(validate.code).toBe(2);
    expect(validate.stdout).toContain('cannot tell whose data download this is');
  });

  it('checks --nip against the roster, as scan does', () => {
    const dir = workspace();
    const validate = runCli(['validate', 'downloads', '--roster', 'other-roster.csv', '--nip', NIP], { cwd: dir });
    expect(validate.code).toBe(2);
    expect(validate.stderr).toContain(`--nip: NIP ${NIP} is not in the roster`);
    const ok = runCli(['validate', 'downloads', '--roster', 'other-roster.csv', '--nip', OTHER_NIP], { cwd: dir });
    expect(ok.stdout).toBe('ok    downloads (aktivitas): 1 baris, semua sah\n');
  });

  it('reads the election file given with --election, and stops on its problems as scan does', () => {
    const dir = workspace();
    writeFileSync(join(dir, 'a.csv'), `platform,nip,timestamp,type,text\nx,${NIP},2024-10-01 10:00,post,halo\n`);
    const run = runCli(['validate', 'a.csv', '--election', join(process.cwd(), 'fixtures/cli/broken-election.yaml')], {
      cwd: dir,
    });
    const scan = runCli(
      [
        'scan',
        'a.csv',
        '--roster',
        'roster.csv',
        '--election',
        join(process.cwd(), 'fixtures/cli/broken-election.yaml'),
      ],
      { cwd: dir },
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(scan.stderr);
    const good = runCli(['validate', 'a.csv', '--election', join(process.cwd(), ELECTION)], { cwd: dir });
    expect(good.stdout).toBe('ok    a.csv (aktivitas): 1 baris, semua sah\n');
  });
});

describe('validate and rules list follow --lang', () => {
  it('say each file’s kind and counts in Indonesian by default and in English with --lang en', () => {
    const files = ['fixtures/demo/roster.csv', 'fixtures/demo/election.yaml', 'rules'];
    const id = runCli(['validate', ...files]);
    expect(id.code, id.stderr).toBe(0);
    expect(id.stdout).toMatch(
      /^ok {4}fixtures\/demo\/roster\.csv \(daftar ASN\): 30 orang, \d+ tanpa akun\nok {4}fixtures\/demo\/election\.yaml \(pemilu\): \d+ calon, \d+ tahapan, \d+ akun\nok {4}rules \(aturan\): \d+ aturan\n$/,
    );
    const en = runCli(['validate', ...files, '--lang', 'en']);
    expect(en.stdout).toMatch(
      /^ok {4}fixtures\/demo\/roster\.csv \(roster\): 30 persons, \d+ without accounts\nok {4}fixtures\/demo\/election\.yaml \(election\): \d+ candidates, \d+ phases, \d+ accounts\nok {4}rules \(rules\): \d+ rules\n$/,
    );
  });

  it('marks a bad file GAGAL or FAIL', () => {
    const id = runCli(['validate', '--kind', 'roster', 'fixtures/demo/election.yaml']);
    expect(id.code).toBe(2);
    expect(id.stdout).toMatch(/^GAGAL fixtures\/demo\/election\.yaml \(daftar ASN\):\n {2}/);
    const en = runCli(['validate', '--kind', 'roster', 'fixtures/demo/election.yaml', '--lang', 'en']);
    expect(en.stdout).toMatch(/^FAIL {2}fixtures\/demo\/election\.yaml \(roster\):\n {2}/);
  });

  it('rules list gives the titles and the total in the language asked', () => {
    const id = runCli(['rules', 'list']).stdout.trimEnd().split('\n');
    const en = runCli(['rules', 'list', '--lang', 'en']).stdout.trimEnd().split('\n');
    expect(id.at(-1)).toMatch(/^\d+ aturan dalam \d+ berkas$/);
    expect(en.at(-1)).toMatch(/^\d+ rules in \d+ files$/);
    expect(id).toHaveLength(en.length);
    // Same rules, same columns; only the titles differ.
    expect(id[0]!.slice(0, 90)).toBe(en[0]!.slice(0, 90));
    expect(id[0]).not.toBe(en[0]);
  });
});
