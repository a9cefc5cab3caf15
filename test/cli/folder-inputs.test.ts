// Every file seen in a folder is read or listed with its reason; --strict and --fail-on-skipped stop on any skipped one.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';

const ELECTION = resolve(ROOT, 'fixtures/demo/election.yaml');
const NIP = '198507222010012012';
const isRoot = process.getuid?.() === 0;
const row = (id: string) => `${id},x,${NIP},2024-10-01 10:00,post,selamat pagi\n`;
const HEADER = 'id,platform,nip,timestamp,type,text\n';

let dir: string;
let server: Server;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'asn-folder-'));
  mkdirSync(join(dir, 'exports', 'sub'), { recursive: true });
  writeFileSync(join(dir, 'roster.csv'), `nip,name,agency,position,x\n${NIP},Siti Rahmawati,Dinkes,Kasi,\n`);
  writeFileSync(join(dir, 'exports', 'a.csv'), HEADER + row('a1') + row('a2'));
  writeFileSync(join(dir, 'elsewhere.csv'), HEADER + row('b1'));
  symlinkSync(join(dir, 'elsewhere.csv'), join(dir, 'exports', 'linked.csv'));
  symlinkSync(join(dir, 'missing.csv'), join(dir, 'exports', 'broken.csv'));
  symlinkSync(join(dir, 'exports'), join(dir, 'exports', 'sub', 'loop'));
  execFileSync('mkfifo', [join(dir, 'exports', 'pipe.csv')]);
  server = createServer();
  await new Promise<void>((done) => server.listen(join(dir, 'exports', 'socket.csv'), done));
});

afterAll(() => new Promise<void>((done) => server.close(() => done())));

const scan = (...extra: string[]) =>
  runCli(['scan', 'exports', '--roster', 'roster.csv', '--election', ELECTION, '--format', 'json', ...extra], {
    cwd: dir,
  });

describe('files in a folder', () => {
  it('reads symlinked files and lists FIFOs, sockets and broken links with their reason', () => {
    const run = scan();
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as {
      summary: { rows_read: number; rows_rejected: number };
      inputs: { path: string; rows: number }[];
      skipped_inputs: { path: string; reason: string }[];
    };
    expect(report.summary.rows_read).toBe(3);
    expect(report.summary.rows_rejected).toBe(0);
    expect(report.inputs.map((i) => [i.path, i.rows])).toEqual([
      ['exports/a.csv', 2],
      ['exports/linked.csv', 1],
    ]);
    expect(report.skipped_inputs).toEqual([
      { path: 'exports/broken.csv', reason: 'a symbolic link whose target does not exist' },
      { path: 'exports/pipe.csv', reason: 'a named pipe (FIFO), not a file: not read' },
      { path: 'exports/socket.csv', reason: 'a socket, not a file: not read' },
    ]);
    expect(run.stderr).toContain('3 file(s) in folders or downloads could not be read');
  });

  it('exits 2 on any skipped input with --fail-on-skipped and with --strict, naming each file', () => {
    for (const flag of ['--fail-on-skipped', '--strict']) {
      const run = scan(flag, '--error-format', 'text');
      expect(run.code, flag).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain('exports/pipe.csv: not read: a named pipe (FIFO), not a file: not read');
      expect(run.stderr).toContain('exports/socket.csv: not read: a socket');
      expect(run.stderr).toContain(`${flag} stops when an input is skipped`);
      expect(run.stderr).not.toMatch(/\bat .*\.js:\d+/);
    }
  });

  it('validate lists the skipped files, and fails on them with --fail-on-skipped', () => {
    const ok = runCli(['validate', 'exports'], { cwd: dir });
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('ok    exports (aktivitas): 3 baris, semua sah; 3 berkas tidak dibaca:');
    expect(ok.stdout).toContain('  dilewati exports/pipe.csv: a named pipe (FIFO), not a file: not read');
    const failed = runCli(['validate', 'exports', '--fail-on-skipped'], { cwd: dir });
    expect(failed.code).toBe(2);
    expect(failed.stdout).toContain('exports/socket.csv: tidak dibaca: a socket, not a file: not read');
  });

  it('names a FIFO given on the command line instead of failing with ESPIPE', () => {
    const run = runCli(['scan', 'exports/pipe.csv', '--roster', 'roster.csv', '--election', ELECTION], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('exports/pipe.csv: a named pipe (FIFO), not a file: not read');
    expect(run.stderr).not.toContain('ESPIPE');
  });

  it.skipIf(isRoot)('lists a file without read permission (skipped when run as root, who can read any file)', () => {
    const locked = mkdtempSync(join(tmpdir(), 'asn-locked-'));
    mkdirSync(join(locked, 'exports'));
    writeFileSync(join(locked, 'roster.csv'), `nip,name,agency,position,x\n${NIP},Siti,Dinkes,Kasi,\n`);
    writeFileSync(join(locked, 'exports', 'secret.csv'), HEADER + row('c1'));
    chmodSync(join(locked, 'exports', 'secret.csv'), 0o000);
    const run = runCli(['scan', 'exports', '--roster', 'roster.csv', '--election', ELECTION, '--format', 'json'], {
      cwd: locked,
    });
    const report = JSON.parse(run.stdout) as { skipped_inputs: { path: string; reason: string }[] };
    expect(report.skipped_inputs).toEqual([
      { path: 'exports/secret.csv', reason: 'cannot be read: permission denied' },
    ]);
  });
});
